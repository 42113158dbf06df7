import { EventLoop, WakeUpListener } from '../core/event-loop';

/** Tells the driver whether the runtime has work someone may be waiting for. */
export interface RuntimeActivity {
  /** True while a submitted job is not yet SUCCEEDED or FAILED. */
  hasActiveWork(): boolean;
}

/**
 * Drives the event loop in real time: one timer armed for the earliest pending event. Executors and
 * API calls add events at any moment; the loop tells us when the earliest one moves earlier.
 *
 * The timer keeps the process alive only while a job is unfinished. With the simulated executor on
 * the wall clock a running job is nothing but this timer, so it must hold the process then; once every
 * job is SUCCEEDED or FAILED, what is left (instance scale-down, EventBridge schedules) is housekeeping
 * that must not keep a script or a jest worker from exiting.
 */
export class RealTimeDriver implements WakeUpListener {
  private timer?: NodeJS.Timeout;
  private armedFor = Number.POSITIVE_INFINITY;
  private running = false;

  /** `activity` absent: the timer always holds the process (as a plain setTimeout would). */
  constructor(private readonly loop: EventLoop, private readonly wallClock: () => number, private readonly activity?: RuntimeActivity) {
    loop.setWakeUpListener(this);
  }

  onEarliestEventChanged(epochMs: number): void {
    if (this.running) return; // runDue re-arms after it finishes
    if (epochMs >= this.armedFor) return;
    this.arm(epochMs);
  }

  /**
   * Holds the process with the timer while there is active work, releases it otherwise. Call it when
   * work may have started or ended outside the loop's own events (a submission, a process exit).
   */
  refreshHold(): void {
    if (!this.timer) return;
    if (!this.activity || this.activity.hasActiveWork()) this.timer.ref();
    else this.timer.unref();
  }

  /** Whether the armed timer keeps the process alive now. */
  get holdsProcess(): boolean {
    return this.timer?.hasRef() ?? false;
  }

  /** Stops the timer (the process may exit once nothing else runs). Idempotent. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedFor = Number.POSITIVE_INFINITY;
  }

  private arm(epochMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.armedFor = epochMs;
    this.timer = setTimeout(() => this.runDue(), Math.max(0, epochMs - this.wallClock()));
    this.refreshHold();
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
