import { JobRecord } from './job-record';
import { JobQueueRecord } from '../model/records';

/**
 * The backend's jobs: by id, by queue (ListJobs by queue, LIST-1) and in submission order (the
 * sequence numbers FIFO scheduling sorts by). Array children and multi-node nodes are reached through
 * their parent (`parent:i`, `parent#i`), so a 10,000-child array costs one entry here.
 *
 * Jobs whose id is built on first read (plan copies, `CopyIds`) are only listed on arrival, and
 * indexed by id and queue when something first looks them up, lists or removes jobs: a million plan
 * copies then build neither ids nor index entries (issue #25). Indexing them in arrival order
 * before any later job keeps every order here what it would have been.
 */
export class JobIndex {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly byQueue = new Map<JobQueueRecord, Set<JobRecord>>();
  private sequence = 0;
  /** Jobs added with `addDeferred`, not yet in `jobs` nor `byQueue`, in submission order. */
  private deferred: JobRecord[] = [];

  /** The next submission sequence number (children take theirs right after their parent's). */
  nextSequence(): number {
    return this.sequence++;
  }

  add(job: JobRecord): void {
    this.indexDeferred();
    this.insert(job);
  }

  /** A job whose id need not be built yet: indexed (its id built) once an index operation needs it. */
  addDeferred(job: JobRecord): void {
    this.deferred.push(job);
  }

  private indexDeferred(): void {
    if (this.deferred.length === 0) return;
    const deferred = this.deferred;
    this.deferred = [];
    for (const job of deferred) this.insert(job);
  }

  private insert(job: JobRecord): void {
    this.jobs.set(job.jobId, job);
    let queueJobs = this.byQueue.get(job.spec.queue);
    if (!queueJobs) this.byQueue.set(job.spec.queue, queueJobs = new Set());
    queueJobs.add(job);
  }

  /** LIFE-4: a purged job is no longer describable nor listed. */
  remove(job: JobRecord): void {
    this.indexDeferred();
    this.jobs.delete(job.jobId);
    this.byQueue.get(job.spec.queue)?.delete(job);
  }

  /** A job by id, array children (`parent:i`) and multi-node nodes (`parent#i`) included. */
  get(jobId: string): JobRecord | undefined {
    const found = this.jobs.get(jobId);
    if (found) return found;
    if (this.deferred.length > 0) {
      this.indexDeferred();
      return this.get(jobId);
    }
    const child = /^(.+)([:#])(\d+)$/.exec(jobId);
    if (!child) return undefined;
    const parent = this.jobs.get(child[1]);
    return child[2] === ':' ? parent?.children?.[Number(child[3])] : parent?.nodes?.[Number(child[3])];
  }

  /** Top-level jobs of a queue, in submission order. */
  inQueue(queue: JobQueueRecord): JobRecord[] {
    this.indexDeferred();
    return [...(this.byQueue.get(queue) ?? [])];
  }

  /** Checkpoint: the next sequence number (restored with `restoreSequence`). */
  get nextSequenceNumber(): number {
    return this.sequence;
  }

  /** Checkpoint restore: submission sequence numbers continue from `next`. */
  restoreSequence(next: number): void {
    this.sequence = next;
  }

  /** Every top-level job. */
  all(): IterableIterator<JobRecord> {
    this.indexDeferred();
    return this.jobs.values();
  }
}
