import { JobRecord } from '../jobs/job-record';

/**
 * The order in which one queue offers its RUNNABLE jobs to the scheduler: first in, first out for a
 * plain queue (SCHED-1), by share usage for a fair-share queue (FS-4). The scheduler asks the order
 * for candidates and says what became of each; it never looks inside.
 *
 * Entries may go stale (a job cancelled while RUNNABLE): an order skips jobs that are no longer
 * RUNNABLE and forgets them when it is convenient.
 */
export interface QueueOrder {
  /** A job of the queue became RUNNABLE. */
  add(job: JobRecord): void;
  /** One scheduling pass at `now`: the RUNNABLE jobs, one at a time, in the order to try them. */
  candidates(now: number): QueueCursor;
  /** The RUNNABLE job a pass would try first, if any (DIAG-4 counts from when a job gets here). */
  head(): JobRecord | undefined;
  /** The RUNNABLE jobs a pass would try before `job` (SCHED-1 diagnostics: what blocks it). */
  ahead(job: JobRecord): Iterable<JobRecord>;
  /**
   * At most `limit` RUNNABLE jobs in the order a pass at `now` would try them, as if each were placed
   * in turn (GetJobQueueSnapshot, FS-8).
   */
  snapshot(limit: number, now: number): JobRecord[];
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
