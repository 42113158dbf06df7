import { ContainerInstance, FreeCapacityGroupRef } from './container-instance';
import { ContainerDemand } from '../types/demand';

/*
 * Finds an instance with room for a job without scanning instances (the 1M-job goal). Instances
 * are filed in groups of equal (instance type, free vCPUs, free memory, free GPUs): one comparison
 * decides for the whole group. Groups sit in buckets by whole free vCPUs. With the usual workloads
 * (a few job shapes, a few instance types) a bucket holds a few groups however many instances
 * there are, so a placement costs the groups of the buckets scanned and a move between groups
 * O(1). Groups and their members are plain arrays with slots: no hashing on the hot path.
 */

/** Instances of one type with the same free resources. */
class FreeCapacityGroup implements FreeCapacityGroupRef {
  readonly members: ContainerInstance[] = [];
  /** Position in its bucket. */
  slot = -1;

  constructor(readonly instanceType: string, readonly vcpus: number, readonly memoryMiB: number, readonly gpus: number) {}

  fits(demand: ContainerDemand): boolean {
    return demand.vcpus <= this.vcpus && demand.memoryMiB <= this.memoryMiB && demand.gpus <= this.gpus
      && (demand.instanceType === undefined || demand.instanceType === this.instanceType);
  }

  /** Best fit: least free vCPUs, then least free memory, then fewest free GPUs (keeps big holes for big jobs). */
  isTighterThan(other: FreeCapacityGroup): boolean {
    return (this.vcpus - other.vcpus || this.memoryMiB - other.memoryMiB || this.gpus - other.gpus) < 0;
  }

  holds(instance: ContainerInstance): boolean {
    return this.instanceType === instance.spec.name && this.vcpus === instance.freeVcpus
      && this.memoryMiB === instance.freeMemoryMiB && this.gpus === instance.freeGpus;
  }
}

/**
 * The instances of one compute environment, indexed by their free resources. Best fit scans
 * buckets upwards from the job's vCPUs, so the first bucket with a fitting group holds the answer
 * (every group in a lower bucket has fewer free vCPUs), and a full CE is answered after the few
 * buckets up to `highest`.
 */
export class FreeCapacityIndex {
  private readonly buckets: FreeCapacityGroup[][] = [];
  /** The highest bucket that may hold a group (all above it are empty). */
  private highest = -1;
  private groups = 0;

  /** Files the instance under its current free resources (call after each change of them). */
  file(instance: ContainerInstance): void {
    const current = instance.group as FreeCapacityGroup | undefined;
    if (current !== undefined && current.holds(instance)) return;
    this.remove(instance);
    const index = bucketOf(instance.freeVcpus);
    let bucket = this.buckets[index];
    if (bucket === undefined) {
      for (let fill = this.buckets.length; fill <= index; fill++) this.buckets.push([]);
      bucket = this.buckets[index];
    }
    let group: FreeCapacityGroup | undefined;
    for (const candidate of bucket) {
      if (candidate.holds(instance)) {
        group = candidate;
        break;
      }
    }
    if (group === undefined) {
      group = new FreeCapacityGroup(instance.spec.name, instance.freeVcpus, instance.freeMemoryMiB, instance.freeGpus);
      group.slot = bucket.length;
      bucket.push(group);
      this.groups++;
      if (index > this.highest) this.highest = index;
    }
    instance.group = group;
    instance.groupSlot = group.members.length;
    group.members.push(instance);
  }

  remove(instance: ContainerInstance): void {
    const group = instance.group as FreeCapacityGroup | undefined;
    if (group === undefined) return;
    swapRemove(group.members, instance.groupSlot, (moved, slot) => { moved.groupSlot = slot; });
    instance.group = undefined;
    instance.groupSlot = -1;
    if (group.members.length > 0) return;
    swapRemove(this.buckets[bucketOf(group.vcpus)], group.slot, (moved, slot) => { moved.slot = slot; });
    this.groups--;
    while (this.highest >= 0 && this.buckets[this.highest].length === 0) this.highest--;
  }

  /**
   * The instance the demand fits most tightly (SCHED-4 bin-packing: least free vCPUs, then memory),
   * restricted to `demand.instanceType` when the job pins one (SCHED-10). Among equals, the one
   * filed last (deterministic). `undefined` when no instance has room.
   */
  bestFit(demand: ContainerDemand): ContainerInstance | undefined {
    for (let index = bucketOf(demand.vcpus); index <= this.highest; index++) {
      let best: FreeCapacityGroup | undefined;
      for (const group of this.buckets[index]) {
        if (group.fits(demand) && (best === undefined || group.isTighterThan(best))) best = group;
      }
      if (best !== undefined) return best.members[best.members.length - 1];
    }
    return undefined;
  }

  /** How many distinct free-resource groups there are. */
  get groupCount(): number {
    return this.groups;
  }
}

/** Whole free vCPUs: fractional values (never on EC2, LIM-9) share the bucket below and are compared exactly. */
function bucketOf(vcpus: number): number {
  return vcpus > 0 ? Math.floor(vcpus) : 0;
}

/** Removes `items[slot]` by moving the last item into its place, telling it its new slot. */
function swapRemove<T>(items: T[], slot: number, moved: (item: T, slot: number) => void): void {
  const last = items.pop()!;
  if (slot < items.length) {
    items[slot] = last;
    moved(last, slot);
  }
}
