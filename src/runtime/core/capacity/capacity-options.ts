/**
 * Configuration of the instance capacity model. All optional: the defaults give a deterministic
 * model in which instances are ready at once (tests), with a realistic profile to opt into.
 */

/**
 * How long a newly launched instance takes until it can start containers (EC2 launch, boot, ECS
 * agent registration). Placements on a starting instance get `readyAt` = launch time + delay.
 */
export interface InstanceStartProfile {
  /** Delay of every launch, in ms. */
  readonly baseDelayMs: number;
  /**
   * Extra delay for GPU instance types (the ECS GPU-optimized AMI is larger and loads drivers, CE-5).
   * @default 0
   */
  readonly gpuExtraDelayMs?: number;
  /**
   * Extra delay for instances of a SPOT compute environment (the Spot request is fulfilled first).
   * @default 0
   */
  readonly spotExtraDelayMs?: number;
}

/** Instances are ready the moment they are launched: the default, so tests need no start delays. */
export const IMMEDIATE_INSTANCE_START: InstanceStartProfile = Object.freeze({ baseDelayMs: 0 });

/*
 * A realistic profile. AWS documents no figure; these are estimates from the steps involved:
 * EC2 takes about 30-60 s from RunInstances to `running` for Nitro types, the ECS-optimized AMI
 * boots and the ECS agent registers in about another 30-60 s, and Batch's own scaling decision adds
 * tens of seconds: about 2 minutes from the scale-up decision to the first container start is what
 * users commonly report. The GPU AMI is larger and initializes the NVIDIA driver; a Spot request is
 * fulfilled before the launch starts. Use it to see how start latency shapes a pipeline's makespan.
 */
export const REALISTIC_INSTANCE_START: InstanceStartProfile = Object.freeze({
  baseDelayMs: 120_000,
  gpuExtraDelayMs: 60_000,
  spotExtraDelayMs: 30_000,
});

/**
 * How long an instance stays idle before a managed compute environment terminates it (down to
 * `minvCpus`, SCHED-5). AWS documents no figure and scales in "when instances are idle"; a few
 * minutes is what is observed. A non-zero default keeps warm instances between the stages of a
 * pipeline, as on AWS.
 */
export const DEFAULT_SCALE_DOWN_IDLE_MS = 5 * 60_000;

/** Container instances registered to an unmanaged compute environment (SCHED-7, CE-2). */
export interface UnmanagedInstanceConfig {
  /** Name of the unmanaged compute environment the instances register to. */
  readonly computeEnvironment: string;
  /** Instance type, from the catalog (e.g. `m5.xlarge`). */
  readonly instanceType: string;
  /**
   * How many instances of the type.
   * @default 1
   */
  readonly count?: number;
  /**
   * `ECS_RESERVED_MEMORY` on these instances, in MiB (SCHED-8).
   * @default 32
   */
  readonly ecsReservedMemoryMiB?: number;
}

/** `ECS_RESERVED_MEMORY` set by a launch template's user data (read with `readLaunchTemplate`). */
export interface LaunchTemplateMemorySetting {
  /** The launch template id a compute environment may reference. */
  readonly launchTemplateId?: string;
  /** The launch template name a compute environment may reference. */
  readonly launchTemplateName?: string;
  /** `ECS_RESERVED_MEMORY` in MiB (SCHED-8). */
  readonly ecsReservedMemoryMiB: number;
}

/** A stand-in for EC2's limited capacity of one instance type (InsufficientInstanceCapacity). */
export interface InstanceTypeAvailability {
  /** Instance type, e.g. `c5.large`. */
  readonly instanceType: string;
  /** How many instances of the type EC2 can provide at once, across all compute environments. */
  readonly maxInstances: number;
}

/** Spot interruption risk of one instance type, overriding the stand-in (SCHED-6). */
export interface SpotInterruptionRisk {
  /** Instance type, e.g. `c5.large`. */
  readonly instanceType: string;
  /** Probability of interruption per month, 0..1 (what the Spot Instance Advisor shows as a band). */
  readonly risk: number;
}

export interface InstanceCapacityOptions {
  /**
   * Start delay of launched instances.
   * @default IMMEDIATE_INSTANCE_START
   */
  readonly instanceStart?: InstanceStartProfile;
  /**
   * Idle time after which a managed CE terminates an instance (never below `minvCpus`).
   * @default DEFAULT_SCALE_DOWN_IDLE_MS
   */
  readonly scaleDownIdleMs?: number;
  /**
   * Instances of unmanaged compute environments.
   * @default - none: an unmanaged CE has no capacity until instances are registered
   */
  readonly unmanagedInstances?: UnmanagedInstanceConfig[];
  /**
   * `ECS_RESERVED_MEMORY` of launch templates that compute environments reference.
   * @default - none: 32 MiB everywhere
   */
  readonly launchTemplates?: LaunchTemplateMemorySetting[];
  /**
   * Instance types EC2 can provide only a few of (to see BEST_FIT wait and BEST_FIT_PROGRESSIVE move on).
   * @default - unlimited
   */
  readonly instanceTypeAvailability?: InstanceTypeAvailability[];
  /**
   * Spot interruption risks replacing the stand-in of `defaultSpotInterruptionRisk`.
   * @default - the stand-in
   */
  readonly spotInterruptionRisks?: SpotInterruptionRisk[];
}
