/**
 * UpdateComputeEnvironment through `LocalBatchRuntime.updateComputeEnvironment`: the same request
 * and validation as the HTTP endpoint's, for the fields a test changes mid-run (LIFE-8, SCHED-5).
 */
export interface UpdateComputeEnvironmentInput {
  /** The compute environment: its name, ARN, logical id, or a CDK token of the loaded stack. */
  readonly computeEnvironment: string;
  /** `ENABLED` or `DISABLED`: a DISABLED one places no new jobs (LIFE-8). @default - unchanged */
  readonly state?: string;
  /** Managed CEs: the smallest size, in vCPUs. @default - unchanged */
  readonly minvCpus?: number;
  /** Managed CEs: the largest size, in vCPUs. @default - unchanged */
  readonly maxvCpus?: number;
  /** Managed CEs: the size to scale to now, in vCPUs. @default - unchanged */
  readonly desiredvCpus?: number;
}

/** A compute environment of a job queue, in the queue's order (SCHED-3). */
export interface JobQueueComputeEnvironment {
  /** Lower orders are tried first. */
  readonly order: number;
  /** The compute environment: its name, ARN, logical id, or a CDK token of the loaded stack. */
  readonly computeEnvironment: string;
}

/** UpdateJobQueue through `LocalBatchRuntime.updateJobQueue`: the HTTP endpoint's request and validation. */
export interface UpdateJobQueueInput {
  /** The job queue: its name, ARN, logical id, or a CDK token of the loaded stack. */
  readonly jobQueue: string;
  /** `ENABLED` or `DISABLED`: a DISABLED queue takes no new jobs; those in it still run. @default - unchanged */
  readonly state?: string;
  /** Queues of higher priority are scheduled first (SCHED-2). @default - unchanged */
  readonly priority?: number;
  /** The compute environments, replacing the current ones. @default - unchanged */
  readonly computeEnvironmentOrder?: JobQueueComputeEnvironment[];
}
