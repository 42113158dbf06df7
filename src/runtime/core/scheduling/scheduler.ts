import { gangVerdict, placeGang } from './gang-placement';
import { EventLoop } from '../event-loop';
import { JobRecord } from '../jobs/job-record';
import { ComputeEnvironmentRecord, JobQueueRecord } from '../model/records';
import { ContainerDemand } from '../types/demand';
import { CapacityModel, FitVerdict, Placement } from '../types/placement';

/** Told when the scheduler has placed a job. */
export interface PlacementListener {
  jobPlaced(job: JobRecord, placement: Placement): void;
  /**
   * The job is the first RUNNABLE job of its queue after a pass that did not place it (DIAG-2, DIAG-4):
   * told when it gets there, and again after `refreshHeads` (its reason may have changed).
   */
  jobAtHead?(job: JobRecord): void;
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
  /** The head last told to the listener (DIAG-4 counts from when a job reached the head). */
  reportedHead?: JobRecord;

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
  /** While a gang placement gives back a partial gang, releases must not ask for a pass (MNP-8). */
  private quiet = false;
  private headsStale = false;

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

  /** A pass, after which every queue's head is told to the listener again (its reason may have changed). */
  refreshHeads(): void {
    this.headsStale = true;
    this.requestPass();
  }

  requestPass(): void {
    if (this.passPending || this.quiet) return;
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
    return this.usableComputeEnvironments(job.spec.queue).some((ce) => this.fitVerdict(ce, job).fits);
  }

  /**
   * Whether the CE could ever run the job (DIAG-2): its demand fits, or, for a node of a multi-node
   * job, all nodes of the job fit at once (MNP-8).
   */
  fitVerdict(ce: ComputeEnvironmentRecord, job: JobRecord): FitVerdict {
    const parent = job.mnpParent;
    return parent ? gangVerdict(this.capacity, ce, parent.nodes!, this.demandOf) : this.capacity.canEverFit(ce, this.demandOf(job));
  }

  /** The first RUNNABLE job of the queue, the one the jobs behind it wait for (SCHED-1). */
  runnableHead(queue: JobQueueRecord): JobRecord | undefined {
    const fifo = this.fifos.get(queue);
    if (!fifo) return undefined;
    fifo.compact();
    return fifo.isEmpty ? undefined : fifo.jobs[fifo.head];
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
      if (ces.length > 0) {
        this.placeFrom(fifo, ces, now);
        fifo.compact();
      }
      this.reportHead(fifo);
    }
    this.headsStale = false;
  }

  private placeFrom(fifo: RunnableFifo, ces: ComputeEnvironmentRecord[], now: number): void {
    let skipped = 0;
    // Within one pass capacity only shrinks: a demand that found no room on a CE finds none later in
    // the pass, so identical jobs (array children share one demand object) are not tried again.
    const full = new Map<ComputeEnvironmentRecord, Set<ContainerDemand>>();
    for (let i = fifo.head; i < fifo.jobs.length && skipped < this.options.scanDepth; i++) {
      const job = fifo.jobs[i];
      if (job.status !== 'RUNNABLE') continue;
      let placement: Placement | undefined;
      if (job.mnpParent) {
        placement = this.placeMultiNode(job, ces, now);
      } else {
        const demand = this.demandOf(job);
        for (const ce of ces) {
          let fullFor = full.get(ce);
          if (fullFor?.has(demand)) continue;
          placement = this.capacity.tryPlace(ce, demand, now);
          if (placement) break;
          if (!fullFor) full.set(ce, fullFor = new Set());
          fullFor.add(demand);
        }
      }
      if (placement) {
        this.listener.jobPlaced(job, placement);
      } else if (!ces.some((ce) => this.fitVerdict(ce, job).fits)) {
        break; // SCHED-1: a job that can never be placed blocks the jobs behind it.
      } else {
        skipped++;
      }
    }
  }

  /**
   * MNP-8: the main node is placed only together with every other node of its job, on one CE; the
   * others' places are reserved on their records and used once the main node RUNS (MNP-3).
   */
  private placeMultiNode(main: JobRecord, ces: ComputeEnvironmentRecord[], now: number): Placement | undefined {
    const nodes = main.mnpParent!.nodes!;
    for (const ce of ces) {
      if (!gangVerdict(this.capacity, ce, nodes, this.demandOf).fits) continue;
      const placements = placeGang(this.capacity, ce, nodes, this.demandOf, now, (release) => {
        this.quiet = true;
        try {
          release();
        } finally {
          this.quiet = false;
        }
      });
      if (!placements) continue;
      nodes.forEach((node, index) => {
        if (node !== main) node.reservedPlacement = placements[index];
      });
      return placements[nodes.indexOf(main)];
    }
    return undefined;
  }

  private reportHead(fifo: RunnableFifo): void {
    const head = fifo.isEmpty ? undefined : fifo.jobs[fifo.head];
    const arrived = head !== fifo.reportedHead;
    fifo.reportedHead = head;
    if (head && (arrived || this.headsStale)) this.listener.jobAtHead?.(head);
  }
}
