import { JobRecord } from './job-record';
import { ClientException } from '../errors';
import { EventLoop } from '../event-loop';

/** LIM-7: AWS Batch holds at most this many jobs in the SUBMITTED state. */
export const MAX_SUBMITTED_JOBS = 1_000_000;

/**
 * The jobs that are SUBMITTED and wait for the runtime to move them on (LIFE-1: the caller sees
 * SUBMITTED; the job moves on at the next event).
 *
 * One loop event moves every job submitted at that instant, in submission order, instead of one
 * event (and closure) per job: LIM-7 asks the runtime to hold a million SUBMITTED jobs.
 */
/** Where a job goes when it leaves SUBMITTED (the lifecycle: PENDING or RUNNABLE). */
export interface SubmittedJobsExit {
  leaveSubmitted(job: JobRecord): void;
}

export class SubmittedJobs {
  private waiting: JobRecord[] = [];
  private moveScheduled = false;

  constructor(
    private readonly loop: EventLoop,
    private readonly next: SubmittedJobsExit,
    private readonly limit: number = MAX_SUBMITTED_JOBS,
  ) {}

  /** LIM-7: refuses a submission beyond the limit (before anything is created). */
  checkRoom(): void {
    if (this.waiting.length >= this.limit) {
      throw new ClientException(`SubmitJob: ${this.waiting.length} jobs are already SUBMITTED; at most ${this.limit} jobs may be in the SUBMITTED state (LIM-7)`);
    }
  }

  /** LIM-7: how many more jobs may be submitted now. */
  room(): number {
    return Math.max(0, this.limit - this.waiting.length);
  }

  add(job: JobRecord): void {
    this.waiting.push(job);
    if (this.moveScheduled) return;
    this.moveScheduled = true;
    this.loop.after(0, () => this.moveAll());
  }

  private moveAll(): void {
    const jobs = this.waiting;
    this.waiting = [];
    this.moveScheduled = false;
    for (const job of jobs) this.next.leaveSubmitted(job);
  }
}
