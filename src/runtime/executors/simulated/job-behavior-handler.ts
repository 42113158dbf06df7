import { Duration } from 'aws-cdk-lib';

/** What a custom simulated behaviour is told about the attempt it decides. */
export interface JobBehaviorContext {
  /** The job id (an array child's `parent:i`, a node's `job#n`). */
  readonly jobId: string;
  /** The job's name. */
  readonly jobName: string;
  /** The attempt number, 1 for the first (RETRY-1). */
  readonly attempt: number;
  /** The job definition's name (without revision). */
  readonly jobDefinitionName: string;
  /** The container image. @default - none */
  readonly image?: string;
  /** The command after overrides and `Ref::` substitution (OVR-1, PARAM-1). */
  readonly command: string[];
  /** The container's environment: user variables (ENV-2) and the AWS_BATCH_* variables (ENV-1). */
  readonly environment: Record<string, string>;
  /** vCPUs the job asked for. */
  readonly vcpus: number;
  /** Memory (MiB) the job asked for. */
  readonly memoryMiB: number;
  /** GPUs the job asked for. */
  readonly gpus: number;
  /**
   * A uniform number in [0, 1) drawn for this attempt from the executor's seeded generator, so a
   * handler that wants randomness stays reproducible.
   */
  readonly random: number;
}

/** What a custom simulated behaviour decides for one attempt. */
export interface JobBehaviorResult {
  /** The container's exit code (0 = success, LIFE-2). */
  readonly exitCode: number;
  /** How long the container runs (virtual time). @default Duration.seconds(1) */
  readonly duration?: Duration;
  /** Lines the container writes to its log. @default - none */
  readonly logLines?: string[];
  /** The container's `reason`. @default - none */
  readonly reason?: string;
  /**
   * Whether the container ignores SIGTERM, so that a timeout or TerminateJob ends it only with the
   * SIGKILL sent after the grace period (TIME-2).
   * @default false
   */
  readonly ignoresSigterm?: boolean;
}

/**
 * Decides what a simulated attempt does from the job's command and environment. Implement it in any
 * jsii language and pass it to `JobBehavior.custom(handler)`.
 */
export interface IJobBehaviorHandler {
  /** Called once per attempt when the container starts, in virtual time. */
  run(context: JobBehaviorContext): JobBehaviorResult;
}
