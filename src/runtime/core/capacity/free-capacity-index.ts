import { ContainerInstance } from './container-instance';
import { INSTANCE_TYPES } from './instance-types';
import { ContainerDemand } from '../jobs/container-launch';

/*
 * Finds an instance with room for a job without scanning instances (the 1M-job goal). Instances
 * are filed in groups by (instance type, free vCPUs, free memory, free GPUs): every instance of a
 * group has exactly the same free resources, so one comparison decides for the whole group. With
 * the usual workloads (a few job shapes, a few instance types) there are a handful of groups
 * however many instances there are, so a placement costs O(groups) and a move between groups O(1).
 */

const TYPE_INDEX: ReadonlyMap<string, number> = new Map(INSTANCE_TYPES.map((spec, index) => [spec.name, index]));

const GPU_SLOTS = 32;
const MEMORY_SLOTS = 2 ** 25;
const VCPU_SLOTS = 1024;
const TYPE_SLOTS = 512;

/**
 * A numeric key for integral resources in range (the usual case: no string building on the hot
 * path); `undefined` when some value is fractional or too large, for the caller to use a string.
 */
export function resourceKey(vcpus: number, memoryMiB: number, gpus: number): number | undefined {
  if (!Number.isInteger(vcpus) || !Number.isInteger(memoryMiB) || !Number.isInteger(gpus)) return undefined;
  if (vcpus < 0 || vcpus >= VCPU_SLOTS || memoryMiB < 0 || memoryMiB >= MEMORY_SLOTS || gpus < 0 || gpus >= GPU_SLOTS) return undefined;
  return (vcpus * MEMORY_SLOTS + memoryMiB) * GPU_SLOTS + gpus;
}

/** Instances of one type with the same free resources. */
class FreeCapacityGroup {
  readonly instances = new Set<ContainerInstance>();

  constructor(
    readonly key: number | string,
    readonly instanceType: string,
    readonly vcpus: number,
    readonly memoryMiB: number,
    readonly gpus: number,
  ) {}

  fits(demand: ContainerDemand): boolean {
    return demand.vcpus <= this.vcpus && demand.memoryMiB <= this.memoryMiB && demand.gpus <= this.gpus
      && (demand.instanceType === undefined || demand.instanceType === this.instanceType);
  }

  /** Best fit: least free vCPUs, then least free memory, then fewest free GPUs (keeps big holes for big jobs). */
  isTighterThan(other: FreeCapacityGroup): boolean {
    return (this.vcpus - other.vcpus || this.memoryMiB - other.memoryMiB || this.gpus - other.gpus) < 0;
  }
}

/** The instances of one compute environment, indexed by their free resources. */
export class FreeCapacityIndex {
  private readonly groups = new Map<number | string, FreeCapacityGroup>();

  /** Files the instance under its current free resources (call after each change of them). */
  file(instance: ContainerInstance): void {
    const key = groupKey(instance);
    if (instance.groupKey === key) return;
    this.remove(instance);
    let group = this.groups.get(key);
    if (!group) {
      group = new FreeCapacityGroup(key, instance.spec.name, instance.freeVcpus, instance.freeMemoryMiB, instance.freeGpus);
      this.groups.set(key, group);
    }
    group.instances.add(instance);
    instance.groupKey = key;
  }

  remove(instance: ContainerInstance): void {
    if (instance.groupKey === undefined) return;
    const group = this.groups.get(instance.groupKey);
    instance.groupKey = undefined;
    if (!group) return;
    group.instances.delete(instance);
    if (group.instances.size === 0) this.groups.delete(group.key);
  }

  /**
   * The instance the demand fits most tightly (SCHED-4 bin-packing: least free vCPUs, then memory),
   * restricted to `demand.instanceType` when the job pins one (SCHED-10). Among equals, the one filed
   * first. `undefined` when no instance has room.
   */
  bestFit(demand: ContainerDemand): ContainerInstance | undefined {
    let best: FreeCapacityGroup | undefined;
    for (const group of this.groups.values()) {
      if (group.fits(demand) && (best === undefined || group.isTighterThan(best))) best = group;
    }
    return best?.instances.values().next().value;
  }

  /** How many distinct free-resource groups there are (what a placement costs). */
  get groupCount(): number {
    return this.groups.size;
  }
}

function groupKey(instance: ContainerInstance): number | string {
  return keyFor(instance.spec.name, instance.freeVcpus, instance.freeMemoryMiB, instance.freeGpus);
}

function keyFor(instanceType: string, vcpus: number, memoryMiB: number, gpus: number): number | string {
  const typeIndex = TYPE_INDEX.get(instanceType);
  const resources = resourceKey(vcpus, memoryMiB, gpus);
  if (typeIndex !== undefined && typeIndex < TYPE_SLOTS && resources !== undefined) {
    return typeIndex * VCPU_SLOTS * MEMORY_SLOTS * GPU_SLOTS + resources;
  }
  return `${instanceType}/${vcpus}/${memoryMiB}/${gpus}`;
}
