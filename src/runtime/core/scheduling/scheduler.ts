import { FairShareQueueOrder, SavedFairShareOrder } from './fair-share-queue-order';
import { FifoQueueOrder } from './fifo-queue-order';
import { gangVerdict, placeGang } from './gang-placement';
import { OPEN_GATE, PlacementGate } from './placement-gate';
import { QueueCursor, QueueOrder, QueuePosition } from './queue-order';
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

/** A queue's order as a checkpoint keeps it (Scheduler.savedQueues). */
export interface SavedQueue {
  readonly queue: string;
  /** Job ids and the runtime times they were added at, front first. */
  readonly entries: ReadonlyArray<[string, number]>;
  /** A fair-share queue's shares with their jobs and usage (its entries are then empty). */
  readonly fairShare?: SavedFairShareOrder;
  readonly reportedHead?: string;
}

/** A queue's order of RUNNABLE jobs and the head last told to the listener (DIAG-4 counts from then). */
interface QueueState {
  readonly order: QueueOrder;
  reportedHead?: JobRecord;
}

/**
 * Decides which RUNNABLE job runs where: queues by descending priority (SCHED-2), jobs in the order of
 * their queue's QueueOrder (SCHED-1), compute environments in ascending order (SCHED-3). Passes are
 * coalesced: any number of requests at one instant cause one pass.
 */
export class Scheduler {
  private readonly queues = new Map<JobQueueRecord, QueueState>();
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
    /** What else must hold for a job to be placed (PLAT-4: consumable resources). */
    private readonly gate: PlacementGate = OPEN_GATE,
  ) {}

  enqueue(job: JobRecord): void {
    this.stateOf(job.spec.queue).order.add(job, this.loop.now());
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
    return this.queues.get(queue)?.order.head(this.loop.now());
  }

  /** The RUNNABLE job ahead of `job` in its queue that can never run, if any (SCHED-1 diagnostics). */
  blockingJob(job: JobRecord): JobRecord | undefined {
    const state = this.queues.get(job.spec.queue);
    if (!state) return undefined;
    for (const candidate of state.order.ahead(job)) {
      if (!this.canEverRun(candidate)) return candidate;
    }
    return undefined;
  }

  // ---- what orders that weigh usage follow (fair share, FS-3, FS-4) ------------------------------

  /** FS-3: throws ClientException when the queue's order refuses a new job of this share. */
  checkAdmission(queue: JobQueueRecord, job: { readonly shareIdentifier?: string }): void {
    if (queue.schedulingPolicy) this.stateOf(queue).order.checkAdmission?.(job, this.loop.now());
  }

  /** A top-level job was accepted. */
  jobSubmitted(job: JobRecord): void {
    if (job.spec.queue.schedulingPolicy) this.stateOf(job.spec.queue).order.jobSubmitted?.(job, this.loop.now());
  }

  /** A top-level job SUCCEEDED or FAILED. */
  jobFinished(job: JobRecord): void {
    this.queues.get(job.spec.queue)?.order.jobFinished?.(job, this.loop.now());
  }

  /** An attempt ended and gave its capacity back (and, PLAT-4, what the gate let it take). */
  attemptEnded(job: JobRecord): void {
    this.gate.attemptEnded(job);
    this.queues.get(job.spec.queue)?.order.attemptEnded?.(job, this.loop.now());
  }

  /**
   * PLAT-4: a job that ends without an attempt (a node of a gang whose main node ended before it
   * started, MNP-8) gives back what the gate took for it; nothing else counted it as running.
   */
  releaseUnused(job: JobRecord): void {
    this.gate.attemptEnded(job);
    this.requestPass();
  }

  /** FS-8: the first `limit` RUNNABLE jobs of the queue in the order a pass would take them now. */
  snapshot(queue: JobQueueRecord, limit: number): QueuePosition[] {
    return this.queues.get(queue)?.order.snapshot(limit, this.loop.now()) ?? [];
  }

  /** DIAG-2: why the queue's order keeps the RUNNABLE job waiting, if it does (fair share). */
  explainWait(job: JobRecord): string | undefined {
    return this.queues.get(job.spec.queue)?.order.explainWait?.(job, this.loop.now());
  }

  /** The fair-share orders of the queues seen so far (their usage is checkpointed, see fair-share-checkpoint.ts). */
  fairShareOrders(): Array<[JobQueueRecord, FairShareQueueOrder]> {
    const orders: Array<[JobQueueRecord, FairShareQueueOrder]> = [];
    for (const [queue, state] of this.queues) if (state.order instanceof FairShareQueueOrder) orders.push([queue, state.order]);
    return orders;
  }

  /** The order of a fair-share queue, made if not seen yet; undefined for a FIFO queue. */
  fairShareOrderOf(queue: JobQueueRecord): FairShareQueueOrder | undefined {
    const order = this.stateOf(queue).order;
    return order instanceof FairShareQueueOrder ? order : undefined;
  }

  /**
   * Checkpoints with live jobs: each FIFO queue's entries (job ids and the times they were added),
   * each fair-share queue's shares (their jobs, running vCPUs and usage), and the head last told to
   * the listener (DIAG-4 counts from then). Undefined while a pass is pending (the checkpoint waits for it).
   */
  savedQueues(): SavedQueue[] | undefined {
    if (this.passPending || this.headsStale) return undefined;
    const saved: SavedQueue[] = [];
    for (const [queue, state] of this.queues) {
      const reportedHead = state.reportedHead?.jobId;
      if (state.order instanceof FairShareQueueOrder) {
        saved.push({ queue: queue.name, entries: [], fairShare: state.order.savedState(), reportedHead });
        continue;
      }
      const entries = (state.order as FifoQueueOrder).savedEntries();
      if (entries.length === 0 && reportedHead === undefined) continue;
      saved.push({ queue: queue.name, entries: entries.map(([job, time]) => [job.jobId, time]), reportedHead });
    }
    return saved;
  }

  /** Checkpoint restore (the jobs restored first): the queues' orders as saved. */
  restoreQueues(saved: readonly SavedQueue[], queueNamed: (name: string) => JobQueueRecord, job: (jobId: string) => JobRecord): void {
    for (const chunk of saved) {
      const state = this.stateOf(queueNamed(chunk.queue));
      if (chunk.fairShare) (state.order as FairShareQueueOrder).restoreState(chunk.fairShare, job);
      for (const [jobId, time] of chunk.entries) state.order.add(job(jobId), time);
      state.reportedHead = chunk.reportedHead === undefined ? undefined : job(chunk.reportedHead);
    }
  }

  private stateOf(queue: JobQueueRecord): QueueState {
    let state = this.queues.get(queue);
    if (!state) {
      // FS-2: a queue with a scheduling policy is a fair-share queue (and stays one); any other is FIFO.
      state = { order: queue.schedulingPolicy ? new FairShareQueueOrder(queue, this.demandOf) : new FifoQueueOrder() };
      this.queues.set(queue, state);
    }
    return state;
  }

  private pass(): void {
    const queues = [...this.queues.keys()].sort((a, b) => b.priority - a.priority || a.creationIndex - b.creationIndex);
    const now = this.loop.now();
    for (const queue of queues) {
      const state = this.queues.get(queue)!;
      const ces = this.usableComputeEnvironments(queue);
      if (ces.length > 0) this.placeFrom(state.order.candidates(now), ces, now);
      this.reportHead(state, now);
    }
    this.headsStale = false;
  }

  private placeFrom(cursor: QueueCursor, ces: ComputeEnvironmentRecord[], now: number): void {
    let skipped = 0;
    // Within one pass capacity only shrinks: a demand that found no room on a CE finds none later in
    // the pass, so identical jobs (array children share one demand object) are not tried again.
    const full = new Map<ComputeEnvironmentRecord, Set<ContainerDemand>>();
    while (skipped < this.options.scanDepth) {
      const job = cursor.next();
      if (!job) break;
      if (!this.gate.admits(job)) {
        // PLAT-4: its consumable resources are not available now; like a job that finds no room,
        // it is passed over and the jobs behind it may go first (SCHED-1 limited backfill).
        skipped++;
        continue;
      }
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
        cursor.placed(job);
        this.gate.placed(job); // before the listener: an attempt may end within jobPlaced
        this.listener.jobPlaced(job, placement);
      } else if (!ces.some((ce) => this.fitVerdict(ce, job).fits)) {
        if (cursor.blocks(job)) break; // SCHED-1: a job that can never be placed blocks the jobs behind it.
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
        if (node === main) return;
        node.reservedPlacement = placements[index];
        placements[index].reservedFor = node.jobId;
      });
      return placements[nodes.indexOf(main)];
    }
    return undefined;
  }

  private reportHead(state: QueueState, now: number): void {
    const head = state.order.head(now);
    const arrived = head !== state.reportedHead;
    state.reportedHead = head;
    if (head && (arrived || this.headsStale)) this.listener.jobAtHead?.(head);
  }
}
