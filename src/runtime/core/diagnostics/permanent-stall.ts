import { dependencyWaits } from './dependency-waits';
import type { ExplainContext } from './explain-context';
import { JobRecord } from '../jobs/job-record';
import { isTerminal } from '../model/job-status';

/**
 * DIAG-2 for whoever waits on a job (`batch-local run`): the job that keeps `job` from ever ending when
 * nothing inside the runtime can move it on any more, else undefined. Only a change from outside
 * (a compute environment or queue updated, a job cancelled) could then help:
 * - a RUNNABLE job that no usable compute environment of its queue can ever hold, whose queue's
 *   compute environments are all DISABLED or INVALID (not CREATING or UPDATING: those become usable),
 *   or that is blocked behind such a job (SCHED-1);
 * - a PENDING job whose every unfinished dependency is stalled for good, or an array parent whose every
 *   unfinished child is.
 * SUBMITTED, STARTING and RUNNING jobs always move on; a job waiting for capacity that can come
 * (instances starting, jobs ending) is not stalled.
 */
export function permanentStall(job: JobRecord, context: ExplainContext): JobRecord | undefined {
  return new StallSearch(context).blocker(job);
}

class StallSearch {
  /** Per job: the stalled job behind it, or null when it is not stalled (or is being looked at: a cycle stalls nothing). */
  private readonly verdicts = new Map<JobRecord, JobRecord | null>();

  constructor(private readonly context: ExplainContext) {}

  blocker(job: JobRecord): JobRecord | undefined {
    if (this.verdicts.has(job)) return this.verdicts.get(job) ?? undefined;
    this.verdicts.set(job, null);
    const found = job.status === 'RUNNABLE' ? (this.neverPlaced(job) ? job : undefined)
      : job.status === 'PENDING' ? this.pendingBlocker(job)
        : undefined;
    this.verdicts.set(job, found ?? null);
    return found;
  }

  private pendingBlocker(job: JobRecord): JobRecord | undefined {
    // An array parent ends when its children have; its children wait on its dependencies themselves.
    const waits = job.children
      ? job.children.filter((child) => !isTerminal(child.status))
      : dependencyWaits(job, this.context).map((wait) => wait.job);
    if (waits.length === 0) return undefined; // it moves on at the next step
    let first: JobRecord | undefined;
    for (const wait of waits) {
      const blocker = this.blocker(wait);
      if (!blocker) return undefined;
      first ??= blocker;
    }
    return first;
  }

  private neverPlaced(job: JobRecord): boolean {
    // A multi-node job is placed through its main node, all nodes at once (MNP-8).
    const scheduled = job.nodes ? job.nodes[job.mainNodeIndex!] : job;
    if (scheduled.status !== 'RUNNABLE') return false;
    const { scheduler } = this.context;
    const queue = job.spec.queue;
    const usable = scheduler.usableComputeEnvironments(queue);
    if (usable.length === 0) {
      return queue.computeEnvironmentOrder.every(({ computeEnvironment: ce }) => ce.state === 'DISABLED' || ce.status === 'INVALID');
    }
    if (!usable.some((ce) => scheduler.fitVerdict(ce, scheduled).fits)) return true;
    return scheduler.blockingJob(scheduled) !== undefined;
  }
}
