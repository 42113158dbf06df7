import { ComputeResources, ContainerProperties, EksConfiguration, JobStateTimeLimitAction, NodeProperties, UpdatePolicy } from './requests';
import { ConsumableResourceProperties, JobTimeout, RetryStrategy } from '../../shapes';

/** Lifecycle status of a compute environment or job queue (`CEStatus` / `JQStatus` in the service model). */
export type ResourceStatus = 'CREATING' | 'UPDATING' | 'DELETING' | 'DELETED' | 'VALID' | 'INVALID';

/**
 * A compute environment as the backend holds it. Fields that UpdateComputeEnvironment may change are
 * mutable: the scheduler and capacity model read them on every pass, so an update takes effect at once.
 */
export interface ComputeEnvironmentRecord {
  readonly name: string;
  readonly arn: string;
  readonly type: 'MANAGED' | 'UNMANAGED';
  state: 'ENABLED' | 'DISABLED';
  status: ResourceStatus;
  statusReason?: string;
  computeResources?: ComputeResources;
  serviceRole?: string;
  unmanagedvCpus?: number;
  updatePolicy?: UpdatePolicy;
  /** PLAT-3: set for an EKS compute environment (it cannot be changed by an update); only EKS jobs run on it (PLAT-1). */
  readonly eksConfiguration?: EksConfiguration;
  readonly tags: Record<string, string>;
  /** ECS cluster the CE's instances register to (CE-2). */
  readonly ecsClusterArn: string;
  /** A stable id, as DescribeComputeEnvironments reports it. */
  readonly uuid: string;
}

/** One entry of a queue's compute-environment order, resolved to the record. */
export interface QueueComputeEnvironment {
  readonly order: number;
  readonly computeEnvironment: ComputeEnvironmentRecord;
}

export interface JobQueueRecord {
  readonly name: string;
  readonly arn: string;
  state: 'ENABLED' | 'DISABLED';
  status: ResourceStatus;
  statusReason?: string;
  priority: number;
  /** Sorted by ascending order (SCHED-3). */
  computeEnvironmentOrder: QueueComputeEnvironment[];
  /** FS-2: the fair-share policy; absent for a FIFO queue. Replaced (never removed) by UpdateJobQueue. */
  schedulingPolicy?: SchedulingPolicyRecord;
  /** DIAG-4: stored and described; acting on them is the scheduler's business. */
  jobStateTimeLimitActions: JobStateTimeLimitAction[];
  readonly tags: Record<string, string>;
  /** Position in creation order: breaks priority ties deterministically. */
  readonly creationIndex: number;
}

export interface JobDefinitionRecord {
  readonly name: string;
  readonly revision: number;
  readonly arn: string;
  status: 'ACTIVE' | 'INACTIVE';
  readonly type: 'container' | 'multinode';
  readonly parameters: Record<string, string>;
  readonly containerProperties?: ContainerProperties;
  readonly nodeProperties?: NodeProperties;
  /** PLAT-2: a multi-container task, as registered. */
  readonly ecsProperties?: Record<string, unknown>;
  /** PLAT-3: an EKS pod, as registered. */
  readonly eksProperties?: Record<string, unknown>;
  readonly retryStrategy?: RetryStrategy;
  readonly timeout?: JobTimeout;
  readonly tags: Record<string, string>;
  readonly propagateTags: boolean;
  readonly platformCapabilities: string[];
  readonly schedulingPriority?: number;
  /** PLAT-4: the consumable resources its jobs need, as registered. */
  readonly consumableResourceProperties?: ConsumableResourceProperties;
}

/** FS-1: one entry of a policy's `shareDistribution`; an identifier ending in `*` is a prefix. */
export interface ShareAttributes {
  readonly shareIdentifier: string;
  readonly weightFactor: number;
}

/** FS-1: a policy's `fairsharePolicy`, with AWS's defaults applied. */
export interface FairsharePolicy {
  readonly shareDecaySeconds: number;
  readonly computeReservation: number;
  readonly shareDistribution: readonly ShareAttributes[];
}

/**
 * FS-1: a scheduling policy. `fairsharePolicy` is replaced by UpdateSchedulingPolicy; the queues that use
 * the policy hold this record, so the change reaches their scheduling at once.
 */
export interface SchedulingPolicyRecord {
  readonly name: string;
  readonly arn: string;
  fairsharePolicy: FairsharePolicy;
  readonly tags: Record<string, string>;
}
