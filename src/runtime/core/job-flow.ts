import { CapacityListener, InstanceTermination } from './capacity/capacity-listener';
import { ExplainContext } from './diagnostics/explain-job';
import { JobStateTimeLimits, TimeLimitActions } from './diagnostics/job-state-time-limits';
import { diagnoseRunnable, showStuckReason } from './diagnostics/stuck-reason';
import { EventLoop } from './event-loop';
import { AttemptExecution, AttemptHooks } from './jobs/attempt-execution';
import { JobLifecycle, JobLifecycleContext } from './jobs/job-lifecycle';
import { JobRecord } from './jobs/job-record';
import { JobRetention } from './jobs/job-retention';
import { SubmissionListener } from './jobs/job-submitter';
import { MultiNodeContext, MultiNodeCoordinator } from './jobs/multi-node';
import { JobStatus } from './model/job-status';
import { PlacementListener, Scheduler } from './scheduling/scheduler';
import { Placement } from './types/placement';

/** The parts a JobFlow routes between, given once they all exist (JobFlow.connect). */
export interface JobFlowParts {
  readonly lifecycle: JobLifecycle;
  readonly multiNode: MultiNodeCoordinator;
  readonly scheduler: Scheduler;
  readonly execution: AttemptExecution;
  readonly timeLimits: JobStateTimeLimits;
  readonly explain: ExplainContext;
}

/**
 * The seams between the parts of a job's way through the core: lifecycle, multi-node coordination,
 * scheduling, attempt execution, capacity and time limits each talk to the others only through the
 * small interface they declare (JobLifecycleContext, MultiNodeContext, PlacementListener,
 * CapacityListener, AttemptHooks, TimeLimitActions), all implemented here by name.
 *
 * The parts call one another in a cycle (the lifecycle enqueues into the scheduler, which places into
 * execution, which transitions through the lifecycle), so one of them must exist before the others:
 * this object is built first, every part is built with it, and `connect` hands it the parts in one
 * typed step. Nothing is reached through a closure over a field that is assigned later.
 */
export class JobFlow implements JobLifecycleContext, MultiNodeContext, PlacementListener, CapacityListener, AttemptHooks, TimeLimitActions,
  SubmissionListener {
  /** Top-level jobs not yet SUCCEEDED or FAILED (BatchBackend.hasActiveJobs). */
  private activeJobs = 0;
  private lifecycle!: JobLifecycle;
  private multiNode!: MultiNodeCoordinator;
  private scheduler!: Scheduler;
  private execution!: AttemptExecution;
  private timeLimits!: JobStateTimeLimits;
  private explain!: ExplainContext;

  constructor(private readonly loop: EventLoop, private readonly retention: JobRetention) {}

  /** Whether a top-level job is not yet SUCCEEDED or FAILED. */
  hasActiveJobs(): boolean {
    return this.activeJobs > 0;
  }

  /** Checkpoint restore: the unfinished top-level jobs the restored records hold. */
  restoreActiveJobs(count: number): void {
    this.activeJobs = count;
  }

  connect(parts: JobFlowParts): void {
    this.lifecycle = parts.lifecycle;
    this.multiNode = parts.multiNode;
    this.scheduler = parts.scheduler;
    this.execution = parts.execution;
    this.timeLimits = parts.timeLimits;
    this.explain = parts.explain;
  }

  now(): number {
    return this.loop.now();
  }

  /** A top-level job was accepted (SubmissionListener). */
  jobSubmitted(job: JobRecord): void {
    this.activeJobs++;
    this.scheduler.jobSubmitted(job); // FS-4: the job's share is active
    this.lifecycle.submitted(job);
  }

  // ---- JobLifecycleContext ---------------------------------------------------------------------

  enqueue(job: JobRecord): void {
    this.timeLimits.jobBecameRunnable(job);
    if (job.nodes) this.multiNode.start(job);
    else this.scheduler.enqueue(job);
  }

  finished(job: JobRecord): void {
    if (!job.parent && !job.mnpParent) {
      this.activeJobs--;
      this.scheduler.jobFinished(job);
    }
    this.retention.jobFinished(job);
  }

  nodeChanged(node: JobRecord): void {
    this.multiNode.nodeChanged(node);
  }

  // ---- MultiNodeContext and AttemptHooks ---------------------------------------------------------

  transition(job: JobRecord, to: JobStatus, reason?: string): void {
    this.lifecycle.transition(job, to, reason);
  }

  enqueueNode(node: JobRecord): void {
    this.scheduler.enqueue(node);
  }

  startNode(node: JobRecord, placement: Placement): void {
    this.execution.start(node, placement);
  }

  defer(action: () => void): void {
    this.loop.after(0, action);
  }

  stopNode(node: JobRecord, reason: string): void {
    this.terminate(node, reason);
  }

  nodeNeverRan(node: JobRecord): void {
    this.scheduler.releaseUnused(node);
  }

  /** Called by attempt execution once an attempt has ended and its capacity is free. */
  attemptFinished(job: JobRecord, retry: boolean): void {
    this.scheduler.attemptEnded(job); // fair share: the job's vCPUs stop counting as its share's usage
    this.scheduler.requestPass();
    if (retry) this.lifecycle.makeRunnable(job);
  }

  // ---- PlacementListener -----------------------------------------------------------------------

  jobPlaced(job: JobRecord, placement: Placement): void {
    if (job.stuckReason !== undefined || job.mnpParent?.stuckReason !== undefined) showStuckReason(job, undefined);
    this.execution.start(job, placement);
  }

  /** DIAG-2, DIAG-4: a job at the head of its queue shows AWS's reason, and its time limits start. */
  jobAtHead(job: JobRecord): void {
    this.timeLimits.jobAtHead(job);
    showStuckReason(job, diagnoseRunnable(job, this.explain)?.statusReason);
  }

  // ---- CapacityListener ------------------------------------------------------------------------

  capacityChanged(): void {
    this.scheduler.requestPass();
  }

  instanceTerminated(termination: InstanceTermination): void {
    this.execution.hostTerminated(termination.lostPlacements, termination.statusReason);
  }

  // ---- TimeLimitActions ------------------------------------------------------------------------

  cancelForTimeLimit(job: JobRecord, reason: string): void {
    this.lifecycle.cancel(job, reason, false);
    this.scheduler.requestPass(); // the next job reaches the head (DIAG-4)
  }

  // ---- termination (LIFE-7, MNP-4, ARR-4) ---------------------------------------------------------

  /** Stops a job whatever its kind: a multi-node job through its main node, an array with its children. */
  terminate(job: JobRecord, reason: string): void {
    if (job.nodes && (job.status === 'STARTING' || job.status === 'RUNNING')) {
      // The main node's end ends the job (MNP-4).
      job.isTerminated = true;
      this.terminate(job.nodes[job.mainNodeIndex!], reason);
    } else if (job.children) {
      // ARR-4: running children are stopped too.
      this.lifecycle.cancel(job, reason, true);
      for (const child of job.children) if (child.status === 'STARTING' || child.status === 'RUNNING') this.terminate(child, reason);
    } else if (job.status === 'STARTING' || job.status === 'RUNNING') {
      job.isTerminated = true;
      this.execution.terminate(job, reason);
    } else {
      this.lifecycle.cancel(job, reason, true);
    }
  }
}
