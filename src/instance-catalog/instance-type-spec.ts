/**
 * CPU architecture of an EC2 instance type. The values are the strings EC2 and AWS Batch use
 * (`DescribeInstanceTypes` `SupportedArchitectures`, the `default_x86_64` / `default_arm64` keywords).
 */
export enum InstanceArchitecture {
  /** Intel and AMD processors. */
  X86_64 = 'x86_64',
  /** AWS Graviton processors. */
  ARM64 = 'arm64',
}

/**
 * The figures the local scheduler needs about one EC2 instance type (one row of the instance catalog).
 *
 * A plain readonly struct so it can cross the jsii boundary should the catalog ever be exported.
 */
export interface InstanceTypeSpec {
  /** Full instance type name, e.g. `c5.2xlarge`. */
  readonly name: string;

  /** The family: the part of the name before the dot, e.g. `c5`. */
  readonly family: string;

  /** The size: the part of the name after the dot, e.g. `2xlarge`. */
  readonly size: string;

  /** Default number of vCPUs. */
  readonly vcpus: number;

  /**
   * Installed memory in MiB, as EC2 advertises it (`MemoryInfo.SizeInMiB`). The memory a container
   * instance registers with ECS is lower: see `registeredMemoryMiB` (SCHED-8).
   */
  readonly memoryMiB: number;

  /** Number of GPUs; 0 for instance types without GPUs. */
  readonly gpus: number;

  /** CPU architecture. */
  readonly architecture: InstanceArchitecture;

  /** Whether the instance type can attach an Elastic Fabric Adapter (CE-6). */
  readonly efaSupported: boolean;

  /**
   * Approximate on-demand Linux price in USD per hour in us-east-1. Used only to rank instance
   * types against each other (BEST_FIT, BEST_FIT_PROGRESSIVE), never to report a cost.
   */
  readonly onDemandUsdPerHour: number;
}
