import { QueuePosition, SavedShare, ShareState } from './fair-share-share';
import { QueueCursor, QueueOrder } from './queue-order';
import { before, ShareHeap } from './share-heap';
import { ClientException } from '../errors';
import { JobRecord } from '../jobs/job-record';
import { FairsharePolicy, JobQueueRecord } from '../model/records';
import { MAX_ACTIVE_SHARES, weightFactorOf } from '../model/scheduling-policy-rules';
import { ContainerDemand } from '../types/demand';

/** What the reservation of a pass allows (FS-6). */
export interface ReservationState {
  readonly activeShares: number;
  /** The queue's maximum vCPUs: the sum of its compute environments' maxvCpus. */
  readonly maxVcpus: number;
  /** `(computeReservation/100)^activeShares` of `maxVcpus`. */
  readonly reservedVcpus: number;
  /** vCPUs the queue's jobs hold now. */
  readonly usedVcpus: number;
}

/** One share's usage as a checkpoint keeps it (FS-4): at a rest point nothing runs, so only history is left. */
export interface ShareUsage {
  readonly shareIdentifier: string;
  readonly decayed: number;
  readonly settledAt: number;
  readonly idleSince: number;
}

/**
 * FS-4..FS-7: a fair-share queue's order. Each pass serves the share with the lowest weighted usage
 * (ShareState explains usage), takes that share's next job by priority (FS-5), counts the job's vCPUs
 * at once and serves the share with the lowest weighted usage again. A share whose next job does not
 * fit now is set aside for the rest of the pass, so other shares backfill (choice) and a job that can
 * never run blocks only its own share. The queue's jobs together hold at most what computeReservation
 * leaves (FS-6). Pure: time comes from the caller.
 */
/** A fair-share queue's order as a checkpoint keeps it. */
export interface SavedFairShareOrder {
  readonly usedVcpus: number;
  /** Whether the shares' weights were read from the queue's current policy (else the next pass reads them again). */
  readonly weighedCurrentPolicy: boolean;
  readonly shares: readonly SavedShare[];
}

export class FairShareQueueOrder implements QueueOrder {
  private readonly shares = new Map<string, ShareState>();
  /** vCPUs the queue's placed jobs hold. */
  private usedVcpus = 0;
  /** The policy object the shares' weight factors were read from (UpdateSchedulingPolicy replaces it). */
  private weightsFrom?: FairsharePolicy;

  constructor(private readonly queue: JobQueueRecord, private readonly demandOf: (job: JobRecord) => ContainerDemand) {}

  private get policy(): FairsharePolicy {
    return this.queue.schedulingPolicy!.fairsharePolicy;
  }

  private get decayMs(): number {
    return this.policy.shareDecaySeconds * 1000;
  }

  add(job: JobRecord, now: number): void {
    this.share(shareOf(job), now).add(job, now);
  }

  checkAdmission(job: { readonly shareIdentifier?: string }, now: number): void {
    const id = job.shareIdentifier!;
    if (this.shares.get(id)?.isActive(now, this.decayMs)) return;
    const active = this.activeShares(now);
    if (active >= MAX_ACTIVE_SHARES) {
      throw new ClientException(`shareIdentifier: ${JSON.stringify(id)} would be share ${active + 1} active in job queue ${this.queue.name}; `
        + `at most ${MAX_ACTIVE_SHARES} share identifiers may be active in a queue at once (FS-3)`);
    }
  }

  jobSubmitted(job: JobRecord, now: number): void {
    const share = this.share(shareOf(job), now);
    share.settle(now, this.decayMs);
    share.unfinishedJobs++;
  }

  jobFinished(job: JobRecord, now: number): void {
    const share = this.shares.get(shareOf(job));
    if (!share) return;
    share.unfinishedJobs = Math.max(0, share.unfinishedJobs - 1);
    if (share.unfinishedJobs === 0) share.idleSince = now;
  }

  attemptEnded(job: JobRecord, now: number): void {
    const share = this.shares.get(shareOf(job));
    if (!share) return;
    const vcpus = this.demandOf(job).vcpus;
    share.settle(now, this.decayMs);
    share.running = Math.max(0, share.running - vcpus);
    this.usedVcpus = Math.max(0, this.usedVcpus - vcpus);
  }

  candidates(now: number): QueueCursor {
    return new FairShareCursor(this, this.prepare(now), this.reservation(now));
  }

  /** The first job of the share a pass would serve first (a linear scan: every pass asks). */
  head(now: number): JobRecord | undefined {
    const decayMs = this.decayMs;
    let best: ShareState | undefined;
    let bestJob: JobRecord | undefined;
    for (const share of this.shares.values()) {
      share.settle(now, decayMs);
      const job = share.head();
      if (!job) continue;
      share.heapKey = share.weightedUsage;
      share.heapHistory = share.decayed * share.weightFactor;
      share.heapSequence = job.sequence;
      if (!best || before(share, best)) {
        best = share;
        bestJob = job;
      }
    }
    return bestJob;
  }

  /** A job that can never run blocks only its own share, so only the share's earlier jobs count. */
  *ahead(job: JobRecord): Iterable<JobRecord> {
    const share = this.shares.get(shareOf(job));
    if (!share) return;
    for (const position of share.runnable()) {
      if (position.job === job) return;
      yield position.job;
    }
  }

  snapshot(limit: number, now: number): QueuePosition[] {
    return this.dryRun(now, limit);
  }

  explainWait(job: JobRecord, now: number): string | undefined {
    const heap = this.prepare(now);
    const mine = this.shares.get(shareOf(job));
    if (!mine) return undefined;
    const reservation = this.reservation(now);
    const parts: string[] = [];
    const served: ShareState[] = [];
    for (let share = heap.pop(); share && share !== mine; share = heap.pop()) served.push(share);
    const describe = (share: ShareState): string =>
      `share ${share.shareIdentifier} has weighted usage ${round(share.weightedUsage)} (${round(share.usage)} vCPUs x weight ${share.weightFactor})`;
    if (served.length > 0) {
      parts.push(`${describe(mine)}; ${served.slice(0, 3).map(describe).join(', ')}${served.length > 3 ? ` and ${served.length - 3} more` : ''} `
        + `${served.length === 1 ? 'is' : 'are'} served first (FS-4)`);
    } else {
      parts.push(`${describe(mine)}, the lowest of the queue's waiting shares: it is served next (FS-4)`);
    }
    const ahead = [...mine.runnable()].findIndex((position) => position.job === job);
    if (ahead > 0) parts.push(`${ahead} job(s) of share ${mine.shareIdentifier} go before it (FS-5: higher schedulingPriority, then earlier)`);
    if (reservation.reservedVcpus > 0) {
      parts.push(`computeReservation ${this.policy.computeReservation} holds ${round(reservation.reservedVcpus)} of the queue's ${reservation.maxVcpus} vCPUs `
        + `for share identifiers that are not active (${reservation.activeShares} active; the queue's jobs hold ${reservation.usedVcpus} vCPUs) (FS-6)`);
    }
    return `${parts.join('; ')}.`;
  }

  /** The shares' state for explanations and tests (read only). */
  shareStates(): ReadonlyMap<string, ShareState> {
    return this.shares;
  }

  /** FS-6 at `now`. */
  reservation(now: number): ReservationState {
    const activeShares = this.activeShares(now);
    const maxVcpus = this.queue.computeEnvironmentOrder.reduce((sum, entry) => sum + maxVcpusOf(entry.computeEnvironment), 0);
    const reservedVcpus = maxVcpus * Math.pow(this.policy.computeReservation / 100, activeShares);
    // Without a reservation, or without a known maximum (an unmanaged CE that declares no vCPUs), nothing is held.
    return { activeShares, maxVcpus, reservedVcpus: this.policy.computeReservation === 0 ? 0 : reservedVcpus, usedVcpus: this.usedVcpus };
  }

  /** @internal the cursor's report of a placement */
  charge(share: ShareState, job: JobRecord): void {
    const gang = job.mnpParent?.nodes;
    // MNP-8: a multi-node job is placed through its main node, all nodes at once; each node's
    // capacity is given back when its own attempt ends.
    const vcpus = gang ? gang.reduce((sum, node) => sum + this.demandOf(node).vcpus, 0) : this.demandOf(job).vcpus;
    share.running += vcpus;
    this.usedVcpus += vcpus;
  }

  /** @internal the vCPUs a job asks for */
  vcpusOf(job: JobRecord): number {
    return this.demandOf(job).vcpus;
  }

  /** FS-4 at a rest point (no job unfinished): what each remembered share still counts, for a checkpoint. */
  usageAtRest(): ShareUsage[] {
    return [...this.shares.values()].map((share) => ({
      shareIdentifier: share.shareIdentifier, decayed: share.decayed, settledAt: share.settledAt, idleSince: share.idleSince,
    }));
  }

  /** Checkpoints with live jobs: the whole order (shares with their jobs, the vCPUs held) as data. */
  savedState(): SavedFairShareOrder {
    return {
      usedVcpus: this.usedVcpus,
      weighedCurrentPolicy: this.weightsFrom !== undefined && this.weightsFrom === this.policy,
      shares: [...this.shares.values()].map((share) => share.saved()),
    };
  }

  /** Checkpoint restore: the order as `savedState()` wrote it, into the fresh one of a restored queue. */
  restoreState(saved: SavedFairShareOrder, job: (jobId: string) => JobRecord): void {
    this.usedVcpus = saved.usedVcpus;
    this.weightsFrom = saved.weighedCurrentPolicy ? this.policy : undefined;
    this.shares.clear();
    for (const share of saved.shares) this.shares.set(share.shareIdentifier, ShareState.restored(share, job));
  }

  /** Puts checkpointed usage back into a freshly built runtime (its shares have no jobs yet). */
  restoreUsage(usage: readonly ShareUsage[]): void {
    for (const saved of usage) {
      const share = this.share(saved.shareIdentifier, saved.settledAt);
      share.decayed = saved.decayed;
      share.settledAt = saved.settledAt;
      share.idleSince = saved.idleSince;
    }
  }

  private share(id: string, now: number): ShareState {
    let share = this.shares.get(id);
    if (!share) {
      share = new ShareState(id, now);
      share.weightFactor = weightFactorOf(this.policy, id);
      this.shares.set(id, share);
    }
    return share;
  }

  private activeShares(now: number): number {
    let active = 0;
    const decayMs = this.decayMs;
    for (const share of this.shares.values()) if (share.isActive(now, decayMs)) active++;
    return active;
  }

  /** Settles every share at `now`, forgets idle ones, and heaps those with RUNNABLE jobs. */
  private prepare(now: number): ShareHeap {
    const policy = this.policy;
    const decayMs = this.decayMs;
    const reweigh = policy !== this.weightsFrom;
    this.weightsFrom = policy;
    const heap = new ShareHeap();
    for (const [id, share] of this.shares) {
      if (reweigh) share.weightFactor = weightFactorOf(policy, id);
      share.settle(now, decayMs);
      const head = share.head();
      if (head) heap.push(share, share.weightedUsage, share.decayed * share.weightFactor, head.sequence);
      else if (share.isForgettable(now, decayMs)) this.shares.delete(id);
    }
    return heap;
  }

  /** The order a pass at `now` would take, as if every job were placed in turn (nothing changes). */
  private dryRun(now: number, limit: number): QueuePosition[] {
    const heap = this.prepare(now);
    const usage = new Map<ShareState, number>();
    const iterators = new Map<ShareState, Iterator<QueuePosition>>();
    const nextOf = new Map<ShareState, QueuePosition>();
    for (let share = heap.pop(); share; share = heap.pop()) {
      const iterator = share.runnable();
      iterators.set(share, iterator);
      usage.set(share, share.usage);
      const first = iterator.next();
      if (!first.done) nextOf.set(share, first.value);
    }
    const order = new ShareHeap();
    for (const [share, position] of nextOf) {
      order.push(share, usage.get(share)! * share.weightFactor, share.decayed * share.weightFactor, position.job.sequence);
    }
    const front: QueuePosition[] = [];
    while (front.length < limit) {
      const share = order.pop();
      if (!share) break;
      const position = nextOf.get(share)!;
      front.push(position);
      usage.set(share, usage.get(share)! + this.vcpusOf(position.job));
      const following = iterators.get(share)!.next();
      if (following.done) continue;
      nextOf.set(share, following.value);
      order.push(share, usage.get(share)! * share.weightFactor, share.decayed * share.weightFactor, following.value.job.sequence);
    }
    return front;
  }
}

/** One pass over a fair-share queue (FairShareQueueOrder). */
class FairShareCursor implements QueueCursor {
  private current?: ShareState;
  private usable: number;

  constructor(private readonly order: FairShareQueueOrder, private readonly heap: ShareHeap, reservation: ReservationState) {
    // FS-6: the queue's jobs together hold at most what the reservation leaves.
    this.usable = reservation.reservedVcpus > 0 ? reservation.maxVcpus - reservation.reservedVcpus - reservation.usedVcpus : Infinity;
  }

  next(): JobRecord | undefined {
    // A share whose job was not placed is not pushed back: it sits out the rest of the pass.
    this.current = undefined;
    for (let share = this.heap.pop(); share; share = this.heap.pop()) {
      const job = share.head();
      if (!job) continue;
      if (this.order.vcpusOf(job) > this.usable + 1e-9) continue; // FS-6: held for inactive shares
      this.current = share;
      return job;
    }
    return undefined;
  }

  placed(job: JobRecord): void {
    const share = this.current!;
    const runningBefore = share.running;
    this.order.charge(share, job);
    this.usable -= share.running - runningBefore;
    this.current = undefined;
    const head = share.head();
    if (head) this.heap.push(share, share.weightedUsage, share.decayed * share.weightFactor, head.sequence);
  }

  /** A job that can never run blocks only its own share (choice): the others go on. */
  blocks(): boolean {
    return false;
  }
}

function shareOf(job: JobRecord): string {
  const top = job.parent ?? job.mnpParent ?? job;
  return top.spec.shareIdentifier ?? '';
}

function maxVcpusOf(ce: JobQueueRecord['computeEnvironmentOrder'][number]['computeEnvironment']): number {
  return ce.type === 'UNMANAGED' ? ce.unmanagedvCpus ?? 0 : ce.computeResources?.maxvCpus ?? 0;
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
