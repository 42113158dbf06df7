import { ConsumableResourceProperties, JobDependency, JobTimeout, KeyValuePair, ResourceRequirement, RetryStrategy } from './common';

/** The network interface of a Fargate task (an awsvpc task has one elastic network interface). */
export interface NetworkInterfaceDetail {
  /** The attachment id of the interface. @default - none */
  readonly attachmentId?: string;
  /** The private IPv4 address. @default - none */
  readonly privateIpv4Address?: string;
}

/** Container details of one attempt. */
export interface AttemptContainerDetail {
  /** Placed on an EC2 container instance; Fargate tasks have none (PLAT-5). @default - not yet placed, or Fargate */
  readonly containerInstanceArn?: string;
  /** @default - not yet started */
  readonly taskArn?: string;
  /** @default - not yet exited */
  readonly exitCode?: number;
  /** A short reason for the container's stop. @default - none */
  readonly reason?: string;
  /** @default - not yet running */
  readonly logStreamName?: string;
  /** Fargate tasks only (PLAT-5). @default - none */
  readonly networkInterfaces?: NetworkInterfaceDetail[];
}

/** One attempt of a job (LIFE-5). */
export interface AttemptDetail {
  /** @default - none */
  readonly container?: AttemptContainerDetail;
  /** Epoch milliseconds. @default - not started */
  readonly startedAt?: number;
  /** Epoch milliseconds. @default - not stopped */
  readonly stoppedAt?: number;
  /** @default - none */
  readonly statusReason?: string;
  /**
   * Multi-container jobs (PLAT-2): the task and, per container, its name, exit code, reason and log
   * stream (AWS Batch `AttemptEcsTaskDetails`). @default - none
   */
  readonly taskProperties?: any[];
}

/** The container of a job, as DescribeJobs reports it. */
export interface ContainerDetail {
  /** @default - none */
  readonly image?: string;
  /** @default - none */
  readonly vcpus?: number;
  /** MiB. @default - none */
  readonly memory?: number;
  /** The command after parameter substitution (PARAM-1) and overrides (OVR-1). @default - none */
  readonly command?: string[];
  /** @default - none */
  readonly jobRoleArn?: string;
  /** @default - none */
  readonly executionRoleArn?: string;
  /** User environment (ENV-2); the `AWS_BATCH_*` variables are not listed, as on AWS. @default - none */
  readonly environment?: KeyValuePair[];
  /** @default - none */
  readonly resourceRequirements?: ResourceRequirement[];
  /** @default - not exited */
  readonly exitCode?: number;
  /** @default - none */
  readonly reason?: string;
  /** @default - not placed */
  readonly containerInstanceArn?: string;
  /** @default - not started */
  readonly taskArn?: string;
  /** @default - not running yet */
  readonly logStreamName?: string;
  /** @default - none */
  readonly instanceType?: string;
  /** @default - none */
  readonly privileged?: boolean;
  /** @default - none */
  readonly user?: string;
  /** @default - none */
  readonly readonlyRootFilesystem?: boolean;
  /** As registered (AWS Batch `Volume` objects). @default - none */
  readonly volumes?: any[];
  /** As registered (AWS Batch `MountPoint` objects). @default - none */
  readonly mountPoints?: any[];
  /** As registered (AWS Batch `Ulimit` objects). @default - none */
  readonly ulimits?: any[];
  /** As registered (AWS Batch `LinuxParameters`). @default - none */
  readonly linuxParameters?: any;
  /** As registered (AWS Batch `LogConfiguration`). @default - none */
  readonly logConfiguration?: any;
  /** As registered (AWS Batch `Secret` objects). @default - none */
  readonly secrets?: any[];
  /** Fargate: as registered (AWS Batch `NetworkConfiguration`). @default - none */
  readonly networkConfiguration?: any;
  /** Fargate: as registered (AWS Batch `FargatePlatformConfiguration`). @default - none */
  readonly fargatePlatformConfiguration?: any;
  /** Fargate: as registered (AWS Batch `EphemeralStorage`). @default - none */
  readonly ephemeralStorage?: any;
  /** Fargate: as registered (AWS Batch `RuntimePlatform`). @default - none */
  readonly runtimePlatform?: any;
  /** As registered (AWS Batch `RepositoryCredentials`). @default - none */
  readonly repositoryCredentials?: any;
  /** @default - none */
  readonly enableExecuteCommand?: boolean;
  /** Fargate tasks once started (PLAT-5). @default - none */
  readonly networkInterfaces?: NetworkInterfaceDetail[];
}

/** Status counts and index of an array job (ARR-3). */
export interface ArrayPropertiesDetail {
  /** Children by status (parent only). @default - none */
  readonly statusSummary?: Record<string, number>;
  /** Epoch milliseconds of the last summary update. @default - none */
  readonly statusSummaryLastUpdatedAt?: number;
  /** Array size (parent only). @default - none */
  readonly size?: number;
  /** The child's index (children only). @default - none */
  readonly index?: number;
}

/** Details of one node of a multi-node job. */
export interface NodeDetails {
  /** @default - none */
  readonly nodeIndex?: number;
  /** @default - none */
  readonly isMainNode?: boolean;
}

/** A job, as the AWS Batch `DescribeJobs` operation returns it. */
export interface JobDetail {
  /** @default - none */
  readonly jobArn?: string;
  /** The job's name. */
  readonly jobName: string;
  /** The job's id. */
  readonly jobId: string;
  /** The ARN of the job queue. */
  readonly jobQueue: string;
  /** SUBMITTED, PENDING, RUNNABLE, STARTING, RUNNING, SUCCEEDED or FAILED. */
  readonly status: string;
  /** @default - none */
  readonly shareIdentifier?: string;
  /** @default - none */
  readonly schedulingPriority?: number;
  /** Every attempt so far. @default - none */
  readonly attempts?: AttemptDetail[];
  /** @default - none */
  readonly statusReason?: string;
  /** Epoch milliseconds. @default - none */
  readonly createdAt?: number;
  /** @default - none */
  readonly retryStrategy?: RetryStrategy;
  /**
   * Epoch milliseconds of the current attempt's start. The model marks it required, yet AWS leaves it
   * out until the job starts, and so does the runtime (PLAT-5). @default - not started
   */
  readonly startedAt?: number;
  /** Epoch milliseconds. @default - not stopped */
  readonly stoppedAt?: number;
  /** @default - none */
  readonly dependsOn?: JobDependency[];
  /** The ARN of the job definition revision used. */
  readonly jobDefinition: string;
  /** The effective parameters (defaults merged with the submitted ones). @default - none */
  readonly parameters?: Record<string, string>;
  /** @default - none (array parents, multi-node parents) */
  readonly container?: ContainerDetail;
  /** @default - none */
  readonly nodeDetails?: NodeDetails;
  /**
   * Multi-container jobs (PLAT-2): the registered task with, per container, its exit code, reason and
   * log stream (AWS Batch `EcsPropertiesDetail`). @default - none
   */
  readonly ecsProperties?: any;
  /**
   * EKS jobs (PLAT-3): the registered pod with its pod and node names and, per container, its exit code
   * and reason (AWS Batch `EksPropertiesDetail`). @default - none
   */
  readonly eksProperties?: any;
  /** EKS jobs (PLAT-3): every attempt's pod, node and containers (AWS Batch `EksAttemptDetail`). @default - none */
  readonly eksAttempts?: any[];
  /** Multi-node parent: its node properties with the job's node overrides applied (PLAT-5). @default - none */
  readonly nodeProperties?: any;
  /** @default - none */
  readonly arrayProperties?: ArrayPropertiesDetail;
  /** @default - none */
  readonly timeout?: JobTimeout;
  /** @default - none */
  readonly tags?: Record<string, string>;
  /** @default - none */
  readonly propagateTags?: boolean;
  /** @default - none */
  readonly platformCapabilities?: string[];
  /** @default false */
  readonly isCancelled?: boolean;
  /** @default false */
  readonly isTerminated?: boolean;
  /** PLAT-4: the consumable resources the job needs. @default - none */
  readonly consumableResourceProperties?: ConsumableResourceProperties;
}
