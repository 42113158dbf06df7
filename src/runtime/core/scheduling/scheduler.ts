import { CapacityModel, Placement } from './capacity';
import { EventLoop } from '../event-loop';
import { ContainerDemand } from '../jobs/container-launch';
import { JobRecord } from '../jobs/job-record';
import { ComputeEnvironmentRecord, JobQueueRecord } from '../model/records';

/** Told when the scheduler has placed a job. */
export interface PlacementListener {
  jobPlaced(job: JobRecord, placement: Placement): void;
}

export interface SchedulerOptions {
  /**
   * How many RUNNABLE jobs of a queue a pass may look past when they cannot be placed right now
   * (SCHED-1: approximate FIFO with limited backfill). A job that can never be placed stops the scan of
   * its queue (head-of-line blocking).
   */
  readonly scanDepth: number;
}

/** A per-queue FIFO of RUNNABLE jobs; entries that left RUNNABLE are skipped lazily and compacted. */
class RunnableFifo {
  jobs: JobRecord[] = [];
  head = 0;

  push(job: JobRecord): void {
    this.jobs.push(job);
  }

  compact(): void {
    while (this.head < this.jobs.length && this.jobs[this.head].status !== 'RUNNABLE') this.head++;
    if (this.head > 1024 && this.head * 2 > this.jobs.length) {
      this.jobs = this.jobs.slice(this.head);
      this.head = 0;
    }
  }

  get isEmpty(): boolean {
    return this.head >= this.jobs.length;
  }
}

/**
 * Decides which RUNNABLE job runs where: queues by descending priority (SCHED-2), jobs in submission
 * order within a queue (SCHED-1), compute environments in ascending order (SCHED-3). Passes are
 * coalesced: any number of requests at one instant cause one pass.
 */
export class Scheduler {
  private readonly fifos = new Map<JobQueueRecord, RunnableFifo>();
  private passPending = false;

  constructor(
    private readonly loop: EventLoop,
    private readonly capacity: CapacityModel,
    private readonly listener: PlacementListener,
    private readonly options: SchedulerOptions,
    private readonly demandOf: (job: JobRecord) => ContainerDemand,
  ) {}

  enqueue(job: JobRecord): void {
    let fifo = this.fifos.get(job.spec.queue);
    if (!fifo) {
      fifo = new RunnableFifo();
      this.fifos.set(job.spec.queue, fifo);
    }
    fifo.push(job);
    this.requestPass();
  }

  requestPass(): void {
    if (this.passPending) return;
    this.passPending = true;
    this.loop.after(0, () => {
      this.passPending = false;
      this.pass();
    });
  }

  /** The usable compute environments of a queue, in order: ENABLED and VALID (LIFE-8, DIAG-1). */
  usableComputeEnvironments(queue: JobQueueRecord): ComputeEnvironmentRecord[] {
    return queue.computeEnvironmentOrder
      .map((entry) => entry.computeEnvironment)
      .filter((ce) => ce.state === 'ENABLED' && ce.status === 'VALID');
  }

  /** Whether some usable CE of the job's queue could ever run it. */
  canEverRun(job: JobRecord): boolean {
    const demand = this.demandOf(job);
    return this.usableComputeEnvironments(job.spec.queue)
      .some((ce) => (!job.mnpParent || runsMultiNode(ce)) && this.capacity.canEverFit(ce, demand).fits);
  }

  /** The RUNNABLE job ahead of `job` in its queue that can never run, if any (SCHED-1 diagnostics). */
  blockingJob(job: JobRecord): JobRecord | undefined {
    const fifo = this.fifos.get(job.spec.queue);
    if (!fifo) return undefined;
    for (let i = fifo.head; i < fifo.jobs.length && fifo.jobs[i] !== job; i++) {
      const candidate = fifo.jobs[i];
      if (candidate.status === 'RUNNABLE' && !this.canEverRun(candidate)) return candidate;
    }
    return undefined;
  }

  private pass(): void {
    const queues = [...this.fifos.keys()].sort((a, b) => b.priority - a.priority || a.creationIndex - b.creationIndex);
    const now = this.loop.now();
    for (const queue of queues) {
      const fifo = this.fifos.get(queue)!;
      fifo.compact();
      const ces = this.usableComputeEnvironments(queue);
      if (ces.length === 0) continue;
      let skipped = 0;
      // Within one pass capacity only shrinks: a demand that found no room on a CE finds none later in
      // the pass, so identical jobs (array children share one demand object) are not tried again.
      const full = new Map<ComputeEnvironmentRecord, Set<ContainerDemand>>();
      for (let i = fifo.head; i < fifo.jobs.length && skipped < this.options.scanDepth; i++) {
        const job = fifo.jobs[i];
        if (job.status !== 'RUNNABLE') continue;
        const demand = this.demandOf(job);
        let placement: Placement | undefined;
        for (const ce of ces) {
          if (job.mnpParent && !runsMultiNode(ce)) continue;
          let fullFor = full.get(ce);
          if (fullFor?.has(demand)) continue;
          placement = this.capacity.tryPlace(ce, demand, now);
          if (placement) break;
          if (!fullFor) full.set(ce, fullFor = new Set());
          fullFor.add(demand);
        }
        if (placement) {
          this.listener.jobPlaced(job, placement);
        } else if (!ces.some((ce) => (!job.mnpParent || runsMultiNode(ce)) && this.capacity.canEverFit(ce, demand).fits)) {
          break; // SCHED-1: a job that can never be placed blocks the jobs behind it.
        } else {
          skipped++;
        }
      }
      fifo.compact();
    }
  }
}

/** LIM-14 / MNP-8: multi-node jobs never run on SPOT or unmanaged compute environments. */
export function runsMultiNode(ce: ComputeEnvironmentRecord): boolean {
  return ce.type === 'MANAGED' && ce.computeResources?.type !== 'SPOT';
}
