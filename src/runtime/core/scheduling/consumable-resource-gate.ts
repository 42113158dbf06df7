import { PlacementGate } from './placement-gate';
import { JobRecord } from '../jobs/job-record';
import { sumNeeds } from '../model/consumable-requirements';
import { availableQuantity, ConsumableNeed, ConsumableResourceStore } from '../model/consumable-resource-store';

/** PLAT-4 (a choice: AWS's guide names no statusReason for this wait, see docs/rules.md): what a RUNNABLE job shows. */
export const CONSUMABLE_RESOURCE_WAIT = 'Waiting for consumable resources';

/**
 * PLAT-4: a job that needs consumable resources is placed only when every one is available in the
 * quantity it needs (all or nothing), takes them as it goes STARTING, and gives them back when the
 * attempt ends: a retry takes them again when it is placed again. The store keeps the quantities;
 * this gate also knows which jobs hold what, for the diagnostics (DIAG-2).
 *
 * A multi-node job is placed as a gang (MNP-8): its main node's placement places every node, so the
 * main node is admitted only when the sum of every node's needs (its range's, and the job's on the main
 * node) is available, and its placement takes each node's share at once; each node gives its share
 * back when its attempt ends (or when it ends without one, see `Scheduler.releaseUnused`).
 */
export class ConsumableResourceGate implements PlacementGate {
  /** Resource name -> the jobs (attempts) holding some of it now. */
  private readonly holders = new Map<string, Set<JobRecord>>();
  /** The jobs (nodes) holding resources now, with what they hold. */
  private readonly held = new Map<JobRecord, readonly ConsumableNeed[]>();

  constructor(private readonly store: ConsumableResourceStore) {}

  admits(job: JobRecord): boolean {
    const needs = this.pendingNeeds(job);
    return needs === undefined || this.store.available(needs);
  }

  placed(job: JobRecord): void {
    for (const member of this.gangOf(job)) this.take(member);
  }

  attemptEnded(job: JobRecord): void {
    const needs = this.held.get(job);
    if (needs === undefined) return;
    this.held.delete(job);
    for (const need of needs) this.holders.get(need.name)!.delete(job);
    this.store.release(needs);
  }

  private take(job: JobRecord): void {
    const needs = job.spec.consumableNeeds;
    if (needs === undefined || this.held.has(job)) return;
    this.store.acquire(needs);
    this.hold(job, needs, needs);
  }

  /** `job` holds `needs` until its attempt ends; it is listed as a holder of the resources in `listed`. */
  private hold(job: JobRecord, needs: readonly ConsumableNeed[], listed: readonly ConsumableNeed[]): void {
    this.held.set(job, needs);
    for (const need of listed) {
      let jobs = this.holders.get(need.name);
      if (!jobs) this.holders.set(need.name, jobs = new Set());
      jobs.add(job);
    }
  }

  /** MNP-8: the jobs a placement of `job` places: every node of its job for a main node, else the job itself. */
  private gangOf(job: JobRecord): readonly JobRecord[] {
    const parent = job.mnpParent;
    return parent !== undefined && job.nodeIndex === parent.mainNodeIndex && parent.nodes?.[job.nodeIndex!] === job ? parent.nodes : [job];
  }

  /** What placing `job` would take now (the gang's needs not held yet), undefined when nothing. */
  private pendingNeeds(job: JobRecord): readonly ConsumableNeed[] | undefined {
    if (job.mnpParent === undefined) {
      const needs = job.spec.consumableNeeds;
      return needs === undefined || this.held.has(job) ? undefined : needs;
    }
    return sumNeeds(...this.gangOf(job).filter((member) => !this.held.has(member)).map((member) => member.spec.consumableNeeds));
  }

  /**
   * Checkpoint restore: the job of a live attempt holds its resources again (in placement order, as
   * `placed` had them), those deleted since excepted (their records are gone, as live). It holds them
   * as `take` does, so the attempt's end gives them back (or, NON_REPLENISHABLE, takes them out).
   */
  restoreHolder(job: JobRecord): void {
    const needs = job.spec.consumableNeeds;
    if (needs === undefined || this.held.has(job)) return;
    const present = needs.filter((need) => this.store.find(need.name) !== undefined);
    this.store.acquire(present);
    this.hold(job, needs, present);
  }

  /** The jobs holding some of the resource now, in the order they took it. */
  holdersOf(name: string): JobRecord[] {
    return [...(this.holders.get(name) ?? [])];
  }

  /** The needs of the job that are not available now (empty when it may be placed). */
  shortfalls(job: JobRecord): Array<ConsumableNeed & { readonly available: number }> {
    const needs = this.pendingNeeds(job) ?? [];
    return needs.map((need) => {
      const record = this.store.find(need.name);
      return { ...need, available: record ? availableQuantity(record) : 0 };
    }).filter((need) => need.available < need.quantity);
  }

  /** PLAT-4, DIAG-2: the statusReason of a RUNNABLE job that waits for consumable resources, if it does. */
  waitReason(job: JobRecord): string | undefined {
    const short = this.shortfalls(job);
    if (short.length === 0) return undefined;
    return `${CONSUMABLE_RESOURCE_WAIT}: ${short.map((need) => `${need.name} (needs ${need.quantity}, available ${need.available})`).join(', ')}`;
  }

  /** DIAG-2: the wait in full: per resource, what the job needs, what is available, and which jobs hold it. */
  explainWait(job: JobRecord): string | undefined {
    const short = this.shortfalls(job);
    if (short.length === 0) return undefined;
    return short.map((need) => {
      const record = this.store.find(need.name);
      if (!record) return `consumable resource ${need.name} was deleted`;
      const holders = this.holdersOf(need.name);
      const shown = holders.slice(0, 5).map((holder) => holder.jobId).join(', ') + (holders.length > 5 ? ` and ${holders.length - 5} more` : '');
      return `consumable resource ${need.name} (${record.resourceType}): needs ${need.quantity}, available ${need.available} of ${record.totalQuantity}`
        + (holders.length > 0 ? `, held by job(s) ${shown}` : '')
        + (need.quantity > record.totalQuantity ? '; it needs more than the total, so it runs only once UpdateConsumableResource raises it' : '');
    }).join('; ');
  }
}
