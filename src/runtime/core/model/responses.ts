/**
 * Response shapes of the registry operations, field for field as the service model (botocore
 * `batch/2016-08-10`) names them: `ComputeEnvironmentDetail`, `JobQueueDetail`, `JobDefinition`.
 * Absent optional fields are left out, as AWS leaves them out.
 */
import { ComputeEnvironmentOrder, ComputeResources, ContainerProperties, EksConfiguration, JobStateTimeLimitAction, NodeProperties, UpdatePolicy } from './requests';
import { ConsumableResourceProperties, JobTimeout, RetryStrategy } from '../../shapes';

export interface ComputeEnvironmentDetail {
  readonly computeEnvironmentName: string;
  readonly computeEnvironmentArn: string;
  readonly unmanagedvCpus?: number;
  /** Absent for an EKS compute environment (PLAT-3). */
  readonly ecsClusterArn?: string;
  readonly tags: Record<string, string>;
  readonly type: string;
  readonly state: string;
  readonly status: string;
  readonly statusReason?: string;
  readonly computeResources?: ComputeResources;
  readonly serviceRole?: string;
  readonly updatePolicy?: UpdatePolicy;
  readonly eksConfiguration?: EksConfiguration;
  readonly containerOrchestrationType: string;
  readonly uuid: string;
}

export interface JobQueueDetail {
  readonly jobQueueName: string;
  readonly jobQueueArn: string;
  readonly state: string;
  readonly schedulingPolicyArn?: string;
  readonly status: string;
  readonly statusReason?: string;
  readonly priority: number;
  /** `computeEnvironment` is the CE's ARN, as AWS returns it whatever the request named. */
  readonly computeEnvironmentOrder: ComputeEnvironmentOrder[];
  readonly tags: Record<string, string>;
  readonly jobStateTimeLimitActions: JobStateTimeLimitAction[];
}

export interface JobDefinitionDetail {
  readonly jobDefinitionName: string;
  readonly jobDefinitionArn: string;
  readonly revision: number;
  readonly status: string;
  readonly type: string;
  readonly schedulingPriority?: number;
  readonly parameters: Record<string, string>;
  readonly retryStrategy?: RetryStrategy;
  readonly containerProperties?: ContainerProperties;
  readonly timeout?: JobTimeout;
  readonly nodeProperties?: NodeProperties;
  readonly ecsProperties?: Record<string, unknown>;
  readonly eksProperties?: Record<string, unknown>;
  readonly tags: Record<string, string>;
  readonly propagateTags: boolean;
  /** Absent for an EKS definition (PLAT-3). */
  readonly platformCapabilities?: string[];
  readonly containerOrchestrationType: string;
  readonly consumableResourceProperties?: ConsumableResourceProperties;
}

export interface DescribeComputeEnvironmentsResponse {
  readonly computeEnvironments: ComputeEnvironmentDetail[];
  readonly nextToken?: string;
}

export interface DescribeJobQueuesResponse {
  readonly jobQueues: JobQueueDetail[];
  readonly nextToken?: string;
}

export interface DescribeJobDefinitionsResponse {
  readonly jobDefinitions: JobDefinitionDetail[];
  readonly nextToken?: string;
}

export interface ComputeEnvironmentIdentity {
  readonly computeEnvironmentName: string;
  readonly computeEnvironmentArn: string;
}

export interface JobQueueIdentity {
  readonly jobQueueName: string;
  readonly jobQueueArn: string;
}

export interface JobDefinitionIdentity {
  readonly jobDefinitionName: string;
  readonly jobDefinitionArn: string;
  readonly revision: number;
}

/** FS-1: DescribeSchedulingPolicies' `SchedulingPolicyDetail`. */
export interface SchedulingPolicyDetail {
  readonly name: string;
  readonly arn: string;
  readonly fairsharePolicy: {
    readonly shareDecaySeconds: number;
    readonly computeReservation: number;
    readonly shareDistribution: Array<{ shareIdentifier: string; weightFactor: number }>;
  };
  readonly tags: Record<string, string>;
}

export interface ListSchedulingPoliciesResponse {
  readonly schedulingPolicies: Array<{ arn: string }>;
  readonly nextToken?: string;
}
