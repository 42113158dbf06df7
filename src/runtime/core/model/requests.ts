/**
 * Request shapes of the AWS Batch registry operations, as the API documents them (camelCase). They are
 * internal: the public facade takes CloudFormation templates; the HTTP API deserializes into these.
 */
import { ResourceRequirement, KeyValuePair, RetryStrategy, JobTimeout } from '../../shapes';

export interface LaunchTemplateSpecification {
  readonly launchTemplateId?: string;
  readonly launchTemplateName?: string;
  readonly version?: string;
}

export interface ComputeResources {
  readonly type: string; // EC2 | SPOT | FARGATE | FARGATE_SPOT
  readonly allocationStrategy?: string;
  readonly minvCpus?: number;
  readonly maxvCpus: number;
  readonly desiredvCpus?: number;
  readonly instanceTypes?: string[];
  readonly imageId?: string;
  readonly subnets?: string[];
  readonly securityGroupIds?: string[];
  readonly ec2KeyPair?: string;
  readonly instanceRole?: string;
  readonly tags?: Record<string, string>;
  readonly placementGroup?: string;
  readonly bidPercentage?: number;
  readonly spotIamFleetRole?: string;
  readonly launchTemplate?: LaunchTemplateSpecification;
}

export interface CreateComputeEnvironmentRequest {
  readonly computeEnvironmentName: string;
  readonly type: string; // MANAGED | UNMANAGED
  readonly state?: string;
  readonly unmanagedvCpus?: number;
  readonly computeResources?: ComputeResources;
  readonly serviceRole?: string;
  readonly tags?: Record<string, string>;
}

export interface ComputeEnvironmentOrder {
  readonly order: number;
  readonly computeEnvironment: string;
}

export interface CreateJobQueueRequest {
  readonly jobQueueName: string;
  readonly state?: string;
  readonly priority: number;
  readonly computeEnvironmentOrder: ComputeEnvironmentOrder[];
  readonly schedulingPolicyArn?: string;
  readonly tags?: Record<string, string>;
}

export interface ContainerProperties {
  readonly image?: string;
  readonly vcpus?: number;
  readonly memory?: number;
  readonly command?: string[];
  readonly jobRoleArn?: string;
  readonly executionRoleArn?: string;
  readonly environment?: KeyValuePair[];
  readonly resourceRequirements?: ResourceRequirement[];
  readonly instanceType?: string;
  readonly privileged?: boolean;
  readonly user?: string;
  readonly readonlyRootFilesystem?: boolean;
  readonly volumes?: unknown[];
  readonly mountPoints?: unknown[];
  readonly ulimits?: unknown[];
  readonly linuxParameters?: unknown;
  readonly secrets?: unknown[];
  readonly logConfiguration?: unknown;
  readonly [extra: string]: unknown;
}

export interface NodeRangeProperty {
  readonly targetNodes: string;
  readonly container?: ContainerProperties;
}

export interface NodeProperties {
  readonly numNodes: number;
  readonly mainNode: number;
  readonly nodeRangeProperties: NodeRangeProperty[];
}

export interface RegisterJobDefinitionRequest {
  readonly jobDefinitionName: string;
  readonly type: string; // container | multinode
  readonly parameters?: Record<string, string>;
  readonly containerProperties?: ContainerProperties;
  readonly nodeProperties?: NodeProperties;
  readonly retryStrategy?: RetryStrategy;
  readonly timeout?: JobTimeout;
  readonly tags?: Record<string, string>;
  readonly propagateTags?: boolean;
  readonly platformCapabilities?: string[];
  readonly schedulingPriority?: number;
}
