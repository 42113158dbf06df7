/**
 * The runtime's only source of time. The core never reads the wall clock itself: a virtual clock
 * makes runs deterministic, a system clock (outside the core) makes them real.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** A clock that moves only when the event loop advances it. */
export class VirtualClock implements Clock {
  private current: number;

  constructor(startEpochMs: number) {
    this.current = startEpochMs;
  }

  now(): number {
    return this.current;
  }

  /** Moves time forward; time never goes back. */
  advanceTo(epochMs: number): void {
    if (epochMs > this.current) {
      this.current = epochMs;
    }
  }
}

/** 2020-01-01T00:00:00Z: the default start of virtual time, so outputs are reproducible. */
export const DEFAULT_VIRTUAL_EPOCH_MS = Date.UTC(2020, 0, 1);
