import { QueueCursor, QueueOrder, QueuePosition } from './queue-order';
import { JobRecord } from '../jobs/job-record';

/**
 * SCHED-1: a queue's RUNNABLE jobs in the order they became RUNNABLE. Entries that left RUNNABLE are
 * skipped lazily and compacted away once they are most of the array.
 */
export class FifoQueueOrder implements QueueOrder, QueueCursor {
  private jobs: JobRecord[] = [];
  /**
   * When the entries of `jobs` became RUNNABLE (FS-8 `earliestTimeAtPosition`), run-length encoded:
   * entries from `timeStarts[k]` on became RUNNABLE at `times[k]`. A 10,000-child array takes one
   * entry, so a million RUNNABLE jobs cost no extra memory to speak of.
   */
  private timeStarts: number[] = [];
  private times: number[] = [];
  private front = 0;
  /** Where the pass in progress is (the order is its own cursor: one pass at a time, no allocation). */
  private position = 0;

  add(job: JobRecord, now: number): void {
    if (this.times.length === 0 || this.times[this.times.length - 1] !== now) {
      this.timeStarts.push(this.jobs.length);
      this.times.push(now);
    }
    this.jobs.push(job);
  }

  candidates(): QueueCursor {
    this.compact();
    this.position = this.front;
    return this;
  }

  next(): JobRecord | undefined {
    const jobs = this.jobs;
    while (this.position < jobs.length) {
      const job = jobs[this.position++];
      if (job.status === 'RUNNABLE') return job;
    }
    return undefined;
  }

  placed(): void {}

  /** SCHED-1: a job that can never be placed blocks every job behind it. */
  blocks(): boolean {
    return true;
  }

  head(): JobRecord | undefined {
    this.compact();
    return this.front < this.jobs.length ? this.jobs[this.front] : undefined;
  }

  *ahead(job: JobRecord): Iterable<JobRecord> {
    for (let i = this.front; i < this.jobs.length && this.jobs[i] !== job; i++) {
      if (this.jobs[i].status === 'RUNNABLE') yield this.jobs[i];
    }
  }

  snapshot(limit: number): QueuePosition[] {
    const front: QueuePosition[] = [];
    for (let i = this.front; i < this.jobs.length && front.length < limit; i++) {
      if (this.jobs[i].status === 'RUNNABLE') front.push({ job: this.jobs[i], runnableSince: this.times[this.timeIndex(i)] });
    }
    return front;
  }

  /**
   * Checkpoints: the entries from the front on, with the time each was added, but those of finished
   * jobs (never RUNNABLE again, so skipped by every read); a job retried is in it twice, as live.
   */
  savedEntries(): Array<[JobRecord, number]> {
    const entries: Array<[JobRecord, number]> = [];
    for (let i = this.front; i < this.jobs.length; i++) {
      const job = this.jobs[i];
      if (job.status !== 'SUCCEEDED' && job.status !== 'FAILED') entries.push([job, this.times[this.timeIndex(i)]]);
    }
    return entries;
  }

  private compact(): void {
    while (this.front < this.jobs.length && this.jobs[this.front].status !== 'RUNNABLE') this.front++;
    if (this.front > 1024 && this.front * 2 > this.jobs.length) {
      const first = this.timeIndex(this.front);
      this.timeStarts = this.timeStarts.slice(first).map((start) => Math.max(0, start - this.front));
      this.times = this.times.slice(first);
      this.jobs = this.jobs.slice(this.front);
      this.front = 0;
    }
  }

  /** The run of `timeStarts` that entry `index` belongs to (binary search). */
  private timeIndex(index: number): number {
    let low = 0;
    let high = this.timeStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.timeStarts[middle] <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
