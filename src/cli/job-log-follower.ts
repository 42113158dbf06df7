import { BATCH_LOG_GROUP, BatchBackend } from '../runtime/cli-surface';

/** Receives each log line of a followed job as it arrives. */
export interface LogLineSink {
  line(jobId: string, line: string): void;
}

/** How often the follower looks for new lines of running jobs between their state changes. */
const POLL_INTERVAL_MS = 200;

/**
 * Prints job log lines while the jobs run (`batch-local run`). The log store is read, not hooked:
 * the runtime core stays unaware of the CLI. A job is read when its state changes (so the lines
 * before its end are never missed) and, while it is STARTING or RUNNING, on a timer; only those
 * jobs are polled, so an array of 10,000 children costs a look at the few that run, not at all of
 * them. Each job remembers the stream it read and how far, so a retry (a new attempt, a new
 * stream) is followed from its first line.
 */
export class JobLogFollower {
  private readonly position = new Map<string, { stream: string; next: number }>();
  /** Jobs whose container may be writing now. */
  private readonly running = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly backend: BatchBackend, private readonly sink: LogLineSink) {}

  start(): void {
    // unref: a pending look must not keep the CLI alive once the job is done.
    this.timer ??= setInterval(() => this.poll(), POLL_INTERVAL_MS).unref();
  }

  /** Call on each state change of a followed job: prints its new lines and notes whether it runs. */
  jobChanged(jobId: string): void {
    const status = this.backend.job(jobId)?.status;
    this.read(jobId);
    if (status === 'STARTING' || status === 'RUNNING') this.running.add(jobId);
    else this.running.delete(jobId);
  }

  /** Prints every line the running jobs wrote since the last look. */
  poll(): void {
    for (const jobId of this.running) this.read(jobId);
  }

  /** Stops the timer after a last look, so no line that arrived before the end is lost. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.poll();
  }

  private read(jobId: string): void {
    const stream = this.backend.job(jobId)?.currentAttempt?.logStreamName;
    if (stream === undefined) return;
    let position = this.position.get(jobId);
    if (position?.stream !== stream) {
      position = { stream, next: 0 };
      this.position.set(jobId, position);
    }
    const events = this.backend.logs.events(BATCH_LOG_GROUP, stream) ?? [];
    for (; position.next < events.length; position.next++) this.sink.line(jobId, events[position.next].message);
  }
}
