import { JobStatus } from './job-status';
import { ContainerOverrides, JobDependency, KeyValuePair } from '../../shapes';
import { JobDefinitionRecord, JobQueueRecord } from '../model/records';

/** One attempt of a job (LIFE-5). */
export interface AttemptRecord {
  readonly number: number;
  readonly taskArn: string;
  readonly containerInstanceArn: string;
  startedAt?: number;
  stoppedAt?: number;
  exitCode?: number;
  reason?: string;
  statusReason?: string;
  logStreamName?: string;
}

/** What a job was submitted with, after defaults from the job definition were applied. */
export interface JobSpec {
  readonly jobName: string;
  readonly queue: JobQueueRecord;
  readonly definition: JobDefinitionRecord;
  readonly parameters: Record<string, string>;
  readonly containerOverrides?: ContainerOverrides;
  readonly dependsOn: JobDependency[];
  /** RETRY-2: submit value, else the job definition's, else 1. */
  readonly attempts: number;
  readonly evaluateOnExit?: ReadonlyArray<{ onExitCode?: string; onReason?: string; onStatusReason?: string; action: string }>;
  /** TIME-1: submit value, else the job definition's. */
  readonly attemptDurationSeconds?: number;
  readonly tags: Record<string, string>;
  readonly propagateTags: boolean;
  readonly shareIdentifier?: string;
  readonly schedulingPriority?: number;
  /** The effective user environment (ENV-2). */
  readonly environment: KeyValuePair[];
}

/**
 * A job as the backend tracks it. Mutable on purpose: the scheduler updates it in place, and the
 * DescribeJobs object is built from it on demand (job-view.ts) rather than kept up to date.
 */
export class JobRecord {
  status: JobStatus = 'SUBMITTED';
  statusReason?: string;
  startedAt?: number;
  stoppedAt?: number;
  readonly attempts: AttemptRecord[] = [];
  isCancelled = false;
  isTerminated = false;
  /** Set when a cancel arrived while the job was PENDING (LIFE-7): applied once its dependencies finish. */
  cancelReason?: string;
  /** Array parent (ARR-1): its children, `parent:0 .. parent:n-1`. */
  children?: JobRecord[];
  /** Array parent: children by status (ARR-3 statusSummary). */
  childStatusCounts?: Record<JobStatus, number>;
  /** Array parent: children not yet SUCCEEDED/FAILED. */
  unfinishedChildren = 0;
  statusSummaryUpdatedAt?: number;
  /** Array child: its parent and index (ARR-2). */
  parent?: JobRecord;
  arrayIndex?: number;
  /** The first dependency seen FAILED (DEP-2). */
  failedDependency?: string;
  /** Dependencies that have not finished yet. */
  unfinishedDependencies = 0;
  /** Jobs waiting for this one. */
  readonly dependents: JobRecord[] = [];
  /** Why the current attempt was stopped by the runtime (timeout, terminate); decides retry (RETRY-5). */
  stopCause?: 'TIMEOUT' | 'TERMINATED';
  /** The statusReason the current attempt will end with, decided before the container exits. */
  pendingStatusReason?: string;

  constructor(
    readonly jobId: string,
    readonly arn: string,
    readonly spec: JobSpec,
    readonly createdAt: number,
    /** Submission order: the FIFO key of SCHED-1. */
    readonly sequence: number,
  ) {}

  get currentAttempt(): AttemptRecord | undefined {
    return this.attempts[this.attempts.length - 1];
  }
}
