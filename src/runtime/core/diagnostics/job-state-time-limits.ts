import { ExplainContext, INSUFFICIENT_CAPACITY, JOB_RESOURCE_REQUIREMENT } from './explain-job';
import { EventLoop } from '../event-loop';
import { JobRecord } from '../jobs/job-record';

/** AWS's RUNNABLE reasons a queue's `jobStateTimeLimitActions` may name (DIAG-4). */
export const COMPUTE_ENVIRONMENT_MAX_RESOURCE = 'MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE';

/**
 * The reason category of a RUNNABLE job, in AWS's words: it can never fit anywhere
 * (JOB_RESOURCE_REQUIREMENT), or it waits for capacity, itself or behind a blocked job.
 */
export function runnableReason(job: JobRecord, context: ExplainContext): string | undefined {
  if (job.status !== 'RUNNABLE') return undefined;
  const usable = context.scheduler.usableComputeEnvironments(job.spec.queue);
  if (usable.length === 0) return undefined;
  const demand = context.demandOf(job);
  if (usable.every((ce) => !context.capacity.canEverFit(ce, demand).fits)) return JOB_RESOURCE_REQUIREMENT;
  return INSUFFICIENT_CAPACITY;
}

/**
 * DIAG-4 (API): a queue's `jobStateTimeLimitActions` cancel a job that stayed RUNNABLE for the given
 * reason longer than `maxTimeSeconds`. One check is scheduled per action when the job becomes RUNNABLE;
 * it acts only if the job is still in that same RUNNABLE stretch and its reason matches.
 */
export class JobStateTimeLimits {
  constructor(
    private readonly loop: EventLoop,
    private readonly context: ExplainContext,
    private readonly cancel: (job: JobRecord, reason: string) => void,
  ) {}

  jobBecameRunnable(job: JobRecord): void {
    const actions = job.spec.queue.jobStateTimeLimitActions;
    if (!actions || actions.length === 0) return;
    const stretch = ++job.runnableStretch;
    for (const action of actions) {
      if (action.state.toUpperCase() !== 'RUNNABLE' || action.action.toUpperCase() !== 'CANCEL') continue;
      this.loop.after(action.maxTimeSeconds * 1000, () => {
        if (job.status !== 'RUNNABLE' || job.runnableStretch !== stretch) return;
        if (runnableReason(job, this.context) !== action.reason) return;
        this.cancel(job, `${action.reason}: RUNNABLE for more than ${action.maxTimeSeconds} seconds (jobStateTimeLimitActions)`);
      });
    }
  }
}
