import { CheckpointPart } from './checkpoint-part';
import { JobStateTimeLimits } from '../diagnostics/job-state-time-limits';
import { JobFlow } from '../job-flow';
import { AttemptExecution, SavedLiveAttempt } from '../jobs/attempt-execution';
import { JobIndex } from '../jobs/job-index';
import { JobRecord } from '../jobs/job-record';
import { ResourceRegistry } from '../model/resource-registry';
import { ConsumableResourceGate } from '../scheduling/consumable-resource-gate';
import { SavedQueue, Scheduler } from '../scheduling/scheduler';
import { CapacityModel } from '../types/placement';

/** What the live-work part needs of the backend. */
export interface LiveWorkSources {
  readonly jobs: JobIndex;
  readonly flow: JobFlow;
  readonly execution: AttemptExecution;
  readonly scheduler: Scheduler;
  readonly capacity: CapacityModel;
  readonly timeLimits: JobStateTimeLimits;
  readonly registry: ResourceRegistry;
  /** PLAT-4: what live attempts hold of consumable resources. */
  readonly consumables: ConsumableResourceGate;
}

/** The live work of a checkpoint: what the unfinished jobs' records do not hold themselves. */
interface SavedLiveWork {
  readonly attempts: readonly SavedLiveAttempt[];
  readonly queues: readonly SavedQueue[];
  /** DIAG-4: the RUNNABLE stretch each job's time-limit checks were armed for. */
  readonly timeLimitsArmed: ReadonlyArray<[string, number]>;
  /** MNP-8: the nodes whose places a gang placement reserved (the places are in the capacity part); absent when none. */
  readonly reserved?: readonly string[];
}

/**
 * Unfinished jobs across a checkpoint (#21 §2, design (a)): their records travel in the `jobs`
 * part (dependencies, array counters, cancel marks are fields of the records); this part carries
 * what lives beside them: each live attempt (re-attached to its place on a restored instance, its
 * running container resumed by the runner: a simulated one as data, a real one played back from the
 * journal as a whole-journal replay does), the consumable resources they hold (PLAT-4), the
 * queues' order (FIFO entries, fair-share shares), the time limits armed. The
 * pending events acting on them are carried by the `events` part.
 *
 * Multi-node jobs (MNP): their nodes are records of the jobs part; their live attempts are saved
 * as any other, and the places a gang placement reserved for nodes not started yet are named by the
 * nodes (MNP-8). Not carried (the checkpoint waits while such work is live, as before): a gang
 * with consumable resources, a node of an earlier attempt still stopping, anything a runner cannot save. Fargate placements are carried by the capacity part
 * (InstanceCapacity.checkpointPart); multi-container tasks and pods by their attempts (SavedTask).
 */
export function liveWorkCheckpointPart(sources: LiveWorkSources): CheckpointPart {
  const unfinished = (): JobRecord[] => {
    const jobs: JobRecord[] = [];
    const visit = (job: JobRecord): void => {
      // MNP-4: a finished multi-node job's other nodes may still be stopping.
      if (job.status !== 'SUCCEEDED' && job.status !== 'FAILED') jobs.push(job);
      else if (!job.nodes) return;
      job.children?.forEach(visit);
      job.nodes?.forEach(visit); // MNP: the current attempt's nodes
    };
    for (const job of sources.jobs.all()) if (!job.parent && !job.mnpParent) visit(job);
    return jobs;
  };
  const save = (): SavedLiveWork | undefined => {
    const jobs = unfinished();
    const attempts: SavedLiveAttempt[] = [];
    const reserved: string[] = [];
    for (const job of jobs) {
      if (job.status === 'SUBMITTED') return undefined;
      // PLAT-4 with MNP-8: what a gang holds of consumable resources is not carried; the checkpoint waits.
      if (job.nodes?.some((node) => node.spec.consumableNeeds)) return undefined;
      if (job.reservedPlacement) reserved.push(job.jobId);
      if ((job.status === 'STARTING' || job.status === 'RUNNING') && !job.children && !job.nodes) { // array and MNP parents run through their children and nodes
        const saved = sources.execution.saveLive(job);
        if (!saved) return undefined;
        attempts.push(saved);
      }
    }
    // A capacity model that cannot put a placement back (a plain vCPU pool on its own) carries no live attempt.
    if (attempts.length > 0 && !sources.capacity.restoredPlacement) return undefined;
    const queues = sources.scheduler.savedQueues();
    if (!queues) return undefined;
    return { attempts, queues, timeLimitsArmed: sources.timeLimits.savedArmed(jobs), ...(reserved.length > 0 ? { reserved } : {}) };
  };
  return {
    key: 'jobs.live',
    atRest: () => save() !== undefined,
    save: () => {
      const saved = save();
      if (!saved) throw new Error('live work that checkpoints do not carry (see atRest)');
      return [saved];
    },
    restore: ([data]) => {
      const saved = data as SavedLiveWork;
      const job = (jobId: string): JobRecord => {
        const found = sources.jobs.get(jobId);
        if (!found) throw new Error(`the checkpoint's live work names job ${jobId}, which its jobs part does not hold`);
        return found;
      };
      let active = 0;
      for (const record of sources.jobs.all()) {
        if (!record.parent && !record.mnpParent && record.status !== 'SUCCEEDED' && record.status !== 'FAILED') active++;
      }
      sources.flow.restoreActiveJobs(active);
      const holders: JobRecord[] = [];
      for (const attempt of saved.attempts) {
        const placement = sources.capacity.restoredPlacement?.(attempt.jobId, attempt.attempt);
        if (!placement) throw new Error(`the checkpoint holds attempt ${attempt.attempt} of job ${attempt.jobId} live, but not its place on an instance`);
        const record = job(attempt.jobId);
        sources.execution.resumeLive(record, placement, attempt);
        if (record.spec.consumableNeeds) holders.push(record);
      }
      for (const nodeId of saved.reserved ?? []) {
        const placement = sources.capacity.restoredPlacement?.(nodeId, 0);
        if (!placement) throw new Error(`the checkpoint holds a place reserved for node ${nodeId}, but not the place`);
        job(nodeId).reservedPlacement = placement;
      }
      // PLAT-4: held again in the order they were placed, which is the order of their task ids (a counter).
      holders.sort((a, b) => (a.currentAttempt!.taskId < b.currentAttempt!.taskId ? -1 : 1));
      for (const holder of holders) sources.consumables.restoreHolder(holder);
      sources.scheduler.restoreQueues(saved.queues, (name) => sources.registry.jobQueue(name), job);
      sources.timeLimits.restoreArmed(saved.timeLimitsArmed);
    },
  };
}
