import { ExplainContext } from './explain-context';
import { diagnoseRunnable } from './stuck-reason';
import { EventLoop } from '../event-loop';
import { JobRecord } from '../jobs/job-record';

export { COMPUTE_ENVIRONMENT_MAX_RESOURCE } from './stuck-reason';

/**
 * The reason category of a RUNNABLE job, in AWS's words (see `diagnoseRunnable`): it can never fit
 * anywhere (JOB_RESOURCE_REQUIREMENT, COMPUTE_ENVIRONMENT_MAX_RESOURCE), its CEs' service role is
 * unusable (SERVICE_ROLE_PERMISSIONS), or it waits for capacity (INSUFFICIENT_INSTANCE_CAPACITY).
 */
export function runnableReason(job: JobRecord, context: ExplainContext): string | undefined {
  return diagnoseRunnable(job, context)?.reason;
}

/** What a time limit does when it expires. */
export interface TimeLimitActions {
  /** Cancels the job at the head of its queue (and lets the next job reach the head). */
  cancelForTimeLimit(job: JobRecord, reason: string): void;
}

/**
 * DIAG-4 (API): a queue's `jobStateTimeLimitActions` cancel a job that stayed RUNNABLE for the given
 * reason longer than `maxTimeSeconds`, counted from when it reached the head of its queue (AWS: "after
 * the job has remained at the head of the queue"), so the jobs behind it get their full time too.
 * One check is scheduled per action when the job reaches the head; it acts only if the job is still
 * in that same RUNNABLE stretch and its reason matches then.
 */
/** The kind of a time-limit check (see EventKind). */
const TIME_LIMIT = 'time-limit';

/** One armed check: the subject of its event, so a checkpoint can name it. */
interface TimeLimitCheck {
  readonly job: JobRecord;
  readonly stretch: number;
  /** Index of the action in the queue's `jobStateTimeLimitActions`. */
  readonly action: number;
}

export class JobStateTimeLimits {
  /** The RUNNABLE stretch each job's checks were armed for, so a head told again is not armed twice. */
  private readonly armed = new WeakMap<JobRecord, number>();

  constructor(
    private readonly loop: EventLoop,
    private readonly context: ExplainContext,
    private readonly actions: TimeLimitActions,
    /** A job by id (checkpoint restore). */
    private readonly jobNamed: (jobId: string) => JobRecord | undefined = () => undefined,
  ) {
    loop.eventKinds.set(TIME_LIMIT, {
      // A check whose job left that RUNNABLE stretch does nothing when it runs (its job may be purged by then).
      describe: (subject) => { const { job, stretch, action } = subject as TimeLimitCheck; return (job.status === 'RUNNABLE' && job.runnableStretch === stretch ? [job.jobId, stretch, action] : null); },
      rearm: (data, time, sequence) => {
        if (data === null) return;
        const [jobId, stretch, action] = data as [string, number, number];
        const job = this.jobNamed(jobId);
        const limit = job?.spec.queue.jobStateTimeLimitActions?.[action];
        if (!job || !limit) throw new Error(`the checkpoint holds a time-limit check of job ${jobId} that it cannot re-arm`);
        const check: TimeLimitCheck = { job, stretch, action };
        this.loop.restoreEvent(time, sequence, TIME_LIMIT, check, () => this.expire(check, limit));
      },
    });
  }

  /** Checkpoints: the stretch each unfinished job's checks were armed for. */
  savedArmed(jobs: Iterable<JobRecord>): Array<[string, number]> {
    const saved: Array<[string, number]> = [];
    for (const job of jobs) {
      const stretch = this.armed.get(job);
      if (stretch !== undefined) saved.push([job.jobId, stretch]);
    }
    return saved;
  }

  restoreArmed(saved: ReadonlyArray<[string, number]>): void {
    for (const [jobId, stretch] of saved) {
      const job = this.jobNamed(jobId);
      if (job) this.armed.set(job, stretch);
    }
  }

  /** A new RUNNABLE stretch begins (first time or a retry): checks armed for an earlier one no longer apply. */
  jobBecameRunnable(job: JobRecord): void {
    const actions = job.spec.queue.jobStateTimeLimitActions;
    if (actions && actions.length > 0) job.runnableStretch++;
  }

  /**
   * The job reached the head of its queue without being placed, or is still there after a queue or CE
   * update: then actions the update added count from now.
   */
  jobAtHead(job: JobRecord): void {
    const actions = job.spec.queue.jobStateTimeLimitActions;
    if (!actions || actions.length === 0) return;
    const stretch = job.runnableStretch;
    if (this.armed.get(job) === stretch) return;
    this.armed.set(job, stretch);
    actions.forEach((limit, action) => {
      if (limit.state.toUpperCase() !== 'RUNNABLE' || limit.action.toUpperCase() !== 'CANCEL') return;
      const check: TimeLimitCheck = { job, stretch, action };
      this.loop.atDescribed(this.loop.now() + limit.maxTimeSeconds * 1000, TIME_LIMIT, check, () => this.expire(check, limit));
    });
  }

  private expire(check: TimeLimitCheck, limit: { readonly reason: string; readonly maxTimeSeconds: number }): void {
    const job = check.job;
    if (job.status !== 'RUNNABLE' || job.runnableStretch !== check.stretch) return;
    if (runnableReason(job, this.context) !== limit.reason) return;
    this.actions.cancelForTimeLimit(job, `${limit.reason}: RUNNABLE for more than ${limit.maxTimeSeconds} seconds at the head of the queue (jobStateTimeLimitActions)`);
  }
}
