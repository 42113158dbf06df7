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
export class JobStateTimeLimits {
  /** The RUNNABLE stretch each job's checks were armed for, so a head told again is not armed twice. */
  private readonly armed = new WeakMap<JobRecord, number>();

  constructor(
    private readonly loop: EventLoop,
    private readonly context: ExplainContext,
    private readonly actions: TimeLimitActions,
  ) {}

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
    for (const action of actions) {
      if (action.state.toUpperCase() !== 'RUNNABLE' || action.action.toUpperCase() !== 'CANCEL') continue;
      this.loop.after(action.maxTimeSeconds * 1000, () => {
        if (job.status !== 'RUNNABLE' || job.runnableStretch !== stretch) return;
        if (runnableReason(job, this.context) !== action.reason) return;
        this.actions.cancelForTimeLimit(job, `${action.reason}: RUNNABLE for more than ${action.maxTimeSeconds} seconds at the head of the queue (jobStateTimeLimitActions)`);
      });
    }
  }
}
