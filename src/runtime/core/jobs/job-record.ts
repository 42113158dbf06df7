import type { EksContainerInput } from '../../../validation';
import { ConsumableResourceProperties, ContainerOverrides, JobDependency, KeyValuePair } from '../../shapes';
import type { IdBlock } from '../id-generator';
import type { ConsumableNeed } from '../model/consumable-resource-store';
import { JobStatus } from '../model/job-status';
import { ComputeEnvironmentRecord, JobDefinitionRecord, JobQueueRecord } from '../model/records';
import { ContainerProperties, NodeProperties } from '../model/requests';
import type { ContainerDemand } from '../types/demand';
import type { PlacedAttempt, Placement } from '../types/placement';

/**
 * One attempt of a job (LIFE-5). ARNs and the log stream name are derived on read: a million-job
 * simulation should not build a million strings nobody asks for.
 */
/** PLAT-2: what one container of a multi-container task did in an attempt. */
export interface TaskContainerResult {
  readonly name: string;
  exitCode?: number;
  reason?: string;
  /** Set once the container started: `<jobDefinitionName>/<containerName>/<taskId>`. */
  logStreamName?: string;
}

export class AttemptRecord {
  startedAt?: number;
  stoppedAt?: number;
  exitCode?: number;
  reason?: string;
  statusReason?: string;
  /** PLAT-2: the containers of a multi-container task, in registration order. */
  containers?: TaskContainerResult[];

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

/** PLAT-3: an EKS job's pod with the job's overrides applied. */
export interface EffectivePod {
  readonly containers: EksContainerInput[];
  readonly initContainers?: EksContainerInput[];
  readonly [member: string]: unknown;
}

/** What a job was submitted with, after defaults from the job definition were applied. */
export interface JobSpec {
  readonly jobName: string;
  readonly queue: JobQueueRecord;
  readonly definition: JobDefinitionRecord;
  readonly parameters: Record<string, string>;
  readonly containerOverrides?: ContainerOverrides;
  readonly dependsOn: readonly JobDependency[];
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
  readonly derived: { container?: ContainerProperties; demand?: ContainerDemand; taskContainers?: ContainerProperties[]; pod?: EffectivePod };
  /** PLAT-4: the job's consumable resources as given (SubmitJob's override, else the definition's), for DescribeJobs. */
  readonly consumableResourceProperties?: ConsumableResourceProperties;
  /** PLAT-4: the same, resolved to resource names; absent when the job needs none (the scheduler's fast path). */
  readonly consumableNeeds?: readonly ConsumableNeed[];
  /** MNP-1, PLAT-2: a node of an `ecsProperties` node range: the task it runs (node overrides applied). */
  readonly nodeEcsProperties?: Record<string, unknown>;
  /** MNP-1, PLAT-3: a node of an `eksProperties` node range: the pod it runs (node overrides applied). */
  readonly nodeEksProperties?: Record<string, unknown>;
  /** PLAT-4: a node's own range's consumable resources (the main node's `consumableNeeds` adds the job's), kept for a retry's new nodes. */
  readonly nodeConsumableNeeds?: readonly ConsumableNeed[];
  /** MNP-2: a node's instance type (its range's `instanceTypes`, else its container's), kept for a retry's new nodes. */
  readonly nodeInstanceType?: string;
  /** PLAT-2: SubmitJob's `ecsPropertiesOverride`. */
  readonly ecsPropertiesOverride?: { taskProperties?: Array<{ containers?: Array<Record<string, unknown>> }> };
  /** PLAT-3: SubmitJob's `eksPropertiesOverride`. */
  readonly eksPropertiesOverride?: {
    podProperties?: { containers?: Array<Record<string, unknown>>; initContainers?: Array<Record<string, unknown>>; metadata?: unknown };
  };
}

/**
 * What only some jobs need: cancel/terminate bookkeeping, array parents' and multi-node jobs' state.
 * Kept off `JobRecord` itself so that the million plain array children of a large simulation stay
 * small (each field on the record costs 8 bytes per job, used or not).
 * Exported only for checkpoints, which rebuild a job's record from its data.
 */
export class RareJobState {
  isCancelled = false;
  isTerminated = false;
  cancelReason?: string;
  children?: JobRecord[];
  childStatusCounts?: Record<JobStatus, number>;
  unfinishedChildren = 0;
  statusSummaryUpdatedAt?: number;
  nodes?: JobRecord[];
  nodeProperties?: NodeProperties;
  mainNodeIndex?: number;
  mnpParent?: JobRecord;
  nodeIndex?: number;
  failedDependency?: string;
  stopCause?: 'TIMEOUT' | 'TERMINATED';
  runnableStretch = 0;
  pendingStatusReason?: string;
  reservedPlacement?: Placement;
  stuckReason?: string;
  earlierNodeStreams?: string[];
}

/**
 * The ids of copies submitted together (JobSubmitter.submitCopies): one block of ids drawn for them,
 * copy i taking the i-th, i counted from the first copy's submission sequence. Shared by the copies,
 * so each keeps no id of its own until one is read (issue #25: a million plan copies).
 */
export class CopyIds {
  constructor(private readonly block: IdBlock, private readonly firstSequence: number) {}

  idOf(sequence: number): string {
    return this.block.idAt(sequence - this.firstSequence);
  }
}

/** What `attempts` returns for a job with no attempt yet (shared, frozen). */
const NO_ATTEMPTS: readonly AttemptRecord[] = Object.freeze([]);

/**
 * A job as the backend tracks it. Mutable on purpose: the scheduler updates it in place, and the
 * DescribeJobs object is built from it on demand (job-view.ts) rather than kept up to date.
 *
 * Memory matters here (ISSUE: a million jobs in under 1 GiB): the fields every job uses live on the
 * record; the rest live in a `RareJobState` created on first write, behind accessors with the same names.
 */
export class JobRecord {
  status: JobStatus = 'SUBMITTED';
  statusReason?: string;
  startedAt?: number;
  stoppedAt?: number;
  /**
   * The attempts (LIFE-5): the only one itself for the common single-attempt job (no array per job),
   * else all of them, oldest first. Read through `attempts`, `attemptCount` and `currentAttempt`.
   */
  private attemptsValue?: AttemptRecord | AttemptRecord[];
  /** Array child: its parent and index (ARR-2). */
  parent?: JobRecord;
  arrayIndex?: number;
  /** Dependencies that have not finished yet. */
  unfinishedDependencies = 0;
  /** Jobs waiting for this one. */
  dependents?: JobRecord[];
  /** The attempt in flight (STARTING/RUNNING), owned by attempt execution. */
  liveAttempt?: PlacedAttempt;
  private rare?: RareJobState;

  /**
   * `jobId` and `arn` may be left undefined for array children: they are derived from the parent on
   * first read (`parent:i`), so a 10,000-child array does not build 20,000 strings up front. A
   * top-level job's `arn` may be left undefined too: it is built on first read beside its queue's ARN
   * (same partition, region and account), so a million jobs do not keep a million ARNs (issue #25).
   * A copy submitted with others (`CopyIds`) builds its id from their block on first read too.
   */
  constructor(
    private idValue: string | CopyIds | undefined,
    private arnValue: string | undefined,
    readonly spec: JobSpec,
    readonly createdAt: number,
    /** Submission order: the FIFO key of SCHED-1. */
    readonly sequence: number,
  ) {}

  get jobId(): string {
    const value = this.idValue;
    if (typeof value === 'string') return value;
    return this.idValue = value ? value.idOf(this.sequence) : `${this.parent!.jobId}:${this.arrayIndex}`;
  }

  get arn(): string {
    return this.arnValue ??= this.parent ? `${this.parent.arn}:${this.arrayIndex}` : jobArnBesideQueue(this.spec.queue.arn, this.jobId);
  }

  /** Attempts, oldest first (LIFE-5). */
  get attempts(): readonly AttemptRecord[] {
    const value = this.attemptsValue;
    return value === undefined ? NO_ATTEMPTS : Array.isArray(value) ? value : [value];
  }

  get attemptCount(): number {
    const value = this.attemptsValue;
    return value === undefined ? 0 : Array.isArray(value) ? value.length : 1;
  }

  get currentAttempt(): AttemptRecord | undefined {
    const value = this.attemptsValue;
    return Array.isArray(value) ? value[value.length - 1] : value;
  }

  addAttempt(attempt: AttemptRecord): void {
    const value = this.attemptsValue;
    this.attemptsValue = value === undefined ? attempt : Array.isArray(value) ? [...value, attempt] : [value, attempt];
  }

  /** The rare state, created on the first write of a non-default value (setters skip default writes). */
  private get writable(): RareJobState {
    return this.rare ??= new RareJobState();
  }

  get isCancelled(): boolean { return this.rare?.isCancelled ?? false; }
  set isCancelled(value: boolean) { if (value || this.rare) this.writable.isCancelled = value; }

  get isTerminated(): boolean { return this.rare?.isTerminated ?? false; }
  set isTerminated(value: boolean) { if (value || this.rare) this.writable.isTerminated = value; }

  /** Set when a cancel arrived while the job was PENDING (LIFE-7): applied once its dependencies finish. */
  get cancelReason(): string | undefined { return this.rare?.cancelReason; }
  set cancelReason(value: string | undefined) { if (value !== undefined || this.rare) this.writable.cancelReason = value; }

  /** Array parent (ARR-1): its children, `parent:0 .. parent:n-1`. */
  get children(): JobRecord[] | undefined { return this.rare?.children; }
  set children(value: JobRecord[] | undefined) { if (value !== undefined || this.rare) this.writable.children = value; }

  /** Array parent: children by status (ARR-3 statusSummary). */
  get childStatusCounts(): Record<JobStatus, number> | undefined { return this.rare?.childStatusCounts; }
  set childStatusCounts(value: Record<JobStatus, number> | undefined) {
    if (value !== undefined || this.rare) this.writable.childStatusCounts = value;
  }

  /** Array parent: children not yet SUCCEEDED/FAILED. */
  get unfinishedChildren(): number { return this.rare?.unfinishedChildren ?? 0; }
  set unfinishedChildren(value: number) { if (value !== 0 || this.rare) this.writable.unfinishedChildren = value; }

  get statusSummaryUpdatedAt(): number | undefined { return this.rare?.statusSummaryUpdatedAt; }
  set statusSummaryUpdatedAt(value: number | undefined) {
    if (value !== undefined || this.rare) this.writable.statusSummaryUpdatedAt = value;
  }

  /** Multi-node parent (MNP-7): its nodes `job#0 .. job#n-1` of the current attempt. */
  get nodes(): JobRecord[] | undefined { return this.rare?.nodes; }
  set nodes(value: JobRecord[] | undefined) { if (value !== undefined || this.rare) this.writable.nodes = value; }

  /** Multi-node parent: the node properties it runs, node overrides applied (described, PLAT-5). */
  get nodeProperties(): NodeProperties | undefined { return this.rare?.nodeProperties; }
  set nodeProperties(value: NodeProperties | undefined) { if (value !== undefined || this.rare) this.writable.nodeProperties = value; }

  get mainNodeIndex(): number | undefined { return this.rare?.mainNodeIndex; }
  set mainNodeIndex(value: number | undefined) { if (value !== undefined || this.rare) this.writable.mainNodeIndex = value; }

  /** Multi-node node: its parent and index. */
  get mnpParent(): JobRecord | undefined { return this.rare?.mnpParent; }
  set mnpParent(value: JobRecord | undefined) { if (value !== undefined || this.rare) this.writable.mnpParent = value; }

  get nodeIndex(): number | undefined { return this.rare?.nodeIndex; }
  set nodeIndex(value: number | undefined) { if (value !== undefined || this.rare) this.writable.nodeIndex = value; }

  /** The first dependency seen FAILED (DEP-2). */
  get failedDependency(): string | undefined { return this.rare?.failedDependency; }
  set failedDependency(value: string | undefined) { if (value !== undefined || this.rare) this.writable.failedDependency = value; }

  /** Why the current attempt was stopped by the runtime (timeout, terminate); decides retry (RETRY-5). */
  get stopCause(): 'TIMEOUT' | 'TERMINATED' | undefined { return this.rare?.stopCause; }
  set stopCause(value: 'TIMEOUT' | 'TERMINATED' | undefined) { if (value !== undefined || this.rare) this.writable.stopCause = value; }

  /** Counts the job's RUNNABLE stretches, so a time-limit check knows whether it still applies (DIAG-4). */
  get runnableStretch(): number { return this.rare?.runnableStretch ?? 0; }
  set runnableStretch(value: number) { if (value !== 0 || this.rare) this.writable.runnableStretch = value; }

  /**
   * MNP-8: a non-main node's place, reserved together with the main node's (gang placement) and used
   * once the main node RUNS (MNP-3). A `Placement`; typed loosely to keep this file free of scheduling.
   */
  get reservedPlacement(): Placement | undefined { return this.rare?.reservedPlacement; }
  set reservedPlacement(value: Placement | undefined) { if (value !== undefined || this.rare) this.writable.reservedPlacement = value; }

  /** DIAG-2: the AWS statusReason this job shows while stuck at the head of its queue, so it can be cleared. */
  /** MNP-5: the log streams of the nodes of earlier attempts (their records are replaced; checkpoints keep their streams). */
  get earlierNodeStreams(): string[] | undefined { return this.rare?.earlierNodeStreams; }
  set earlierNodeStreams(value: string[] | undefined) { if (value !== undefined || this.rare) this.writable.earlierNodeStreams = value; }

  get stuckReason(): string | undefined { return this.rare?.stuckReason; }
  set stuckReason(value: string | undefined) { if (value !== undefined || this.rare) this.writable.stuckReason = value; }

  /** The statusReason the current attempt will end with, decided before the container exits. */
  get pendingStatusReason(): string | undefined { return this.rare?.pendingStatusReason; }
  set pendingStatusReason(value: string | undefined) { if (value !== undefined || this.rare) this.writable.pendingStatusReason = value; }
}

/** `arn:aws:batch:us-east-1:123456789012:job-queue/q` and an id -> `arn:aws:batch:us-east-1:123456789012:job/<id>`. */
function jobArnBesideQueue(queueArn: string, jobId: string): string {
  return [queueArn.slice(0, queueArn.lastIndexOf(':') + 1), 'job/', jobId].join('');
}
