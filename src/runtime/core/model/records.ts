import { ComputeResources, ContainerProperties, NodeProperties } from './requests';
import { JobTimeout, RetryStrategy } from '../../shapes';

/** A compute environment as the backend holds it. */
export interface ComputeEnvironmentRecord {
  readonly name: string;
  readonly arn: string;
  readonly type: 'MANAGED' | 'UNMANAGED';
  state: 'ENABLED' | 'DISABLED';
  status: 'CREATING' | 'UPDATING' | 'DELETING' | 'DELETED' | 'VALID' | 'INVALID';
  statusReason?: string;
  readonly computeResources?: ComputeResources;
  readonly serviceRole?: string;
  readonly unmanagedvCpus?: number;
  readonly tags: Record<string, string>;
  /** ECS cluster the CE's instances register to (CE-2). */
  readonly ecsClusterArn: string;
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
  status: 'CREATING' | 'UPDATING' | 'DELETING' | 'DELETED' | 'VALID' | 'INVALID';
  statusReason?: string;
  priority: number;
  /** Sorted by ascending order (SCHED-3). */
  computeEnvironmentOrder: QueueComputeEnvironment[];
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
  readonly retryStrategy?: RetryStrategy;
  readonly timeout?: JobTimeout;
  readonly tags: Record<string, string>;
  readonly propagateTags: boolean;
  readonly platformCapabilities: string[];
}
