import { BatchBackend } from '../runtime/core/backend';
import { BATCH_LOG_GROUP } from '../runtime/core/logging/log-store';

/** Receives each log line of a followed job as it arrives. */
export interface LogLineSink {
  line(jobId: string, line: string): void;
}

/** How often the follower looks for new lines; the job's state changes also trigger a look. */
const POLL_INTERVAL_MS = 200;

/**
 * Prints a job's log lines while it runs (`batch-local run`). The log store is read, not hooked:
 * the runtime core stays unaware of the CLI. Each job id remembers the stream it read and how far,
 * so a retry (a new attempt, a new stream) is followed from its first line.
 */
export class JobLogFollower {
  private readonly position = new Map<string, { stream: string; next: number }>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly backend: BatchBackend, private readonly jobIds: readonly string[], private readonly sink: LogLineSink) {}

  start(): void {
    // unref: a pending look must not keep the CLI alive once the job is done.
    this.timer ??= setInterval(() => this.poll(), POLL_INTERVAL_MS).unref();
  }

  /** Prints every line that arrived since the last look. */
  poll(): void {
    for (const jobId of this.jobIds) {
      const stream = this.backend.job(jobId)?.currentAttempt?.logStreamName;
      if (stream === undefined) continue;
      let position = this.position.get(jobId);
      if (position?.stream !== stream) {
        position = { stream, next: 0 };
        this.position.set(jobId, position);
      }
      const events = this.backend.logs.events(BATCH_LOG_GROUP, stream) ?? [];
      for (; position.next < events.length; position.next++) this.sink.line(jobId, events[position.next].message);
    }
  }

  /** Stops looking after a last look, so no line that arrived before the end is lost. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.poll();
  }
}
