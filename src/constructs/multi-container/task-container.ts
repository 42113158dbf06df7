import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ecs from 'aws-cdk-lib/aws-ecs';

/**
 * When a container of a multi-container job may start, relative to another container of the
 * task (`dependsOn[].condition`, PLAT-2). AWS Batch documents these three; ECS's `HEALTHY` is not
 * accepted by RegisterJobDefinition's `ecsProperties`.
 */
export enum ContainerDependencyCondition {
  /** Once the other container has started (e.g. a sidecar the app talks to). */
  START = 'START',
  /** Once the other container has exited, whatever its exit code (only on a non-essential container). */
  COMPLETE = 'COMPLETE',
  /** Once the other container has exited with code 0 (only on a non-essential container). */
  SUCCESS = 'SUCCESS',
}

/** Where a multi-container job's task runs (`platformCapabilities`). */
export enum TaskPlatform {
  /** On EC2 instances of a managed or unmanaged compute environment. */
  EC2 = 'EC2',
  /** On Fargate: the task size (the containers' sums) must be one Fargate sells. */
  FARGATE = 'FARGATE',
}

/** A container this container waits for (PLAT-2). */
export interface TaskContainerDependency {
  /** The `name` of another container of the same task. */
  readonly containerName: string;

  /** What the other container must have done first. */
  readonly condition: ContainerDependencyCondition;
}

/**
 * One container of a multi-container job (`ecsProperties.taskProperties[0].containers[]`).
 * The task reserves the sum of its containers' `cpu` and `memory`.
 */
export interface TaskContainer {
  /** The container's name, unique within the task; `dependsOn` and overrides refer to it. */
  readonly name: string;

  /**
   * The container image.
   *
   * @default public.ecr.aws/amazonlinux/amazonlinux:latest
   */
  readonly image?: ecs.ContainerImage;

  /**
   * The command the container runs, as an argv array (`Ref::name` placeholders allowed).
   *
   * @default - the image's command
   */
  readonly command?: string[];

  /**
   * Environment variables; names must not start with `AWS_BATCH` (LIM-11).
   *
   * @default - none
   */
  readonly environment?: Record<string, string>;

  /**
   * Whether the task ends when this container exits (at least one container must be essential).
   *
   * @default true
   */
  readonly essential?: boolean;

  /**
   * Containers of the task that must have started, completed or succeeded before this one starts.
   *
   * @default - starts with the task
   */
  readonly dependsOn?: TaskContainerDependency[];

  /**
   * vCPUs reserved for this container (a `VCPU` resource requirement).
   *
   * @default - none: the task's other containers reserve its vCPUs (the sum must be positive)
   */
  readonly cpu?: number;

  /**
   * Memory reserved for this container (a `MEMORY` resource requirement).
   *
   * @default - none: the task's other containers reserve its memory (the sum must be positive)
   */
  readonly memory?: cdk.Size;

  /**
   * GPUs reserved for this container (EC2 only).
   *
   * @default - none
   */
  readonly gpu?: number;

  /**
   * Secrets exposed as environment variables; the execution role is granted read access.
   *
   * @default - none
   */
  readonly secrets?: Record<string, batch.Secret>;

  /**
   * The log driver.
   *
   * @default - awslogs to `/aws/batch/job` (LOG-1)
   */
  readonly logging?: ecs.LogDriver;

  /**
   * The user the container runs as.
   *
   * @default - the image's user
   */
  readonly user?: string;

  /**
   * Run the container with root privileges on the host (EC2 only).
   *
   * @default false
   */
  readonly privileged?: boolean;

  /**
   * Mount the root file system read-only.
   *
   * @default false
   */
  readonly readonlyRootFilesystem?: boolean;
}
