import type { ContainerDemand } from './container-launch';
import { JobStatus } from './job-status';
import { ContainerOverrides, JobDependency, KeyValuePair } from '../../shapes';
import { ComputeEnvironmentRecord, JobDefinitionRecord, JobQueueRecord } from '../model/records';
import { ContainerProperties } from '../model/requests';

/**
 * One attempt of a job (LIFE-5). ARNs and the log stream name are derived on read: a million-job
 * simulation should not build a million strings nobody asks for.
 */
export class AttemptRecord {
  startedAt?: number;
  stoppedAt?: number;
  exitCode?: number;
  reason?: string;
  statusReason?: string;

  constructor(
    readonly number: number,
    /** The runtime's 16-hex-character task id prefix. */
    private readonly taskPrefix: string,
    /** The task's serial number within the runtime. */
    private readonly taskSerial: number,
    readonly computeEnvironment: ComputeEnvironmentRecord,
    readonly containerInstanceArn: string,
    private readonly jobDefinitionName: string,
  ) {}

  /** 32 hex characters, as ECS task ids. */
  get taskId(): string {
    return this.taskPrefix + this.taskSerial.toString(16).padStart(16, '0');
  }

  get taskArn(): string {
    return `${this.computeEnvironment.ecsClusterArn.replace(':cluster/', ':task/')}/${this.taskId}`;
  }

  /** LOG-1: `<jobDefinitionName>/default/<taskId>`, set once the attempt is RUNNING. */
  get logStreamName(): string | undefined {
    return this.startedAt === undefined ? undefined : `${this.jobDefinitionName}/default/${this.taskId}`;
  }
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
  /**
   * Values derived from the spec, computed once: array children share their parent's spec, so a
   * 10,000-child array computes its container and demand once, not per child and scheduling pass.
   */
  readonly derived: { container?: ContainerProperties; demand?: ContainerDemand };
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
  /** Multi-node parent (MNP-7): its nodes `job#0 .. job#n-1` of the current attempt. */
  nodes?: JobRecord[];
  mainNodeIndex?: number;
  /** Multi-node node: its parent and index. */
  mnpParent?: JobRecord;
  nodeIndex?: number;
  /** The first dependency seen FAILED (DEP-2). */
  failedDependency?: string;
  /** Dependencies that have not finished yet. */
  unfinishedDependencies = 0;
  /** Jobs waiting for this one. */
  dependents?: JobRecord[];
  /** Why the current attempt was stopped by the runtime (timeout, terminate); decides retry (RETRY-5). */
  stopCause?: 'TIMEOUT' | 'TERMINATED';
  /** Counts the job's RUNNABLE stretches, so a time-limit check knows whether it still applies (DIAG-4). */
  runnableStretch = 0;
  /** The attempt in flight (STARTING/RUNNING), owned by attempt execution. */
  liveAttempt?: unknown;
  /** The statusReason the current attempt will end with, decided before the container exits. */
  pendingStatusReason?: string;

  /**
   * `jobId` and `arn` may be left undefined for array children: they are derived from the parent on
   * first read (`parent:i`), so a 10,000-child array does not build 20,000 strings up front.
   */
  constructor(
    private idValue: string | undefined,
    private arnValue: string | undefined,
    readonly spec: JobSpec,
    readonly createdAt: number,
    /** Submission order: the FIFO key of SCHED-1. */
    readonly sequence: number,
  ) {}

  get jobId(): string {
    return this.idValue ??= `${this.parent!.jobId}:${this.arrayIndex}`;
  }

  get arn(): string {
    return this.arnValue ??= `${this.parent!.arn}:${this.arrayIndex}`;
  }

  get currentAttempt(): AttemptRecord | undefined {
    return this.attempts[this.attempts.length - 1];
  }
}
