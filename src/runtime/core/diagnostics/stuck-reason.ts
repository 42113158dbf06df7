import type { ExplainContext } from './explain-context';
import { JobRecord } from '../jobs/job-record';
import { COMPUTE_ENVIRONMENT_MAX_RESOURCE, JOB_RESOURCE_REQUIREMENT } from '../scheduling/gang-placement';
import { FitVerdict } from '../types/placement';

export { COMPUTE_ENVIRONMENT_MAX_RESOURCE, JOB_RESOURCE_REQUIREMENT };

/** AWS's statusReason prefixes for jobs stuck RUNNABLE (DIAG-2, API); the first four are `jobStateTimeLimitActions` reasons. */
export const INSUFFICIENT_CAPACITY = 'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY';
export const SERVICE_ROLE_PERMISSIONS = 'MISCONFIGURATION:SERVICE_ROLE_PERMISSIONS';
export const INVALID_COMPUTE_ENVIRONMENTS = 'ACTION_REQUIRED - CE(s) associated with the job queue are invalid.';

/** AWS's statusReason texts for a job blocking the head of its queue ("Jobs stuck in a RUNNABLE status"). */
const MESSAGES: Record<string, string> = {
  [COMPUTE_ENVIRONMENT_MAX_RESOURCE]: `${COMPUTE_ENVIRONMENT_MAX_RESOURCE} - CE(s) associated with the job queue cannot meet the CPU requirement of the job.`,
  [JOB_RESOURCE_REQUIREMENT]: `${JOB_RESOURCE_REQUIREMENT} - The job resource requirement (vCPU/memory/GPU) is higher than that can be met by the CE(s) attached to the job queue.`,
  [SERVICE_ROLE_PERMISSIONS]: `${SERVICE_ROLE_PERMISSIONS} - Batch service role has a permission issue.`,
};

/** How the instance model words a wait for EC2 capacity that is not there (SCHED-6, `Ec2Availability`). */
const EC2_CAPACITY_EXHAUSTED = /^CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - EC2 has no more capacity of (.+) for compute environment /;

/** Why a RUNNABLE job is not placed, in AWS's terms. */
export interface RunnableDiagnosis {
  /**
   * The reason a queue's `jobStateTimeLimitActions` match on: `INSUFFICIENT_CAPACITY` for any job
   * that could run once capacity frees up, a MISCONFIGURATION one when it never can.
   * Undefined when every CE is disabled, or invalid for a reason no action can name.
   */
  readonly reason?: string;
  /** What DescribeJobs/ListJobs show while the job blocks its queue; undefined for an ordinary wait. */
  readonly statusReason?: string;
}

/**
 * DIAG-2: AWS's reason for a RUNNABLE job (a multi-node parent is judged by its main node, whose
 * placement places all nodes, MNP-8):
 * - every CE of the queue unusable: SERVICE_ROLE_PERMISSIONS when one is INVALID for its service
 *   role, else ACTION_REQUIRED when one is INVALID (no action can name that one);
 * - no usable CE can ever run it: COMPUTE_ENVIRONMENT_MAX_RESOURCE when each fails only on
 *   `maxvCpus`, else JOB_RESOURCE_REQUIREMENT;
 * - it waits for consumable resources (PLAT-4): a statusReason naming them, no time-limit reason;
 * - else it waits for capacity: INSUFFICIENT_INSTANCE_CAPACITY, shown as the statusReason only when
 *   EC2 has no capacity of the types the CEs would launch.
 */
export function diagnoseRunnable(job: JobRecord, context: ExplainContext): RunnableDiagnosis | undefined {
  const scheduled = job.nodes ? job.nodes[job.mainNodeIndex!] : job;
  if (job.status !== 'RUNNABLE' || scheduled.status !== 'RUNNABLE') return undefined;
  const queue = job.spec.queue;
  const usable = context.scheduler.usableComputeEnvironments(queue);
  if (usable.length === 0) {
    const invalid = queue.computeEnvironmentOrder.map((entry) => entry.computeEnvironment).filter((ce) => ce.status === 'INVALID');
    if (invalid.some((ce) => /serviceRole/.test(ce.statusReason ?? ''))) {
      return { reason: SERVICE_ROLE_PERMISSIONS, statusReason: MESSAGES[SERVICE_ROLE_PERMISSIONS] };
    }
    return invalid.length > 0 ? { statusReason: INVALID_COMPUTE_ENVIRONMENTS } : undefined;
  }
  const verdicts = usable.map((ce) => context.scheduler.fitVerdict(ce, scheduled));
  if (verdicts.every((verdict) => !verdict.fits)) {
    const reason = neverFitsReason(verdicts);
    return { reason, statusReason: MESSAGES[reason] };
  }
  // PLAT-4: it could run, but a consumable resource it needs is not available now.
  const consumableWait = context.consumables?.waitReason(scheduled);
  if (consumableWait !== undefined) return { statusReason: consumableWait };
  const demand = context.demandOf(scheduled);
  const exhausted = usable.map((ce) => EC2_CAPACITY_EXHAUSTED.exec(context.capacity.explainWait?.(ce, demand) ?? ''));
  if (exhausted.every((match) => match !== null)) {
    const types = [...new Set(exhausted.flatMap((match) => match![1].split(', ')))];
    return { reason: INSUFFICIENT_CAPACITY, statusReason: `${INSUFFICIENT_CAPACITY} - Service cannot fulfill the capacity requested for instance type [${types.join(', ')}]` };
  }
  return { reason: INSUFFICIENT_CAPACITY };
}

/** AWS: COMPUTE_ENVIRONMENT_MAX_RESOURCE when every CE's `maxvCpus` is what is too small, else JOB_RESOURCE_REQUIREMENT. */
export function neverFitsReason(verdicts: readonly FitVerdict[]): string {
  return verdicts.every((verdict) => verdict.reason?.startsWith(COMPUTE_ENVIRONMENT_MAX_RESOURCE))
    ? COMPUTE_ENVIRONMENT_MAX_RESOURCE
    : JOB_RESOURCE_REQUIREMENT;
}

/**
 * Shows (or, with `undefined`, withdraws) a stuck reason on the job and on its multi-node parent.
 * A statusReason set otherwise (e.g. by a retry) is only replaced, never cleared.
 */
export function showStuckReason(job: JobRecord, statusReason: string | undefined): void {
  for (const target of job.mnpParent ? [job, job.mnpParent] : [job]) {
    if (statusReason !== undefined) {
      target.statusReason = statusReason;
      target.stuckReason = statusReason;
    } else if (target.stuckReason !== undefined) {
      if (target.statusReason === target.stuckReason) target.statusReason = undefined;
      target.stuckReason = undefined;
    }
  }
}
