import { ContainerInstance } from './container-instance';

/** An instance as a checkpoint keeps it (#21 §2): idle, or with the places of live attempts. */
export interface SavedInstance {
  readonly id: string;
  readonly arn: string;
  readonly type: string;
  readonly vcpus: number;
  readonly memoryMiB: number;
  readonly gpus: number;
  readonly launchedAt: number;
  readonly readyAt: number;
  readonly idleSince: number;
  /**
   * Where the free-capacity index filed it: bucket, group position, member position. Best fit takes
   * the first tightest group and its last member, so a restore files the instances in this order to
   * place the next job where the uninterrupted run would (ties among instances with the same room).
   */
  readonly filed?: readonly [number, number, number];
  /** The placements of live attempts on it (checkpoints with live jobs), in the instance's order; absent when none. */
  readonly placements?: readonly SavedPlacement[];
}

/** A live attempt's place on an instance, as a checkpoint keeps it. */
export interface SavedPlacement {
  readonly jobId: string;
  /** 0: a place a gang placement reserved for node `jobId`, which has not started on it yet (MNP-8). */
  readonly attempt: number;
  readonly vcpus: number;
  readonly memoryMiB: number;
  readonly gpus: number;
  readonly readyAt: number;
}

/** The kind of an instance's idle check (see EventKind); InstanceCapacity re-arms it. */
export const IDLE_CHECK = 'fleet.idle';

/** An instance as data; undefined when a placement on it has no live attempt nor reservation to name it by. */
export function saveInstance(instance: ContainerInstance): SavedInstance | undefined {
  const placements: SavedPlacement[] = [];
  for (const placement of instance.placements) {
    const attempt = placement.attempt;
    if (attempt?.ended || (!attempt && placement.reservedFor === undefined)) return undefined;
    placements.push({
      jobId: attempt ? attempt.jobId : placement.reservedFor!,
      attempt: attempt ? attempt.attempt : 0,
      vcpus: placement.vcpus,
      memoryMiB: placement.memoryMiB,
      gpus: placement.gpus,
      readyAt: placement.readyAt,
    });
  }
  return {
    id: instance.id,
    arn: instance.containerInstanceArn,
    type: instance.spec.name,
    vcpus: instance.registered.vcpus,
    memoryMiB: instance.registered.memoryMiB,
    gpus: instance.registered.gpus,
    launchedAt: instance.launchedAt,
    readyAt: instance.readyAt,
    idleSince: instance.idleSince,
    ...(instance.group ? { filed: [Math.floor(instance.group.vcpus), instance.group.slot, instance.groupSlot] as const } : {}),
    ...(placements.length > 0 ? { placements } : {}),
  };
}
