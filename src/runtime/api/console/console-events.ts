import { ServerResponse } from 'http';
import { CONSOLE_SECURITY_HEADERS } from './console-http';
import { BatchBackend } from '../../core/backend';
import { JobRecord } from '../../core/jobs/job-record';
import { BATCH_LOG_GROUP } from '../../core/logging/log-store';

/** Changes are sent at most this often: a burst of state changes (an array, run-until-idle) is one message. */
export const CHANGE_FLUSH_MS = 200;
/** Beyond this many changed jobs (or log streams) in one message, the message says "many" instead of listing them. */
export const MAX_LISTED_CHANGES = 200;
/** A comment line this often keeps idle streams open through proxies and finds closed tabs. */
const HEARTBEAT_MS = 25_000;

/**
 * What one `change` event carries. Pages refetch what they show when it concerns them; with
 * `truncated` they refetch regardless. Nothing but ids and names goes out: a page asks for data.
 */
export interface ConsoleChange {
  /** Runtime time of the last change in the batch. */
  readonly now: number;
  /** Queues whose jobs changed state (their counts and lists). */
  readonly queues: string[];
  /** Jobs that changed state (array children and nodes included), up to MAX_LISTED_CHANGES. */
  readonly jobs: string[];
  /** Log streams that got lines, up to MAX_LISTED_CHANGES. */
  readonly logStreams: string[];
  /** More changed than listed: treat every job and stream as changed. */
  readonly truncated: boolean;
}

/**
 * Live updates for the console as server-sent events: the backend's job state-change and log
 * listeners mark what changed, and at most every CHANGE_FLUSH_MS one `change` event names it to every
 * open page, which then fetches only what it shows. No page polls; a quiet runtime sends nothing but a
 * heartbeat. With no page open, changes are not even collected.
 */
export class ConsoleEvents {
  private readonly clients = new Set<ServerResponse>();
  private readonly queues = new Set<string>();
  private readonly jobs = new Set<string>();
  private readonly logStreams = new Set<string>();
  private truncated = false;
  private flushTimer?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;

  constructor(private readonly backend: BatchBackend) {
    backend.addJobStateListener({ onJobStateChange: (job) => this.jobChanged(job), onJobSubmitted: (job) => this.jobChanged(job) });
    backend.logs.addListener({
      onLogAppended: (group, stream) => {
        if (group !== BATCH_LOG_GROUP || this.clients.size === 0) return;
        this.note(this.logStreams, stream);
      },
    });
  }

  /** Answers a `GET /console/api/events` with an event stream that stays open until the page goes. */
  open(response: ServerResponse): void {
    response.writeHead(200, {
      ...CONSOLE_SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Accel-Buffering': 'no',
    });
    // The first event tells the page the stream is live (and how often to expect changes).
    response.write(`retry: 2000\nevent: hello\ndata: ${JSON.stringify({ now: this.backend.loop.now(), flushMs: CHANGE_FLUSH_MS })}\n\n`);
    this.clients.add(response);
    response.on('close', () => {
      this.clients.delete(response);
      if (this.clients.size === 0) this.stopHeartbeat();
    });
    if (!this.heartbeat) {
      this.heartbeat = setInterval(() => this.broadcast(': heartbeat\n\n'), HEARTBEAT_MS);
      this.heartbeat.unref();
    }
  }

  /** Open event streams now. */
  get clientCount(): number {
    return this.clients.size;
  }

  /** Ends every stream (the server is closing: open streams would keep it from closing). */
  close(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.stopHeartbeat();
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private jobChanged(job: JobRecord): void {
    if (this.clients.size === 0) return;
    this.queues.add(job.spec.queue.name);
    this.note(this.jobs, job.jobId);
  }

  private note(set: Set<string>, id: string): void {
    if (set.size < MAX_LISTED_CHANGES) set.add(id);
    else if (!set.has(id)) this.truncated = true;
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flush(), CHANGE_FLUSH_MS);
      this.flushTimer.unref();
    }
  }

  private flush(): void {
    this.flushTimer = undefined;
    const change: ConsoleChange = {
      now: this.backend.loop.now(),
      queues: [...this.queues],
      jobs: [...this.jobs],
      logStreams: [...this.logStreams],
      truncated: this.truncated,
    };
    this.queues.clear();
    this.jobs.clear();
    this.logStreams.clear();
    this.truncated = false;
    this.broadcast(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
  }

  private broadcast(text: string): void {
    for (const client of this.clients) client.write(text);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}
