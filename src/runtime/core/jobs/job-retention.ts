import { JobRecord } from './job-record';

/**
 * LIFE-4: finished top-level jobs stay describable for the retention period, then are dropped.
 * Jobs finish in time order, so a FIFO of finished jobs is enough. Purging is lazy (at API calls),
 * so an idle simulation is not kept busy for a week of virtual time.
 */
export class JobRetention {
  private finished: JobRecord[] = [];
  private head = 0;

  constructor(private readonly retentionMs: number, private readonly drop: (job: JobRecord) => void) {}

  /** A job reached SUCCEEDED or FAILED; array children and nodes go with their parent. */
  jobFinished(job: JobRecord): void {
    if (!job.parent && !job.mnpParent) this.finished.push(job);
  }

  /** Checkpoint: the finished top-level jobs still describable, in the order they finished. */
  retained(): JobRecord[] {
    return this.finished.slice(this.head);
  }

  /** Checkpoint restore: `jobs` (from `retained()`) are the finished jobs, in this order. */
  restore(jobs: JobRecord[]): void {
    this.finished = jobs;
    this.head = 0;
  }

  /** Drops the jobs that finished more than the retention period before `now`. */
  purge(now: number): void {
    const limit = now - this.retentionMs;
    const finished = this.finished;
    while (this.head < finished.length && finished[this.head].stoppedAt! <= limit) this.drop(finished[this.head++]);
    if (this.head > 1024 && this.head * 2 > finished.length) {
      this.finished = finished.slice(this.head);
      this.head = 0;
    }
  }
}
