import * as fs from 'fs';
import { crc32 } from './crc32';

/**
 * The journal's framing: one JSON object per line, `{"n":LENGTH,"c":"CRC32","r":RECORD}`, where
 * RECORD is the record's JSON text, LENGTH its length in UTF-16 code units and CRC32 its checksum.
 * A line is still plain JSON (readable with jq), and a torn or half-flushed last record is told
 * from a whole one without trusting the JSON parser: the header gives where the record must end
 * and what it must hash to.
 *
 * Why an append-only journal and not SQLite: the runtime already is an in-memory state machine
 * whose every change comes from a request or from its own deterministic event loop, so the journal
 * only has to hold the requests (replay rebuilds the rest); an append plus one fdatasync per batch
 * is the cheapest durable write there is, needs no native module in a jsii/npm package (bundled
 * deps must install everywhere without a compiler), and the file stays greppable for a user.
 */
const HEADER = /^\{"n":(\d+),"c":"([0-9a-f]{8})","r":/;

export function frameRecord(record: unknown): string {
  const text = JSON.stringify(record);
  return `{"n":${text.length},"c":"${crc32(text)}","r":${text}}\n`;
}

/** What reading a journal found: the whole records, and where the last whole one ends. */
export interface JournalContents {
  readonly records: unknown[];
  /** Byte offset just after the last whole record (where appends continue). */
  readonly validBytes: number;
  /** Set when the tail after the last whole record was torn or corrupt (and is dropped). */
  readonly tornTail?: { readonly line: number; readonly bytes: number; readonly why: string };
}

/**
 * Reads every whole record. A bad record that is the last one (a write the process died in) is
 * reported in `tornTail` and ignored; a bad record followed by whole ones is corruption, not a torn
 * write, and an error naming the file and line: replaying around a hole would rebuild a state that
 * never existed.
 */
export function readJournal(file: string): JournalContents {
  const buffer = fs.readFileSync(file);
  const records: unknown[] = [];
  let offset = 0;
  let line = 0;
  while (offset < buffer.length) {
    line++;
    const newline = buffer.indexOf(0x0a, offset);
    const end = newline < 0 ? buffer.length : newline;
    const why = newline < 0 ? 'no end of line (torn write)' : undefined;
    const parsed = why ?? parseLine(buffer.toString('utf8', offset, end));
    if (typeof parsed === 'string') {
      const rest = newline < 0 ? '' : buffer.toString('utf8', newline + 1).trim();
      if (rest.length > 0) {
        throw new Error(`${file}:${line}: corrupt journal record (${parsed}) followed by more records; the journal cannot be replayed past it`);
      }
      return { records, validBytes: offset, tornTail: { line, bytes: buffer.length - offset, why: parsed } };
    }
    records.push(parsed.record);
    offset = end + 1;
  }
  return { records, validBytes: offset };
}

function parseLine(text: string): { record: unknown } | string {
  const header = HEADER.exec(text);
  if (!header) return 'no record header';
  const length = Number(header[1]);
  const start = header[0].length;
  if (text.length !== start + length + 1 || !text.endsWith('}')) return `length ${length} does not match the line`;
  const body = text.slice(start, start + length);
  if (crc32(body) !== header[2]) return 'checksum mismatch';
  try {
    return { record: JSON.parse(body) };
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
}

/**
 * Appends framed records with group commit: every record appended while a write+fdatasync is in
 * flight goes out in the next one, so N concurrent requests cost about one fsync, not N.
 * `append` queues a record (job state changes, log lines: they ride the next flush); `commit`
 * queues one and resolves once it is on disk (an accepted request, before its 200).
 * Records reach the file in the order they were appended.
 */
export class JournalWriter {
  private readonly fd: number;
  private pending: string[] = [];
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private flushing = false;
  private scheduled = false;
  private failure?: Error;
  private position: number;

  constructor(private readonly file: string, validBytes: number) {
    this.fd = fs.openSync(file, 'r+');
    // Drop a torn tail so the next record starts on a line of its own.
    fs.ftruncateSync(this.fd, validBytes);
    this.position = validBytes;
  }

  /** Bytes in the file once what is queued is written (the segment's size, for the checkpoint policy). */
  get bytes(): number {
    return this.position;
  }

  /** Whether a write is in flight (a synchronous write or a close must wait for it). */
  get busy(): boolean {
    return this.flushing;
  }

  /** Set once a write failed: the in-memory state is ahead of the disk, nothing more is accepted. */
  get error(): Error | undefined {
    return this.failure;
  }

  append(record: unknown): void {
    if (this.failure) return;
    this.pending.push(frameRecord(record));
    this.schedule();
  }

  commit(record: unknown): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    this.pending.push(frameRecord(record));
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.schedule();
    return done;
  }

  /**
   * Resolves once every record appended so far is on disk. A read waits for it before it answers, so
   * a client never sees a state (a job SUCCEEDED) that a crash right after the answer could take back.
   */
  settled(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending.length === 0 && !this.flushing) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.schedule();
    return done;
  }

  /** Writes and syncs what is queued now (shutdown). */
  flushSync(): void {
    if (this.failure || this.pending.length === 0) return;
    const data = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    fs.writeSync(this.fd, data, 0, data.length, this.position);
    this.position += data.length;
    fs.fdatasyncSync(this.fd);
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.resolve();
  }

  /** Writes what is queued and closes the file, now: only when no write is in flight (`busy` false). */
  closeSync(): void {
    if (this.flushing) throw new Error(`${this.file}: closeSync while a write is in flight`);
    this.flushSync();
    fs.closeSync(this.fd);
  }

  /** Waits for the flush in flight, then writes what is left and closes the file. */
  async close(): Promise<void> {
    while (this.flushing) await new Promise((resolve) => setImmediate(resolve));
    this.flushSync();
    fs.closeSync(this.fd);
  }

  private schedule(): void {
    if (this.flushing || this.scheduled) return;
    this.scheduled = true;
    // setImmediate: let the requests already read in this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.pending.length === 0) {
      // Only readers waiting for a flush that has since completed (settled()).
      const waiters = this.waiters;
      this.waiters = [];
      for (const waiter of waiters) waiter.resolve();
      return;
    }
    this.flushing = true;
    const data = Buffer.from(this.pending.join(''), 'utf8');
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    fs.write(this.fd, data, 0, data.length, this.position, (writeError) => {
      if (writeError) return this.fail(writeError, waiters);
      this.position += data.length;
      fs.fdatasync(this.fd, (syncError) => {
        if (syncError) return this.fail(syncError, waiters);
        this.flushing = false;
        for (const waiter of waiters) waiter.resolve();
        if (this.pending.length > 0 || this.waiters.length > 0) this.schedule();
      });
    });
  }

  private fail(error: Error, waiters: { reject: (error: Error) => void }[]): void {
    this.failure = new Error(`${this.file}: journal write failed (${error.message}); the endpoint accepts no more changes`);
    this.flushing = false;
    for (const waiter of [...waiters, ...this.waiters]) waiter.reject(this.failure);
    this.waiters = [];
  }
}
