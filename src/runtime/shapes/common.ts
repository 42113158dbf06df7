/**
 * Shapes shared by several AWS Batch operations. Field names and meanings follow the AWS Batch API
 * (botocore `batch/2016-08-10`), so users can read the AWS documentation for them.
 */

/** A name/value pair, as in a container's `environment`. */
export interface KeyValuePair {
  /** The variable name. @default - no name */
  readonly name?: string;
  /** The variable value. @default - no value */
  readonly value?: string;
}

/** A resource requirement of a container (`GPU`, `VCPU` or `MEMORY`). */
export interface ResourceRequirement {
  /** The type: `GPU`, `VCPU` or `MEMORY`. */
  readonly type: string;
  /** The quantity, as a string (`"1"`, `"2048"`). */
  readonly value: string;
}

/** A dependency of a job on another job. */
export interface JobDependency {
  /** The id of the job depended on. @default - none (required unless `type` is `SEQUENTIAL`) */
  readonly jobId?: string;
  /** `N_TO_N` or `SEQUENTIAL` for array jobs. @default - a plain dependency */
  readonly type?: string;
}

/** The array settings of a SubmitJob request. */
export interface ArrayProperties {
  /** The number of children, 2..10000 (LIM-6). @default - not an array job */
  readonly size?: number;
}

/** One condition of a retry strategy's `evaluateOnExit` list. */
export interface EvaluateOnExit {
  /** Glob on the container's status reason. @default - any */
  readonly onStatusReason?: string;
  /** Glob on the container's reason. @default - any */
  readonly onReason?: string;
  /** Glob on the exit code (digits, optional trailing `*`). @default - any */
  readonly onExitCode?: string;
  /** `RETRY` or `EXIT` (case-insensitive). */
  readonly action: string;
}

/** How often and on which conditions a job is retried. */
export interface RetryStrategy {
  /** Number of attempts, 1..10. @default 1 */
  readonly attempts?: number;
  /** Conditions deciding whether to retry (at most 5). @default - retry on any failure */
  readonly evaluateOnExit?: EvaluateOnExit[];
}

/** A job timeout. */
export interface JobTimeout {
  /** Seconds an attempt may run, at least 60. @default - no timeout */
  readonly attemptDurationSeconds?: number;
}

/** Values that override the job definition's container for one job. */
export interface ContainerOverrides {
  /** @default - the job definition's */
  readonly vcpus?: number;
  /** Memory in MiB. @default - the job definition's */
  readonly memory?: number;
  /** @default - the job definition's */
  readonly command?: string[];
  /** Instance type (multi-node jobs). @default - the job definition's */
  readonly instanceType?: string;
  /** Merged by name into the job definition's environment. @default - none */
  readonly environment?: KeyValuePair[];
  /** @default - the job definition's */
  readonly resourceRequirements?: ResourceRequirement[];
}

/** Overrides of one node range of a multi-node job. */
export interface NodePropertyOverride {
  /** The node range, e.g. `0:3`. */
  readonly targetNodes: string;
  /** @default - no override */
  readonly containerOverrides?: ContainerOverrides;
}

/** Node overrides of a multi-node job. */
export interface NodeOverrides {
  /** A new node count. @default - the job definition's */
  readonly numNodes?: number;
  /** @default - none */
  readonly nodePropertyOverrides?: NodePropertyOverride[];
}

/** PLAT-4: one consumable resource a job needs (`ConsumableResourceRequirement`). */
export interface ConsumableResourceRequirement {
  /** The name or ARN of the consumable resource. @default - none */
  readonly consumableResource?: string;
  /** How many units of it one job (each array child, each multi-node job) needs. @default - none */
  readonly quantity?: number;
}

/** PLAT-4: the consumable resources a job needs (`ConsumableResourceProperties`). */
export interface ConsumableResourceProperties {
  /** The resources and quantities. @default - none */
  readonly consumableResourceList?: ConsumableResourceRequirement[];
}
