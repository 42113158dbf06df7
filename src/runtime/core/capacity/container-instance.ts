import { InstanceTypeSpec } from '../../../instance-catalog/instance-type-spec';
import { Cancellable } from '../event-loop';
import { ComputeEnvironmentRecord } from '../model/records';
import { ContainerDemand } from '../types/demand';
import { PlacedAttempt, Placement } from '../types/placement';

/** Told when a placement on one of its instances is released. */
export interface PlacementOwner {
  placementReleased(placement: InstancePlacement): void;
}

/**
 * One job attempt's share of a container instance. `release()` is idempotent, and a no-op once the
 * instance was terminated (the resources went with it).
 */
export class InstancePlacement implements Placement {
  released = false;
  /** Position in the instance's `placements` (swap-remove keeps removal O(1)); -1 when not on it. */
  slot = -1;
  /** The attempt on it, set by attempt execution. */
  attempt?: PlacedAttempt;
  /** MNP-8: the node a gang placement reserved it for (Placement.reservedFor). */
  reservedFor?: string;

  constructor(
    readonly computeEnvironment: ComputeEnvironmentRecord,
    readonly instance: ContainerInstance,
    readonly vcpus: number,
    readonly memoryMiB: number,
    readonly gpus: number,
    readonly readyAt: number,
    private readonly owner: PlacementOwner,
  ) {}

  get containerInstanceArn(): string {
    return this.instance.containerInstanceArn;
  }

  get instanceType(): string {
    return this.instance.spec.name;
  }

  get instanceId(): string {
    return this.instance.id;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.owner.placementReleased(this);
  }
}

/** The resources one instance type registers with ECS (SCHED-8: memory after `ECS_RESERVED_MEMORY`). */
export interface RegisteredResources {
  readonly spec: InstanceTypeSpec;
  readonly vcpus: number;
  readonly memoryMiB: number;
  readonly gpus: number;
}

/** What an instance knows of its group (the index owns the class). */
export interface FreeCapacityGroupRef {
  readonly vcpus: number;
  readonly memoryMiB: number;
  readonly gpus: number;
  /** Position of the group in its bucket (ties between groups go to the first). */
  readonly slot: number;
}

/** Whether `demand` fits `free` resources (SCHED-4). Pure comparison; GPUs count as whole devices. */
export function fitsResources(free: { vcpus: number; memoryMiB: number; gpus: number }, demand: ContainerDemand): boolean {
  return demand.vcpus <= free.vcpus && demand.memoryMiB <= free.memoryMiB && demand.gpus <= free.gpus;
}

/**
 * An EC2 container instance of a compute environment: its registered resources, what is still
 * free, and the placements on it. Mutated only by its fleet, which keeps the free-capacity index in step.
 */
export class ContainerInstance {
  freeVcpus: number;
  freeMemoryMiB: number;
  freeGpus: number;
  /** The live placements, unordered (an array with slots: no hashing on the hot path). */
  readonly placements: InstancePlacement[] = [];
  /** When the instance last became idle (no placements); meaningful while `placements` is empty. */
  idleSince: number;
  /** The idle check scheduled for this instance, if any (at most one at a time). */
  idleCheck?: Cancellable;
  terminated = false;
  /** The free-capacity group the instance is filed under, and its position there (kept by `FreeCapacityIndex`). */
  group: FreeCapacityGroupRef | undefined;
  groupSlot = -1;

  constructor(
    readonly id: string,
    readonly containerInstanceArn: string,
    readonly registered: RegisteredResources,
    readonly launchedAt: number,
    readonly readyAt: number,
  ) {
    this.freeVcpus = registered.vcpus;
    this.freeMemoryMiB = registered.memoryMiB;
    this.freeGpus = registered.gpus;
    this.idleSince = launchedAt;
  }

  get spec(): InstanceTypeSpec {
    return this.registered.spec;
  }

  /** Free resources in the shape `fitsResources` reads. */
  get free(): { vcpus: number; memoryMiB: number; gpus: number } {
    return { vcpus: this.freeVcpus, memoryMiB: this.freeMemoryMiB, gpus: this.freeGpus };
  }

  get isIdle(): boolean {
    return this.placements.length === 0;
  }

  /** Takes the demand's resources. Throws (an internal error) rather than over-commit (SCHED-4). */
  take(placement: InstancePlacement): void {
    if (placement.vcpus > this.freeVcpus || placement.memoryMiB > this.freeMemoryMiB || placement.gpus > this.freeGpus) {
      throw new Error(`internal: instance ${this.id} (${this.spec.name}) would be over-committed: ` +
        `needs ${placement.vcpus} vCPUs/${placement.memoryMiB} MiB/${placement.gpus} GPUs, ` +
        `free ${this.freeVcpus}/${this.freeMemoryMiB}/${this.freeGpus}`);
    }
    this.freeVcpus -= placement.vcpus;
    this.freeMemoryMiB -= placement.memoryMiB;
    this.freeGpus -= placement.gpus;
    placement.slot = this.placements.length;
    this.placements.push(placement);
  }

  /** Gives the placement's resources back. */
  give(placement: InstancePlacement): void {
    const slot = placement.slot;
    if (slot < 0 || this.placements[slot] !== placement) return;
    const last = this.placements.pop()!;
    if (last !== placement) {
      this.placements[slot] = last;
      last.slot = slot;
    }
    placement.slot = -1;
    this.freeVcpus += placement.vcpus;
    this.freeMemoryMiB += placement.memoryMiB;
    this.freeGpus += placement.gpus;
  }
}
