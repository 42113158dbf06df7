/* eslint-disable no-bitwise */ // a PRNG is bit arithmetic by nature

/**
 * A small seeded pseudo-random generator (mulberry32): the simulated executor draws duration jitter
 * from it so that a virtual-time run with the same seed gives the same durations every time.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) {
      throw new Error(`seed: ${seed} is not an integer`);
    }
    this.state = seed >>> 0;
  }

  /** Checkpoint: where the sequence is, so a restored runtime draws the numbers the uninterrupted one would. */
  get position(): number {
    return this.state;
  }

  restorePosition(position: number): void {
    this.state = position | 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
