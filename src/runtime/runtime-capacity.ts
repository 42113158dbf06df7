import { Duration } from 'aws-cdk-lib';
import { InstanceCapacityOptions, REALISTIC_INSTANCE_START } from './core/capacity/capacity-options';

/** Container instances registered to an unmanaged compute environment (SCHED-7, CE-2). */
export interface UnmanagedInstances {
  /** The unmanaged compute environment: its name, ARN or logical id. */
  readonly computeEnvironment: string;
  /** The instance type, e.g. `m5.xlarge`. */
  readonly instanceType: string;
  /** How many instances. @default 1 */
  readonly count?: number;
  /** `ECS_RESERVED_MEMORY` of the instances in MiB (SCHED-8). @default 32 */
  readonly ecsReservedMemoryMiB?: number;
}

/** A compute environment instance, as the runtime models it. */
export interface InstanceInfo {
  /** The EC2 instance id (`i-...`). */
  readonly instanceId: string;
  /** The instance type. */
  readonly instanceType: string;
  /** vCPUs registered with ECS. */
  readonly registeredvCpus: number;
  /** Memory registered with ECS, MiB (SCHED-8). */
  readonly registeredMemoryMiB: number;
  /** vCPUs not used by running jobs. */
  readonly freevCpus: number;
  /** Job attempts placed on it. */
  readonly runningJobs: number;
}

/** The capacity settings of the runtime's props, as the core's options. */
export function capacityOptions(
  props: { readonly realisticInstanceStart?: boolean; readonly scaleDownIdleTime?: Duration },
): InstanceCapacityOptions {
  return {
    instanceStart: props.realisticInstanceStart ? REALISTIC_INSTANCE_START : undefined,
    scaleDownIdleMs: props.scaleDownIdleTime?.toMilliseconds(),
  };
}
