import * as fs from 'fs';
import * as path from 'path';
import { frameRecord, readJournal } from './journal-file';
import { HeaderRecord, RequestRecord } from './journal-records';

export const CHECKPOINT_FORMAT = 'batch-local-checkpoint';
export const CHECKPOINT_VERSION = 1;

/** The first record of a checkpoint file: where the state was taken and what rebuilds the rest. */
export interface CheckpointHeader {
  readonly k: 'checkpoint';
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly version: number;
  /** The checkpoint's number: the journal segment recorded after it is `journal-<n>.jsonl`. */
  readonly n: number;
  /** Runtime time of the rest point it was taken at. */
  readonly t: number;
  /** The journal header the state was written under (fingerprint, clock, seed). */
  readonly journal: HeaderRecord;
  /** Where the job-id generator continues from. */
  readonly idPosition: number;
  /** Every accepted request that changed the registry since the template was loaded, in order: the restore replays them. */
  readonly registry: readonly RequestRecord[];
  /** The parts saved after this record, in order, with their number of chunks. */
  readonly parts: ReadonlyArray<{ readonly key: string; readonly chunks: number }>;
}

/** The data of a whole, checked checkpoint. */
export interface Checkpoint {
  readonly header: CheckpointHeader;
  /** Saved chunks by part key. */
  readonly parts: ReadonlyMap<string, unknown[]>;
}

interface ChunkRecord { readonly k: 'chunk'; readonly data: unknown }
interface EndRecord { readonly k: 'end'; readonly chunks: number }

/**
 * Writes a checkpoint atomically: the framed records (the journal's framing: length and CRC32 on
 * every line) go to `FILE.tmp`, which is fsynced, renamed over `FILE` and the directory fsynced.
 * A crash before the rename leaves only the `.tmp` (ignored and removed at the next start); after
 * it, the whole file. The last record says how many chunks precede it, so a file cut short by a
 * damaged disk is told from a whole one.
 */
export function writeCheckpoint(
  file: string, header: CheckpointHeader, parts: ReadonlyMap<string, unknown[]>, afterStep?: (step: string) => void,
): void {
  const temporary = `${file}.tmp`;
  const fd = fs.openSync(temporary, 'w');
  try {
    let chunks = 0;
    let buffered: string[] = [frameRecord(header)];
    let bufferedLength = 0;
    const flush = (): void => {
      fs.writeSync(fd, buffered.join(''));
      buffered = [];
      bufferedLength = 0;
    };
    for (const { key } of header.parts) {
      for (const data of parts.get(key) ?? []) {
        const line = frameRecord({ k: 'chunk', data } satisfies ChunkRecord);
        buffered.push(line);
        bufferedLength += line.length;
        chunks++;
        if (bufferedLength > 1 << 20) flush(); // eslint-disable-line no-bitwise
      }
    }
    buffered.push(frameRecord({ k: 'end', chunks } satisfies EndRecord));
    flush();
    afterStep?.('checkpoint-written');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  afterStep?.('checkpoint-synced');
  fs.renameSync(temporary, file);
  syncDirectory(path.dirname(file));
  afterStep?.('checkpoint-renamed');
}

/**
 * Reads and checks a checkpoint: every record whole (length, CRC32), the header's parts and chunk
 * counts matching, the end record present. Returns why not as a string, for the fallback's warning.
 */
export function readCheckpoint(file: string): Checkpoint | string {
  let contents;
  try {
    contents = readJournal(file);
  } catch (error) {
    return (error as Error).message;
  }
  if (contents.tornTail) return `record ${contents.tornTail.line} is incomplete (${contents.tornTail.why})`;
  const [header, ...rest] = contents.records as [CheckpointHeader, ...(ChunkRecord | EndRecord)[]];
  if (header?.k !== 'checkpoint' || header.format !== CHECKPOINT_FORMAT) return 'not a batch-local checkpoint';
  if (header.version !== CHECKPOINT_VERSION) return `checkpoint version ${header.version}; this batch-local reads version ${CHECKPOINT_VERSION}`;
  const end = rest.pop();
  const expected = header.parts.reduce((sum, part) => sum + part.chunks, 0);
  if (end?.k !== 'end' || end.chunks !== rest.length || rest.length !== expected) {
    return `it ends after ${rest.length} of ${expected} chunk(s), without its end record (torn or cut short)`;
  }
  const parts = new Map<string, unknown[]>();
  let next = 0;
  for (const part of header.parts) {
    parts.set(part.key, rest.slice(next, next + part.chunks).map((chunk) => (chunk as ChunkRecord).data));
    next += part.chunks;
  }
  return { header, parts };
}

/** fsync of a directory, so a rename or a new file in it survives a power loss. */
export function syncDirectory(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
