import { EventLoop, WakeUpListener } from '../core/event-loop';

/**
 * Drives the event loop in real time: one timer armed for the earliest pending event. Executors and
 * API calls add events at any moment; the loop tells us when the earliest one moves earlier.
 */
export class RealTimeDriver implements WakeUpListener {
  private timer?: NodeJS.Timeout;
  private armedFor = Number.POSITIVE_INFINITY;
  private running = false;

  constructor(private readonly loop: EventLoop, private readonly wallClock: () => number) {
    loop.setWakeUpListener(this);
  }

  onEarliestEventChanged(epochMs: number): void {
    if (this.running) return; // runDue re-arms after it finishes
    if (epochMs >= this.armedFor) return;
    this.arm(epochMs);
  }

  /** Stops the timer (the process may exit once nothing else runs). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedFor = Number.POSITIVE_INFINITY;
  }

  private arm(epochMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.armedFor = epochMs;
    this.timer = setTimeout(() => this.runDue(), Math.max(0, epochMs - this.wallClock()));
  }

  private runDue(): void {
    this.timer = undefined;
    this.armedFor = Number.POSITIVE_INFINITY;
    this.running = true;
    try {
      this.loop.runUntil(this.wallClock());
    } finally {
      this.running = false;
    }
    const next = this.loop.nextEventTime();
    if (next !== undefined) this.arm(next);
  }
}
