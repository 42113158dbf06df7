import { JobRecord } from './job-record';
import { isTerminal, isTransitionAllowed, JobStatus } from '../model/job-status';

/** Told of every job state change (EVT-1 is built on this). */
export interface JobStateListener {
  onJobStateChange(job: JobRecord, previous: JobStatus): void;
  /** A top-level job was accepted: SUBMITTED is its first state, not a change (the local console lists it at once). */
  onJobSubmitted?(job: JobRecord): void;
}

/** DEP-2: the statusReason of a job failed by a dependency (AWS's words), followed by the failed job's id. */
export const DEPENDENT_JOB_FAILED = 'Dependent Job failed';

/** ARR-3: the statusReason of an array parent whose children did not all succeed. */
export const ARRAY_CHILD_FAILED = 'Array Child Job failed';

export interface JobLifecycleContext {
  now(): number;
  /** The job is RUNNABLE: hand it to the scheduler. */
  enqueue(job: JobRecord): void;
  /** The job reached SUCCEEDED or FAILED (retention bookkeeping). */
  finished(job: JobRecord): void;
  /** A node of a multi-node job changed state. */
  nodeChanged(node: JobRecord): void;
}

/**
 * The state machine of jobs (LIFE-1), their dependencies (DEP-1..5) and array parents (ARR-3/4):
 * every state change goes through `transition`, which checks the LIFE-1 graph, keeps array status
 * summaries current, notifies listeners, and releases or fails the jobs waiting on a finished one.
 */
export class JobLifecycle {
  private readonly listeners: JobStateListener[] = [];

  constructor(private readonly context: JobLifecycleContext) {}

  addListener(listener: JobStateListener): void {
    this.listeners.push(listener);
  }

  /** Tells the listeners that take it that a top-level job was accepted. */
  submitted(job: JobRecord): void {
    for (const listener of this.listeners) listener.onJobSubmitted?.(job);
  }

  /** Records that `job` waits for `dependency` (or is failed by it, DEP-2). */
  addDependency(job: JobRecord, dependency: JobRecord): void {
    if (dependency.status === 'FAILED') {
      job.failedDependency ??= dependency.jobId;
    } else if (dependency.status !== 'SUCCEEDED') {
      job.unfinishedDependencies++;
      (dependency.dependents ??= []).push(job);
    }
  }

  /** AWS moves a job out of SUBMITTED asynchronously; this is that step (LIFE-1). */
  leaveSubmitted(job: JobRecord): void {
    if (job.status !== 'SUBMITTED') return;
    if (job.failedDependency !== undefined || job.children || job.unfinishedDependencies > 0) {
      this.transition(job, 'PENDING');
      this.whenDependenciesDone(job);
    } else if (job.cancelReason !== undefined) {
      job.isCancelled = true;
      this.transition(job, 'FAILED', job.cancelReason);
    } else {
      this.makeRunnable(job);
    }
  }

  makeRunnable(job: JobRecord): void {
    this.transition(job, 'RUNNABLE');
    this.context.enqueue(job);
  }

  /** LIFE-7: SUBMITTED/RUNNABLE jobs fail now, PENDING ones once their dependencies finish. */
  cancel(job: JobRecord, reason: string, terminated: boolean): void {
    if (job.children) {
      // ARR-4: every child not yet STARTING/RUNNING is cancelled; the parent follows its children.
      job.isCancelled = true;
      job.isTerminated ||= terminated;
      if (job.status === 'SUBMITTED') job.cancelReason = reason;
      for (const child of job.children) this.cancel(child, reason, terminated);
      return;
    }
    if (job.nodes && job.status === 'RUNNABLE') {
      // The main node waits in the queue for the job: cancelling it ends the job (MNP-4).
      job.isCancelled = true;
      job.isTerminated ||= terminated;
      this.cancel(job.nodes[job.mainNodeIndex!], reason, terminated);
      return;
    }
    if (job.status === 'SUBMITTED') {
      job.cancelReason = reason;
      job.isTerminated ||= terminated;
    } else if (job.status === 'RUNNABLE') {
      job.isCancelled = true;
      job.isTerminated ||= terminated;
      this.transition(job, 'FAILED', reason);
    } else if (job.status === 'PENDING') {
      job.cancelReason = reason;
      job.isTerminated ||= terminated;
    }
  }

  transition(job: JobRecord, to: JobStatus, reason?: string): void {
    const previous = job.status;
    if (!isTransitionAllowed(previous, to)) {
      throw new Error(`internal: job ${job.jobId} cannot go from ${previous} to ${to}`);
    }
    job.status = to;
    if (reason !== undefined) job.statusReason = reason;
    const terminal = isTerminal(to);
    if (terminal && job.stoppedAt === undefined) job.stoppedAt = this.context.now();
    const parent = job.parent;
    if (parent) {
      parent.childStatusCounts![previous]--;
      parent.childStatusCounts![to]++;
      parent.statusSummaryUpdatedAt = this.context.now();
    }
    for (const listener of this.listeners) listener.onJobStateChange(job, previous);
    if (job.mnpParent) this.context.nodeChanged(job);
    if (!terminal) return;
    this.context.finished(job);
    this.releaseDependents(job);
    if (parent && --parent.unfinishedChildren === 0) this.finishArray(parent);
  }

  /** ARR-3: once every child is terminal, the parent SUCCEEDS if all did, else FAILS. */
  private finishArray(parent: JobRecord): void {
    const failed = parent.childStatusCounts!.FAILED > 0;
    if (parent.status === 'SUBMITTED') this.transition(parent, 'PENDING');
    this.transition(parent, failed ? 'FAILED' : 'SUCCEEDED', failed ? parent.cancelReason ?? ARRAY_CHILD_FAILED : undefined);
  }

  /** A PENDING job whose dependency count reached zero (or that was failed by one) moves on. */
  private whenDependenciesDone(job: JobRecord): void {
    if (job.status !== 'PENDING') return;
    if (job.failedDependency !== undefined) {
      const reason = `${DEPENDENT_JOB_FAILED}: ${job.failedDependency}`;
      if (job.children) {
        for (const child of job.children) this.failWaiting(child, reason);
      } else {
        this.transition(job, 'FAILED', reason);
      }
      return;
    }
    if (job.unfinishedDependencies > 0) return;
    if (job.children) {
      // The parent's own dependencies are met: open the gate every child waits behind.
      for (const child of job.children) {
        child.unfinishedDependencies--;
        this.whenDependenciesDone(child);
      }
    } else if (job.cancelReason !== undefined) {
      job.isCancelled = true;
      this.transition(job, 'FAILED', job.cancelReason);
    } else {
      this.makeRunnable(job);
    }
  }

  private failWaiting(job: JobRecord, reason: string): void {
    if (job.status === 'PENDING' || job.status === 'RUNNABLE') this.transition(job, 'FAILED', reason);
  }

  private releaseDependents(job: JobRecord): void {
    const dependents = job.dependents;
    if (!dependents) return;
    job.dependents = undefined;
    const failed = job.status === 'FAILED';
    for (const dependent of dependents) {
      if (isTerminal(dependent.status)) continue;
      if (failed) {
        dependent.failedDependency ??= job.jobId; // SUBMITTED jobs pick it up in leaveSubmitted (DEP-2)
      } else {
        dependent.unfinishedDependencies--;
      }
      this.whenDependenciesDone(dependent);
    }
  }
}
