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
 *
 * An event that is already due runs on `setImmediate`, not `setTimeout(0)`: Node clamps a timeout to
 * at least 1 ms, and a job's exit, the scheduling pass it triggers and the next job's start are each
 * such events, so short jobs spent most of their time waiting for timers (bench/process-executor.ts).
 * `setImmediate` still yields to I/O first, so output and exits of other jobs are not starved.
 */
export class RealTimeDriver implements WakeUpListener {
  private timer?: NodeJS.Timeout;
  private immediate?: NodeJS.Immediate;
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
    const handle = this.timer ?? this.immediate;
    if (!handle) return;
    if (!this.activity || this.activity.hasActiveWork()) handle.ref();
    else handle.unref();
  }

  /** Whether the armed timer keeps the process alive now. */
  get holdsProcess(): boolean {
    return (this.timer ?? this.immediate)?.hasRef() ?? false;
  }

  /** Stops the timer (the process may exit once nothing else runs). Idempotent. */
  dispose(): void {
    this.disarm();
    this.armedFor = Number.POSITIVE_INFINITY;
  }

  private arm(epochMs: number): void {
    this.disarm();
    this.armedFor = epochMs;
    const delay = epochMs - this.wallClock();
    if (delay <= 0) this.immediate = setImmediate(() => this.runDue());
    else this.timer = setTimeout(() => this.runDue(), delay);
    this.refreshHold();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
  }

  private runDue(): void {
    this.timer = undefined;
    this.immediate = undefined;
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
