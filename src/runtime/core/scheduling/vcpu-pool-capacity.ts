import { COMPUTE_ENVIRONMENT_MAX_RESOURCE } from './gang-placement';
import { computeEnvironmentPlatform, platformMismatchReason } from '../model/platform';
import { ComputeEnvironmentRecord } from '../model/records';
import { ContainerDemand } from '../types/demand';
import { CapacityModel, FitVerdict, Placement } from '../types/placement';

/**
 * The simplest capacity model: each compute environment is one pool of vCPUs (managed: `maxvCpus`,
 * unmanaged: `unmanagedvCpus` or a configured default). Memory and GPUs are not bin-packed here; the
 * instance-level model (`InstanceCapacity`) replaces this for EC2 and uses it for Fargate, whose
 * tasks have no instances to pack.
 */
export class VcpuPoolCapacity implements CapacityModel {
  private readonly used = new Map<string, number>();

  constructor(private readonly unmanagedDefaultvCpus: number = 0) {}

  /** Whether no placement holds vCPUs of the pool (its placements are not carried by checkpoints). */
  isIdle(): boolean {
    for (const used of this.used.values()) if (used !== 0) return false;
    return true;
  }

  tryPlace(ce: ComputeEnvironmentRecord, demand: ContainerDemand, now: number): Placement | undefined {
    if (computeEnvironmentPlatform(ce) !== (demand.platform ?? 'EC2')) return undefined; // PLAT-1
    const limit = this.limit(ce);
    const used = this.used.get(ce.name) ?? 0;
    if (used + demand.vcpus > limit) return undefined;
    this.used.set(ce.name, used + demand.vcpus);
    let released = false;
    return {
      computeEnvironment: ce,
      containerInstanceArn: `${ce.ecsClusterArn.replace(':cluster/', ':container-instance/')}/pool`,
      readyAt: now,
      release: () => {
        if (released) return;
        released = true;
        this.used.set(ce.name, (this.used.get(ce.name) ?? 0) - demand.vcpus);
      },
    };
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
