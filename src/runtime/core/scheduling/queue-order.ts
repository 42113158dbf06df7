import type { QueuePosition } from './fair-share-share';
import { JobRecord } from '../jobs/job-record';

export type { QueuePosition };

/**
 * The order in which one queue offers its RUNNABLE jobs to the scheduler: first in, first out for a
 * plain queue (SCHED-1), by share usage for a fair-share queue (FS-4). The scheduler asks the order
 * for candidates and says what became of each; it never looks inside.
 *
 * Entries may go stale (a job cancelled while RUNNABLE): an order skips jobs that are no longer
 * RUNNABLE and forgets them when it is convenient.
 */
export interface QueueOrder {
  /** A job of the queue became RUNNABLE at `now`. */
  add(job: JobRecord, now: number): void;
  /** One scheduling pass at `now`: the RUNNABLE jobs, one at a time, in the order to try them. */
  candidates(now: number): QueueCursor;
  /** The RUNNABLE job a pass at `now` would try first, if any (DIAG-4 counts from when a job gets here). */
  head(now: number): JobRecord | undefined;
  /**
   * The RUNNABLE jobs a pass offers before `job` that would stop it from being offered if one of them
   * could never run (SCHED-1 diagnostics: what blocks it).
   */
  ahead(job: JobRecord): Iterable<JobRecord>;
  /**
   * At most `limit` RUNNABLE jobs in the order a pass at `now` would try them, as if each were placed
   * in turn (GetJobQueueSnapshot, FS-8).
   */
  snapshot(limit: number, now: number): QueuePosition[];

  // Orders that weigh usage (fair share) also follow the jobs' lives; a FIFO order needs none of this.

  /** SubmitJob is about to accept a job for the queue: throws ClientException to refuse it (FS-3). */
  checkAdmission?(job: { readonly shareIdentifier?: string }, now: number): void;
  /** A top-level job of the queue was accepted (FS-4: its share is active from now). */
  jobSubmitted?(job: JobRecord, now: number): void;
  /** A top-level job of the queue SUCCEEDED or FAILED. */
  jobFinished?(job: JobRecord, now: number): void;
  /** An attempt of a job placed from this order ended: the capacity it held is free. */
  attemptEnded?(job: JobRecord, now: number): void;
  /** Why the order keeps a RUNNABLE job waiting at `now`, if it does (DIAG-2). */
  explainWait?(job: JobRecord, now: number): string | undefined;
}

/** One pass over a queue's RUNNABLE jobs (QueueOrder.candidates). */
export interface QueueCursor {
  /** The next job to try, or undefined when the pass has offered every job it will. */
  next(): JobRecord | undefined;
  /** The job last returned by `next` was placed. */
  placed(job: JobRecord): void;
  /**
   * The job last returned by `next` can never be placed on the queue's compute environments: answers
   * whether that stops the pass over this queue (SCHED-1 head-of-line blocking).
   */
  blocks(job: JobRecord): boolean;
}
