import { JobRecord } from './job-record';
import { JobQueueRecord } from '../model/records';

/**
 * The backend's jobs: by id, by queue (ListJobs by queue, LIST-1) and in submission order (the
 * sequence numbers FIFO scheduling sorts by). Array children and multi-node nodes are reached through
 * their parent (`parent:i`, `parent#i`), so a 10,000-child array costs one entry here.
 */
export class JobIndex {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly byQueue = new Map<JobQueueRecord, Set<JobRecord>>();
  private sequence = 0;

  /** The next submission sequence number (children take theirs right after their parent's). */
  nextSequence(): number {
    return this.sequence++;
  }

  add(job: JobRecord): void {
    this.jobs.set(job.jobId, job);
    let queueJobs = this.byQueue.get(job.spec.queue);
    if (!queueJobs) this.byQueue.set(job.spec.queue, queueJobs = new Set());
    queueJobs.add(job);
  }

  /** LIFE-4: a purged job is no longer describable nor listed. */
  remove(job: JobRecord): void {
    this.jobs.delete(job.jobId);
    this.byQueue.get(job.spec.queue)?.delete(job);
  }

  /** A job by id, array children (`parent:i`) and multi-node nodes (`parent#i`) included. */
  get(jobId: string): JobRecord | undefined {
    const found = this.jobs.get(jobId);
    if (found) return found;
    const child = /^(.+)([:#])(\d+)$/.exec(jobId);
    if (!child) return undefined;
    const parent = this.jobs.get(child[1]);
    return child[2] === ':' ? parent?.children?.[Number(child[3])] : parent?.nodes?.[Number(child[3])];
  }

  /** Top-level jobs of a queue, in submission order. */
  inQueue(queue: JobQueueRecord): JobRecord[] {
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
    return this.jobs.values();
  }
}
