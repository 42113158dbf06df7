/** One log event (CloudWatch Logs shape). */
export interface LogEvent {
  readonly timestamp: number;
  readonly message: string;
  readonly ingestionTime: number;
}

/** The log group every Batch job writes to by default (LOG-1). */
export const BATCH_LOG_GROUP = '/aws/batch/job';

/** Told of each log line as it is appended. */
export interface LogAppendListener {
  onLogAppended(group: string, stream: string, timestamp: number, message: string): void;
}

/**
 * In-memory CloudWatch Logs: log group -> stream -> events, in arrival order. Pure storage; the HTTP
 * layer reads it for GetLogEvents/FilterLogEvents.
 */
export class LogStore {
  private readonly groups = new Map<string, Map<string, LogEvent[]>>();
  private readonly listeners: LogAppendListener[] = [];

  append(group: string, stream: string, timestamp: number, message: string): void {
    this.streamEvents(group, stream, true)!.push({ timestamp, message, ingestionTime: timestamp });
    for (const listener of this.listeners) listener.onLogAppended(group, stream, timestamp, message);
  }

  /** Told of every appended line (a durable endpoint journals them). */
  addListener(listener: LogAppendListener): void {
    this.listeners.push(listener);
  }

  /** Creates an empty stream, so a job that writes nothing still has a readable one (LOG-1). */
  ensureStream(group: string, stream: string): void {
    this.streamEvents(group, stream, true);
  }

  events(group: string, stream: string): readonly LogEvent[] | undefined {
    return this.streamEvents(group, stream, false);
  }

  streams(group: string): string[] {
    return [...(this.groups.get(group)?.keys() ?? [])];
  }

  /** Checkpoint restore: puts a saved stream back as it was (listeners are not told: nothing new was written). */
  restoreStream(group: string, stream: string, events: readonly LogEvent[]): void {
    this.streamEvents(group, stream, true)!.push(...events);
  }

  groupNames(): string[] {
    return [...this.groups.keys()];
  }

  private streamEvents(group: string, stream: string, create: boolean): LogEvent[] | undefined {
    let streams = this.groups.get(group);
    if (!streams) {
      if (!create) return undefined;
      streams = new Map();
      this.groups.set(group, streams);
    }
    let events = streams.get(stream);
    if (!events && create) {
      events = [];
      streams.set(stream, events);
    }
    return events;
  }
}
