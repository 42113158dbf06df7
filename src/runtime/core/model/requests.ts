/**
 * Request shapes of the AWS Batch registry operations, as the API documents them (camelCase). They are
 * internal: the public facade takes CloudFormation templates; the HTTP API deserializes into these.
 */
import { ConsumableResourceProperties, ResourceRequirement, KeyValuePair, RetryStrategy, JobTimeout } from '../../shapes';

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

/** The fields of `ComputeResourceUpdate`: every one optional, merged over the current compute resources. */
export type ComputeResourcesUpdate = Partial<ComputeResources> & { readonly updateToLatestImageVersion?: boolean };

export interface UpdatePolicy {
  readonly terminateJobsOnUpdate?: boolean;
  readonly jobExecutionTimeoutMinutes?: number;
}

/** PLAT-3: the EKS cluster and namespace of an EKS compute environment. */
export interface EksConfiguration {
  readonly eksClusterArn: string;
  readonly kubernetesNamespace: string;
}

export interface CreateComputeEnvironmentRequest {
  readonly computeEnvironmentName: string;
  /** PLAT-3: an EKS compute environment; absent for ECS. */
  readonly eksConfiguration?: EksConfiguration;
  readonly type: string; // MANAGED | UNMANAGED
  readonly state?: string;
  readonly unmanagedvCpus?: number;
  readonly computeResources?: ComputeResources;
  readonly serviceRole?: string;
  readonly tags?: Record<string, string>;
  readonly updatePolicy?: UpdatePolicy;
}

export interface UpdateComputeEnvironmentRequest {
  /** Name or ARN. */
  readonly computeEnvironment: string;
  readonly state?: string;
  readonly unmanagedvCpus?: number;
  readonly computeResources?: ComputeResourcesUpdate;
  readonly serviceRole?: string;
  readonly updatePolicy?: UpdatePolicy;
}

export interface ComputeEnvironmentOrder {
  readonly order: number;
  readonly computeEnvironment: string;
}

/** DIAG-4: what to do with a job stuck at the head of a queue. */
export interface JobStateTimeLimitAction {
  readonly reason: string;
  readonly state: string; // RUNNABLE
  readonly maxTimeSeconds: number;
  readonly action: string; // CANCEL
}

export interface CreateJobQueueRequest {
  readonly jobQueueName: string;
  readonly state?: string;
  readonly priority: number;
  readonly computeEnvironmentOrder: ComputeEnvironmentOrder[];
  readonly schedulingPolicyArn?: string;
  readonly jobStateTimeLimitActions?: JobStateTimeLimitAction[];
  readonly tags?: Record<string, string>;
}

export interface UpdateJobQueueRequest {
  /** Name or ARN. */
  readonly jobQueue: string;
  readonly state?: string;
  readonly priority?: number;
  readonly computeEnvironmentOrder?: ComputeEnvironmentOrder[];
  readonly schedulingPolicyArn?: string;
  readonly jobStateTimeLimitActions?: JobStateTimeLimitAction[];
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
  readonly volumes?: Array<{ name?: string; [field: string]: unknown }>;
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
  /** MNP-1, PLAT-2: each node of the range runs this task instead of `container`. */
  readonly ecsProperties?: Record<string, unknown>;
  /** MNP-1, PLAT-3: each node of the range runs this pod (the job runs on EKS compute environments). */
  readonly eksProperties?: Record<string, unknown>;
  readonly instanceTypes?: string[];
  /** PLAT-4: what each node of the range needs, besides the job's own `consumableResourceProperties`. */
  readonly consumableResourceProperties?: ConsumableResourceProperties;
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
  /** PLAT-2: a multi-container ECS task (`taskProperties[0].containers[]`), as registered. */
  readonly ecsProperties?: Record<string, unknown>;
  /** PLAT-3: an EKS pod (`podProperties`), as registered. */
  readonly eksProperties?: Record<string, unknown>;
  /** PLAT-4: the consumable resources its jobs need. */
  readonly consumableResourceProperties?: ConsumableResourceProperties;
}

/** Describe* requests of compute environments and job queues: explicit names/ARNs, or paging over all. */
export interface DescribeComputeEnvironmentsRequest {
  readonly computeEnvironments?: string[];
  readonly maxResults?: number;
  readonly nextToken?: string;
}

export interface DescribeJobQueuesRequest {
  readonly jobQueues?: string[];
  readonly maxResults?: number;
  readonly nextToken?: string;
}

export interface DescribeJobDefinitionsRequest {
  /** `name:revision`, an ARN, or (as the CLI and moto allow) a bare name for every revision. */
  readonly jobDefinitions?: string[];
  readonly maxResults?: number;
  readonly jobDefinitionName?: string;
  /** ACTIVE or INACTIVE. */
  readonly status?: string;
  readonly nextToken?: string;
}

/** FS-1: `fairsharePolicy` as CreateSchedulingPolicy/UpdateSchedulingPolicy take it (defaults not applied). */
export interface FairsharePolicyInput {
  readonly shareDecaySeconds?: number;
  readonly computeReservation?: number;
  readonly shareDistribution?: ReadonlyArray<{ readonly shareIdentifier: string; readonly weightFactor?: number }>;
}

export interface CreateSchedulingPolicyRequest {
  readonly name: string;
  readonly fairsharePolicy?: FairsharePolicyInput;
  readonly tags?: Record<string, string>;
}

export interface UpdateSchedulingPolicyRequest {
  readonly arn: string;
  readonly fairsharePolicy?: FairsharePolicyInput;
}

export interface ListSchedulingPoliciesRequest {
  readonly maxResults?: number;
  readonly nextToken?: string;
}
