import * as fs from 'fs';
import * as path from 'path';
import { Checkpoint, readCheckpoint } from './checkpoint-file';

/** The first journal segment (the whole journal of a state dir that never took a checkpoint). */
export const JOURNAL_FILE = 'journal.jsonl';
export const LOCK_FILE = 'batch-local.lock';
/** PLAT-3: the directory of the pods' persistent volume claims, kept with the state they belong to. */
export const PERSISTENT_VOLUMES_DIR = 'persistent-volumes';

const CHECKPOINT_NAME = /^checkpoint-(\d{6,})\.jsonl$/;
const SEGMENT_NAME = /^journal-(\d{6,})\.jsonl$/;

/**
 * A state dir holds journal segments and checkpoints:
 * - `journal.jsonl`: segment 0, from the first start;
 * - `checkpoint-N.jsonl`: the state at a rest point, and `journal-N.jsonl`: segment N, every record
 *   after it. Segment N-1 ends where checkpoint N was taken, so the segments together are the
 *   whole journal of what is kept.
 * Compaction keeps the newest two checkpoints with their segments (the older one is the fallback
 * for a torn newer one) and removes everything older.
 */
export function checkpointFile(dir: string, n: number): string {
  return path.join(dir, `checkpoint-${String(n).padStart(6, '0')}.jsonl`);
}

export function segmentFile(dir: string, n: number): string {
  return n === 0 ? path.join(dir, JOURNAL_FILE) : path.join(dir, `journal-${String(n).padStart(6, '0')}.jsonl`);
}

/** Whether a file name is one batch-local writes in a state dir. */
export function isStateFile(name: string): boolean {
  return name === JOURNAL_FILE || name === LOCK_FILE || name === PERSISTENT_VOLUMES_DIR || CHECKPOINT_NAME.test(name) || SEGMENT_NAME.test(name) || /^checkpoint-\d{6,}\.jsonl\.tmp$/.test(name);
}

function numbers(dir: string, pattern: RegExp): number[] {
  return fs.readdirSync(dir).map((name) => pattern.exec(name)).filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1])).sort((a, b) => a - b);
}

/** Where a restore starts: the newest whole checkpoint (or none), and the segments to replay after it, in order. */
export interface RestorePlan {
  readonly checkpoint?: Checkpoint;
  /** Segment numbers to replay, oldest first; the last is where appends continue. */
  readonly segments: number[];
}

/**
 * Picks the newest checkpoint that reads whole; a torn or corrupt one is skipped with a warning
 * naming it and the one used instead (its segment and the later ones are replayed, so nothing
 * journaled is lost). Leftover `.tmp` files (a crash mid-write) are removed.
 */
export function planRestore(dir: string, warn: (message: string) => void): RestorePlan {
  for (const name of fs.readdirSync(dir)) if (/^checkpoint-\d{6,}\.jsonl\.tmp$/.test(name)) fs.rmSync(path.join(dir, name), { force: true });
  const segments = numbers(dir, SEGMENT_NAME);
  if (fs.existsSync(segmentFile(dir, 0))) segments.unshift(0);
  const checkpoints = numbers(dir, CHECKPOINT_NAME).reverse();
  for (const [index, n] of checkpoints.entries()) {
    const read = readCheckpoint(checkpointFile(dir, n));
    if (typeof read !== 'string') return { checkpoint: read, segments: withSegment(segments, n) };
    const fallback = checkpoints[index + 1];
    const instead = fallback !== undefined ? `checkpoint-${String(fallback).padStart(6, '0')}.jsonl`
      : segments[0] === 0 ? `the whole journal (${JOURNAL_FILE})` : undefined;
    if (instead === undefined) {
      throw new Error(`${checkpointFile(dir, n)}: unusable checkpoint (${read}), and the journal before it was compacted away; the state dir cannot be restored`);
    }
    warn(`batch-local: ${checkpointFile(dir, n)}: unusable checkpoint (${read}); restoring from ${instead} and the journal after it`);
  }
  return { segments: segments.length > 0 ? segments : [0] };
}

/** The segments from `n` on (segment `n` itself even when it was never created: a crash right after its checkpoint). */
function withSegment(segments: number[], n: number): number[] {
  const later = segments.filter((segment) => segment >= n);
  return later[0] === n ? later : [n, ...later];
}

/**
 * Compaction after checkpoint `n` is durable: keeps checkpoint `keep` (the previous one, the
 * fallback) and `n`, with the segments from `keep` on; removes the older checkpoints and segments.
 * Each removal is a plain unlink: a crash in the middle leaves older files that the next
 * compaction removes, never a hole in what a restore reads.
 */
export function compact(dir: string, keep: number, afterStep?: (step: string) => void): void {
  for (const n of numbers(dir, CHECKPOINT_NAME)) {
    if (n < keep) fs.rmSync(checkpointFile(dir, n), { force: true });
  }
  afterStep?.('compact-checkpoints-removed');
  const segments = numbers(dir, SEGMENT_NAME);
  if (fs.existsSync(segmentFile(dir, 0))) segments.unshift(0);
  for (const n of segments) {
    if (n < keep) fs.rmSync(segmentFile(dir, n), { force: true });
  }
}
