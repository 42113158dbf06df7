import { dependencyWaits } from './dependency-waits';
import { ExplainContext } from './explain-context';
import { diagnoseRunnable, INSUFFICIENT_CAPACITY, neverFitsReason } from './stuck-reason';
import { JobRecord } from '../jobs/job-record';
import { isTerminal } from '../model/job-status';
import { ContainerDemand } from '../types/demand';

// ExplainContext lives in explain-context.ts (stuck-reason.ts needs it too; no cycle); re-exported for callers.
export type { ExplainContext };

// AWS's statusReason prefixes live in stuck-reason.ts; re-exported for callers that took them from here.
export { INSUFFICIENT_CAPACITY, INVALID_COMPUTE_ENVIRONMENTS, JOB_RESOURCE_REQUIREMENT } from './stuck-reason';

/**
 * DIAG-2: one sentence on why a job is where it is — waiting on which dependency, why it can never
 * fit (per compute environment, with the shortfall), that every CE is disabled or invalid, which job
 * blocks the queue (SCHED-1), or that it waits for capacity.
 */
export function explainJob(job: JobRecord, context: ExplainContext): string {
  const id = job.jobId;
  if (isTerminal(job.status)) {
    return `Job ${id} ${job.status}${job.statusReason ? `: ${job.statusReason}` : ''}.`;
  }
  switch (job.status) {
    case 'SUBMITTED':
      return `Job ${id} was just submitted; it moves on at the next scheduling step.`;
    case 'PENDING':
      return explainPending(job, context);
    case 'RUNNABLE':
      return explainRunnable(job, context);
    case 'STARTING':
      return `Job ${id} is placed on ${job.currentAttempt?.containerInstanceArn ?? 'an instance'} and waits for the instance to start its container.`;
    default:
      return `Job ${id} is RUNNING (attempt ${job.attempts.length} of ${job.spec.attempts}).`;
  }
}

function explainPending(job: JobRecord, context: ExplainContext): string {
  const waiting = dependencyWaits(job, context).map((wait) => wait.label);
  if (job.children) {
    const counts = job.childStatusCounts!;
    const summary = Object.entries(counts).filter(([, n]) => n > 0).map(([status, n]) => `${n} ${status}`).join(', ');
    return `Array job ${job.jobId} waits for its ${job.children.length} children (${summary})${waiting.length ? `; and on ${waiting.join(', ')}` : ''}.`;
  }
  return waiting.length > 0
    ? `Job ${job.jobId} is PENDING, waiting on dependency ${waiting.join(', ')}.`
    : `Job ${job.jobId} is PENDING; its dependencies have finished.`;
}

function explainRunnable(job: JobRecord, context: ExplainContext): string {
  const queue = job.spec.queue;
  const all = queue.computeEnvironmentOrder.map((entry) => entry.computeEnvironment);
  const usable = context.scheduler.usableComputeEnvironments(queue);
  if (usable.length === 0) {
    const states = all.map((ce) => `${ce.name} is ${ce.state}/${ce.status}${ce.statusReason && ce.status === 'INVALID' ? ` (${ce.statusReason})` : ''}`);
    // The same reason DescribeJobs shows (e.g. SERVICE_ROLE_PERMISSIONS for a CE INVALID for its role).
    const statusReason = diagnoseRunnable(job, context)?.statusReason;
    return `Job ${job.jobId} stays RUNNABLE: ${statusReason ? `${statusReason} ` : ''}No compute environment of queue ${queue.name} can take jobs: ${states.join('; ')}.`;
  }
  // A multi-node job is placed through its main node, all nodes at once (MNP-8).
  const scheduled = job.nodes ? job.nodes[job.mainNodeIndex!] : job;
  const demand = context.demandOf(scheduled);
  const verdicts = usable.map((ce) => ({ ce, verdict: context.scheduler.fitVerdict(ce, scheduled) }));
  if (verdicts.every((v) => !v.verdict.fits)) {
    const needs = scheduled.mnpParent ? `${scheduled.mnpParent.nodes!.length} nodes at once, each ${describeDemand(demand)}` : describeDemand(demand);
    const reason = neverFitsReason(verdicts.map((v) => v.verdict));
    // The reason is said once: a CE's verdict that starts with it says only the rest (#25).
    const perComputeEnvironment = verdicts.map((v) => `${v.ce.name}: ${withoutPrefix(v.verdict.reason ?? '', reason)}`);
    return `Job ${job.jobId} stays RUNNABLE: ${reason} - it can never be placed (needs ${needs}): ${perComputeEnvironment.join('; ')}.`;
  }
  const blocker = context.scheduler.blockingJob(scheduled);
  if (blocker) {
    return `Job ${job.jobId} stays RUNNABLE: it is blocked behind job ${blocker.jobId} in queue ${queue.name}, which can never be placed (SCHED-1 head-of-line blocking). ${explainRunnable(blocker, context)}`;
  }
  const consumableWait = context.consumables?.explainWait(scheduled);
  if (consumableWait !== undefined) {
    // The statusReason too, word for word: what DescribeJobs shows is what the reader searches for.
    return `Job ${job.jobId} is RUNNABLE and waits for consumable resources (PLAT-4): ${consumableWait}. Its statusReason: ${context.consumables!.waitReason(scheduled)}.`;
  }
  const waits = usable.map((ce) => context.capacity.explainWait?.(ce, demand) ?? `${ce.name} is busy or scaling up`);
  // FS-4..FS-6: in a fair-share queue the order of shares and the reservation decide too.
  const fairShare = context.scheduler.explainWait(scheduled);
  return `Job ${job.jobId} is RUNNABLE and waits for capacity (${INSUFFICIENT_CAPACITY}); it needs ${describeDemand(demand)}: ${waits.join('; ')}.`
    + (fairShare ? ` Fair share in queue ${queue.name}: ${fairShare}` : '');
}

function describeDemand(demand: ContainerDemand): string {
  return `${demand.vcpus} vCPU, ${demand.memoryMiB} MiB${demand.gpus > 0 ? `, ${demand.gpus} GPU` : ''}${demand.instanceType ? ` on ${demand.instanceType}` : ''}`;
}

function withoutPrefix(reason: string, prefix: string): string {
  return reason.startsWith(`${prefix} - `) ? reason.slice(prefix.length + 3) : reason;
}
