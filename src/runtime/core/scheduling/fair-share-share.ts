import { JobRecord } from '../jobs/job-record';

/** Jobs of one scheduling priority in the order they became RUNNABLE, with when each did. */
class PriorityBucket {
  jobs: JobRecord[] = [];
  since: number[] = [];
  front = 0;

  /** The first RUNNABLE entry's index, skipping (and forgetting) entries that left RUNNABLE. */
  firstRunnable(): number {
    while (this.front < this.jobs.length && this.jobs[this.front].status !== 'RUNNABLE') this.front++;
    if (this.front === this.jobs.length && this.front > 0) {
      this.jobs = [];
      this.since = [];
      this.front = 0;
    } else if (this.front > 1024 && this.front * 2 > this.jobs.length) {
      this.jobs = this.jobs.slice(this.front);
      this.since = this.since.slice(this.front);
      this.front = 0;
    }
    return this.front < this.jobs.length ? this.front : -1;
  }
}

/** A RUNNABLE job and when it entered its queue's order (FS-8 `earliestTimeAtPosition`). */
/** A share as a checkpoint keeps it (ShareState.saved). */
export interface SavedShare {
  readonly shareIdentifier: string;
  readonly running: number;
  readonly decayed: number;
  readonly settledAt: number;
  readonly unfinishedJobs: number;
  readonly idleSince: number;
  readonly weightFactor: number;
  /** Priority buckets, highest first: job ids with the times they were added. */
  readonly buckets: ReadonlyArray<{ readonly priority: number; readonly entries: ReadonlyArray<[string, number]> }>;
}

export interface QueuePosition {
  readonly job: JobRecord;
  readonly runnableSince: number;
}

/**
 * One share identifier of a fair-share queue (FS-4, FS-5): its RUNNABLE jobs by scheduling priority
 * (higher first), then in the order they became RUNNABLE; and its usage.
 *
 * Usage (choice, docs/rules.md): `running` is the vCPUs of the share's jobs that hold capacity now
 * (placed, not yet ended); `decayed` is the exponential moving average of `running` with time
 * constant `shareDecaySeconds` (0: no history). The share's usage is `running + decayed` vCPUs, so a
 * placement counts at once and recent work keeps counting for about the decay window.
 */
export class ShareState {
  /** Checkpoint restore: a share as `saved()` wrote it, its jobs found by id. */
  static restored(saved: SavedShare, job: (jobId: string) => JobRecord): ShareState {
    const share = new ShareState(saved.shareIdentifier, saved.settledAt);
    share.running = saved.running;
    share.decayed = saved.decayed;
    share.unfinishedJobs = saved.unfinishedJobs;
    share.idleSince = saved.idleSince;
    share.weightFactor = saved.weightFactor;
    for (const { priority, entries } of saved.buckets) {
      const bucket = new PriorityBucket();
      for (const [jobId, since] of entries) {
        bucket.jobs.push(job(jobId));
        bucket.since.push(since);
      }
      share.buckets.set(priority, bucket);
      share.priorities.push(priority);
      share.ordered.push(bucket);
    }
    return share;
  }

  running = 0;
  decayed = 0;
  /** Runtime ms up to which `decayed` is brought. */
  settledAt: number;
  /** FS-4: top-level jobs of the share not yet SUCCEEDED or FAILED. */
  unfinishedJobs = 0;
  /** When `unfinishedJobs` last dropped to 0 (the decay window after counts as active). */
  idleSince: number;
  weightFactor = 1;
  /** The keys of this share's place in a ShareHeap (see share-heap.ts). */
  heapKey = 0;
  heapHistory = 0;
  heapSequence = 0;
  /** The buckets by priority, and in an array by descending priority (`head` runs once per placement). */
  private readonly buckets = new Map<number, PriorityBucket>();
  private ordered: PriorityBucket[] = [];
  private priorities: number[] = [];

  constructor(readonly shareIdentifier: string, now: number) {
    this.settledAt = now;
    this.idleSince = now;
  }

  add(job: JobRecord, now: number): void {
    const priority = job.spec.schedulingPriority ?? 0;
    let bucket = this.buckets.get(priority);
    if (!bucket) {
      bucket = new PriorityBucket();
      this.buckets.set(priority, bucket);
      this.priorities.push(priority);
      this.priorities.sort((a, b) => b - a);
      this.ordered = this.priorities.map((p) => this.buckets.get(p)!);
    }
    bucket.jobs.push(job);
    bucket.since.push(now);
  }

  /** FS-5: the RUNNABLE job this share offers next, if any. */
  head(): JobRecord | undefined {
    const ordered = this.ordered;
    for (let i = 0; i < ordered.length; i++) {
      const index = ordered[i].firstRunnable();
      if (index >= 0) return ordered[i].jobs[index];
    }
    return undefined;
  }

  /** The share's RUNNABLE jobs in FS-5 order (read only). */
  *runnable(): IterableIterator<QueuePosition> {
    for (const bucket of this.ordered) {
      for (let i = bucket.front; i < bucket.jobs.length; i++) {
        if (bucket.jobs[i].status === 'RUNNABLE') yield { job: bucket.jobs[i], runnableSince: bucket.since[i] };
      }
    }
  }

  /** Brings `decayed` to `now` (FS-4): exact for `running` constant since `settledAt`. */
  /**
   * Checkpoints with live jobs: the share as data, its jobs as ids (from each bucket's front on,
   * finished ones left out: no read returns them), in priority order.
   */
  saved(): SavedShare {
    const buckets = this.ordered.map((bucket, index) => {
      const entries: Array<[string, number]> = [];
      for (let i = bucket.front; i < bucket.jobs.length; i++) {
        const job = bucket.jobs[i];
        if (job.status !== 'SUCCEEDED' && job.status !== 'FAILED') entries.push([job.jobId, bucket.since[i]]);
      }
      return { priority: this.priorities[index], entries };
    });
    const { shareIdentifier, running, decayed, settledAt, unfinishedJobs, idleSince, weightFactor } = this;
    return { shareIdentifier, running, decayed, settledAt, unfinishedJobs, idleSince, weightFactor, buckets };
  }

  settle(now: number, decayMs: number): void {
    const elapsed = now - this.settledAt;
    if (elapsed <= 0) return;
    if (decayMs > 0) {
      const kept = Math.exp(-elapsed / decayMs);
      this.decayed = this.decayed * kept + this.running * (1 - kept);
    } else {
      this.decayed = 0;
    }
    this.settledAt = now;
  }

  /** vCPUs, as of the last `settle`. */
  get usage(): number {
    return this.running + this.decayed;
  }

  get weightedUsage(): number {
    return this.usage * this.weightFactor;
  }

  /** FS-4: active while it has unfinished jobs, and for the decay window after. */
  isActive(now: number, decayMs: number): boolean {
    return this.unfinishedJobs > 0 || now - this.idleSince < decayMs;
  }

  /** Nothing left to remember: no jobs, no usage (a share that comes back starts afresh). */
  isForgettable(now: number, decayMs: number): boolean {
    return !this.isActive(now, decayMs) && this.running === 0 && this.decayed < 1e-9 && this.head() === undefined;
  }
}
