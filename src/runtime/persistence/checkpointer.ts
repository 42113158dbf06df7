import * as fs from 'fs';
import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, CheckpointHeader, syncDirectory, writeCheckpoint } from './checkpoint-file';
import { frameRecord, JournalWriter } from './journal-file';
import { HeaderRecord, RequestRecord } from './journal-records';
import { RecordingIdGenerator } from './recording-id-generator';
import { checkpointFile, compact, segmentFile } from './state-dir-layout';
import { BatchBackend } from '../core/backend';
import { CheckpointPart } from '../core/checkpoint/checkpoint-part';

/** How often a durable endpoint checkpoints. */
export interface CheckpointPolicy {
  /**
   * A checkpoint is taken at the first rest point after the journal segment has grown past this many
   * bytes. @default 1 MiB, or the size of the last checkpoint if that is larger (so rewriting what
   * retention keeps costs at most as much disk writing as the journal did, and a restart replays at
   * most about that much)
   */
  readonly everyBytes?: number;
  /**
   * Whether a clean shutdown checkpoints what was journaled since the last checkpoint, whatever its
   * size, so that the next start replays nothing. @default true
   */
  readonly atClose?: boolean;
  /** Tests: called after each step of a checkpoint and its compaction (to SIGKILL the process there). */
  readonly afterStep?: (step: string) => void;
}

export const DEFAULT_CHECKPOINT_BYTES = 1024 * 1024;

/** What a checkpoint is taken of, and the writer it replaces. */
export interface CheckpointSubject {
  readonly writer: JournalWriter;
  readonly backend: BatchBackend;
  readonly ids: RecordingIdGenerator;
  /** The accepted requests that changed the registry, from the template's load on. */
  readonly registry: readonly RequestRecord[];
  readonly parts: readonly CheckpointPart[];
}

/**
 * The live side of checkpoints. At a rest point (BatchBackend.atRest: nothing unfinished, no live
 * event) once the segment has grown past the policy's size, in one synchronous step (no request
 * can interleave):
 * 1. the segment gets a checkpoint mark (the ids generated since its last record) and is synced;
 * 2. checkpoint N is written atomically (tmp, fsync, rename, fsync of the directory);
 * 3. segment N is created with the journal's header and synced: appends continue there;
 * 4. compaction removes what is older than the previous checkpoint (kept as the fallback).
 * A crash after any step restores: before 2 from the previous checkpoint and the segment (whose
 * mark a replay passes like a request), after 2 from checkpoint N (its segment created if missing).
 */
export class Checkpointer {
  /** Set when a checkpoint failed: the reason was reported once, and the journal simply goes on. */
  private disabled = false;

  constructor(
    private readonly dir: string,
    private readonly header: HeaderRecord,
    /** The checkpoint the state was restored from or last written (0: none), kept as the fallback. */
    private base: number,
    private next: number,
    private readonly policy: CheckpointPolicy,
    private readonly warn: (message: string) => void,
    /** Size of the checkpoint restored from (0: none): the next one waits for at least as much journal. */
    private lastCheckpointBytes: number = 0,
  ) {}

  /** Whether a checkpoint is due (the segment is big enough) and possible (a rest point, no write in flight). */
  due(subject: CheckpointSubject): boolean {
    return !this.disabled && !subject.writer.busy && subject.writer.error === undefined
      && subject.writer.bytes >= (this.policy.everyBytes ?? Math.max(DEFAULT_CHECKPOINT_BYTES, this.lastCheckpointBytes))
      && subject.backend.atRest(subject.parts);
  }

  /**
   * Whether a checkpoint at a clean shutdown is worth taking and possible: the segment holds anything
   * beyond its header (else the next start replays nothing anyway), at a point the state can be
   * written as data, no write in flight. Whatever its size: the next start then replays nothing.
   */
  dueAtClose(subject: CheckpointSubject): boolean {
    return this.policy.atClose !== false && !this.disabled && !subject.writer.busy && subject.writer.error === undefined
      && subject.writer.bytes > Buffer.byteLength(frameRecord(this.header)) && subject.backend.atRest(subject.parts);
  }

  /** Takes checkpoint N now; returns the writer of segment N (the subject's writer is closed). */
  take(subject: CheckpointSubject): JournalWriter | undefined {
    const step = this.policy.afterStep;
    const n = this.next;
    const t = subject.backend.loop.now();
    let saved: Map<string, unknown[]>;
    try {
      saved = new Map(subject.parts.map((part) => [part.key, part.save()]));
    } catch (error) {
      // Live work where a rest point should have none (a class the codec does not know): report, keep journaling.
      this.disabled = true;
      this.warn(`batch-local: checkpoints are off for this run: ${(error as Error).message}`);
      return undefined;
    }
    subject.writer.append({ k: 'checkpoint', t, ids: subject.ids.take(), n });
    subject.writer.closeSync();
    step?.('segment-marked');
    const header: CheckpointHeader = {
      k: 'checkpoint',
      format: CHECKPOINT_FORMAT,
      version: CHECKPOINT_VERSION,
      n,
      t,
      journal: this.header,
      idPosition: subject.ids.position,
      registry: subject.registry,
      parts: subject.parts.map((part) => ({ key: part.key, chunks: saved.get(part.key)!.length })),
    };
    writeCheckpoint(checkpointFile(this.dir, n), header, saved, step);
    this.lastCheckpointBytes = fs.statSync(checkpointFile(this.dir, n)).size;
    const segment = segmentFile(this.dir, n);
    fs.writeFileSync(segment, '');
    const writer = new JournalWriter(segment, 0);
    writer.append(this.header);
    writer.flushSync();
    syncDirectory(this.dir);
    step?.('segment-created');
    compact(this.dir, this.base, step);
    step?.('compacted');
    this.base = n;
    this.next = n + 1;
    return writer;
  }
}
