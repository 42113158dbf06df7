import { COMPUTE_ENVIRONMENT_MAX_RESOURCE } from './gang-placement';
import { computeEnvironmentPlatform, platformMismatchReason } from '../model/platform';
import { ComputeEnvironmentRecord } from '../model/records';
import { ContainerDemand } from '../types/demand';
import { CapacityModel, FitVerdict, Placement } from '../types/placement';

/** A live attempt's share of a pool, as a checkpoint keeps it. */
export interface SavedPoolPlacement {
  readonly ce: string;
  readonly jobId: string;
  readonly attempt: number;
  readonly vcpus: number;
  readonly readyAt: number;
}

interface PoolPlacement extends Placement {
  readonly vcpus: number;
}

/**
 * The simplest capacity model: each compute environment is one pool of vCPUs (managed: `maxvCpus`,
 * unmanaged: `unmanagedvCpus` or a configured default). Memory and GPUs are not bin-packed here; the
 * instance-level model (`InstanceCapacity`) replaces this for EC2 and uses it for Fargate, whose
 * tasks have no instances to pack.
 */
export class VcpuPoolCapacity implements CapacityModel {
  private readonly used = new Map<string, number>();
  /** The placements holding vCPUs, in the order they were made (a checkpoint names them by their attempts). */
  private readonly held = new Set<PoolPlacement>();

  constructor(private readonly unmanagedDefaultvCpus: number = 0) {}

  /**
   * Checkpoints (#21 §2): the placements of live attempts as data, or undefined when one has no live
   * attempt to name it by (the checkpoint waits). The pool's use is their sum, so nothing else is kept.
   */
  savedPlacements(): SavedPoolPlacement[] | undefined {
    const saved: SavedPoolPlacement[] = [];
    for (const placement of this.held) {
      const attempt = placement.attempt;
      if (!attempt || attempt.ended) return undefined;
      const { jobId, attempt: number } = attempt;
      saved.push({ ce: placement.computeEnvironment.name, jobId, attempt: number, vcpus: placement.vcpus, readyAt: placement.readyAt });
    }
    return saved;
  }

  /** Checkpoint restore: the placements back, holding their vCPUs, each given to `restored` under `jobId#attempt` for its attempt. */
  restorePlacements(saved: readonly SavedPoolPlacement[], ce: (name: string) => ComputeEnvironmentRecord, restored: Map<string, Placement>): void {
    for (const place of saved) {
      const placement = this.hold(ce(place.ce), place.vcpus, place.readyAt);
      restored.set(`${place.jobId}#${place.attempt}`, placement);
    }
  }

  tryPlace(ce: ComputeEnvironmentRecord, demand: ContainerDemand, now: number): Placement | undefined {
    if (computeEnvironmentPlatform(ce) !== (demand.platform ?? 'EC2')) return undefined; // PLAT-1
    const limit = this.limit(ce);
    const used = this.used.get(ce.name) ?? 0;
    if (used + demand.vcpus > limit) return undefined;
    return this.hold(ce, demand.vcpus, now);
  }

  private hold(ce: ComputeEnvironmentRecord, vcpus: number, readyAt: number): PoolPlacement {
    this.used.set(ce.name, (this.used.get(ce.name) ?? 0) + vcpus);
    const placement: PoolPlacement = {
      computeEnvironment: ce,
      containerInstanceArn: `${ce.ecsClusterArn.replace(':cluster/', ':container-instance/')}/pool`,
      readyAt,
      vcpus,
      release: () => {
        if (!this.held.delete(placement)) return;
        this.used.set(ce.name, (this.used.get(ce.name) ?? 0) - vcpus);
      },
    };
    this.held.add(placement);
    return placement;
  }

  canEverFit(ce: ComputeEnvironmentRecord, demand: ContainerDemand): FitVerdict {
    const mismatch = platformMismatchReason(ce, demand.platform ?? 'EC2');
    if (mismatch !== undefined) return { fits: false, reason: mismatch };
    if (demand.gpus > 0 && (ce.computeResources?.type ?? '').startsWith('FARGATE')) {
      return { fits: false, reason: `MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - needs ${demand.gpus} GPU${demand.gpus === 1 ? '' : 's'}, but Fargate compute environment ${ce.name} has no GPUs (SCHED-9)` };
    }
    const limit = this.limit(ce);
    if (demand.vcpus <= limit) return { fits: true };
    // DIAG-2: a managed pool is bounded by maxvCpus alone, which AWS names COMPUTE_ENVIRONMENT_MAX_RESOURCE.
    return ce.type === 'UNMANAGED'
      ? { fits: false, reason: `needs ${demand.vcpus} vCPUs, compute environment ${ce.name} has at most ${limit}` }
      : { fits: false, reason: `${COMPUTE_ENVIRONMENT_MAX_RESOURCE} - needs ${demand.vcpus} vCPUs, more than maxvCpus ${limit} of compute environment ${ce.name}` };
  }

  private limit(ce: ComputeEnvironmentRecord): number {
    if (ce.type === 'UNMANAGED') return ce.unmanagedvCpus ?? this.unmanagedDefaultvCpus;
    return ce.computeResources?.maxvCpus ?? 0;
  }
}
