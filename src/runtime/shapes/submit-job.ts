import { ArrayProperties, ConsumableResourceProperties, ContainerOverrides, JobDependency, JobTimeout, NodeOverrides, RetryStrategy } from './common';

/** The AWS Batch `SubmitJob` request. */
export interface SubmitJobRequest {
  /** Job name (LIM-8). */
  readonly jobName: string;
  /**
   * The job queue: a name, an ARN, or the CDK token of a queue in the loaded stack
   * (`queue.jobQueueArn`).
   */
  readonly jobQueue: string;
  /**
   * The job definition: `name` (latest ACTIVE revision), `name:revision`, an ARN, or the CDK token of
   * a job definition in the loaded stack (`jobDefinition.jobDefinitionArn`).
   */
  readonly jobDefinition: string;
  /** @default - not an array job */
  readonly arrayProperties?: ArrayProperties;
  /** @default - no dependencies */
  readonly dependsOn?: JobDependency[];
  /** Values for `Ref::name` placeholders; they win over the job definition's defaults. @default - none */
  readonly parameters?: Record<string, string>;
  /** @default - none */
  readonly containerOverrides?: ContainerOverrides;
  /** @default - none */
  readonly nodeOverrides?: NodeOverrides;
  /**
   * Multi-container jobs (PLAT-2): per-container `command`, `environment` (merged by name) and
   * `resourceRequirements`, by container `name` (AWS Batch `EcsPropertiesOverride`). @default - none
   */
  readonly ecsPropertiesOverride?: any;
  /**
   * EKS jobs (PLAT-3): per-container `image`, `command`, `args`, `env` (merged by name) and `resources`,
   * by container `name`, and pod `metadata` (AWS Batch `EksPropertiesOverride`). @default - none
   */
  readonly eksPropertiesOverride?: any;
  /** @default - the job definition's */
  readonly retryStrategy?: RetryStrategy;
  /** @default - the job definition's */
  readonly timeout?: JobTimeout;
  /** @default - none */
  readonly tags?: Record<string, string>;
  /** @default false */
  readonly propagateTags?: boolean;
  /** Fair-share identifier. @default - none */
  readonly shareIdentifier?: string;
  /** Fair-share priority override. @default - none */
  readonly schedulingPriorityOverride?: number;
  /** PLAT-4: the consumable resources this job needs instead of the job definition's. @default - the job definition's */
  readonly consumableResourcePropertiesOverride?: ConsumableResourceProperties;
}

/** The AWS Batch `SubmitJob` response. */
export interface SubmitJobResponse {
  /** The job's ARN. */
  readonly jobArn: string;
  /** The job's name. */
  readonly jobName: string;
  /** The job's id (a UUID, LIFE-6). */
  readonly jobId: string;
}
