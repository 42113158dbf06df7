import { AttemptRecord, JobRecord } from './job-record';
import { LazyContainerLaunch } from './lazy-container-launch';
import { MultiContainerTask, SavedTask, TaskAttemptSink } from './multi-container-task';
import { shouldRetry } from './retry-policy';
import { taskPlan } from './task-containers';
import { EventKind } from '../checkpoint/event-kind';
import { Cancellable, EventLoop } from '../event-loop';
import { AttemptHandle, AttemptResult, JobRunner, ResumedAttempt } from '../executor';
import { IdGenerator } from '../id-generator';
import { BATCH_LOG_GROUP, LogStore } from '../logging/log-store';
import { Environment } from '../model/arns';
import { JobStatus } from '../model/job-status';
import { PlacedAttempt, Placement } from '../types/placement';

/** TIME-2 / LIFE-7: time between SIGTERM and SIGKILL (ECS's stop timeout). */
export const STOP_GRACE_PERIOD_MS = 30_000;

/** TIME-2: the statusReason of an attempt stopped by its timeout. */
export const TIMEOUT_STATUS_REASON = 'Job attempt duration exceeded timeout';

/** What AWS reports for an attempt whose container exited non-zero. */
export const NON_ZERO_EXIT_STATUS_REASON = 'Essential container in task exited';

/** What attempt execution runs on. */
export interface AttemptExecutionContext {
  readonly loop: EventLoop;
  readonly runner: JobRunner;
  readonly logs: LogStore;
  readonly environment: Environment;
  readonly startDelayMs: number;
  readonly ids: IdGenerator;
  /** A job by id (checkpoint restore: the attempts and timers are re-attached to the restored jobs). */
  readonly job?: (jobId: string) => JobRecord | undefined;
}

/** A live attempt as a checkpoint keeps it (its job and attempt record are in the jobs part). */
export interface SavedLiveAttempt {
  readonly jobId: string;
  readonly attempt: number;
  /** The runner's data of the running container (JobRunner.saveAttempt); absent while STARTING or for a task. */
  readonly handle?: unknown;
  /** PLAT-2, PLAT-3: a running multi-container task or pod, its containers' handles included. */
  readonly task?: SavedTask;
}

/** The kinds of the attempts' timers (see EventKind): the subject is the live attempt. */
const READY = 'attempt.ready';
const TIMEOUT = 'attempt.timeout';
const KILL = 'attempt.kill';
const RUNNER = 'attempt.runner';
/** A timer of a multi-container task: a container's runner timer, or the SIGKILL after the stop grace period. */
const TASK_TIMER = 'task.timer';

/** A task timer's subject: the attempt and the container (undefined: the task's SIGKILL timer). */
interface TaskTimerSubject {
  readonly live: LiveAttempt;
  readonly container: number | undefined;
}

/** What attempt execution tells the rest of the core. */
export interface AttemptHooks {
  transition(job: JobRecord, to: JobStatus, reason?: string): void;
  /** The attempt has ended and its capacity is free; `retry` says whether the job goes back to RUNNABLE. */
  attemptFinished(job: JobRecord, retry: boolean): void;
}

/**
 * An attempt timer's subject as data. Null once the attempt ended: every timer of an ended attempt
 * does nothing when it runs (a stop grace armed after SIGTERM ended the container).
 */
function describeLive(live: object): [string, number] | null | undefined {
  const { ended, job, jobId, attempt } = live as LiveAttempt;
  if (ended) return null;
  // MNP-5: a node of an earlier attempt, still stopping, has the id of the new attempt's node: not carried (the checkpoint waits).
  return job.mnpParent && job.mnpParent.nodes![job.nodeIndex!] !== job ? undefined : [jobId, attempt];
}

/**
 * Per-attempt state kept only while the attempt is STARTING or RUNNING. It is also the executor's
 * launch and sink: one object per attempt rather than several objects and closures, since a
 * million-job simulation runs a million of them.
 */
class LiveAttempt extends LazyContainerLaunch implements TaskAttemptSink, PlacedAttempt {
  handle?: AttemptHandle;
  timers?: Cancellable[];
  ended = false;
  private stream?: string;

  constructor(
    private readonly execution: AttemptExecution,
    private readonly context: AttemptExecutionContext,
    job: JobRecord,
    attemptRecord: AttemptRecord,
    readonly placement: Placement,
  ) {
    super(job, attemptRecord, placement.computeEnvironment.name);
  }

  log(message: string): void {
    if (this.ended) return;
    this.context.logs.append(BATCH_LOG_GROUP, this.stream ??= this.attemptRecord.logStreamName!, this.context.loop.now(), message);
  }

  exited(result: AttemptResult): void {
    this.execution.end(this.job, this, result);
  }

  logTo(stream: string, message: string): void {
    if (this.ended) return;
    this.context.logs.append(BATCH_LOG_GROUP, stream, this.context.loop.now(), message);
  }

  openStream(stream: string): void {
    this.context.logs.ensureStream(BATCH_LOG_GROUP, stream);
  }

  /** An executor's timer (a simulated container's end, a process's SIGKILL after its grace period). */
  after(delayMs: number, action: () => void): Cancellable {
    const loop = this.context.loop;
    return loop.atDescribed(loop.now() + delayMs, RUNNER, this, action);
  }

  taskTimer(container: number | undefined, delayMs: number, action: () => void): Cancellable {
    const loop = this.context.loop;
    const subject: TaskTimerSubject = { live: this, container };
    return loop.atDescribed(loop.now() + delayMs, TASK_TIMER, subject, action);
  }

  addTimer(timer: Cancellable): void {
    (this.timers ??= []).push(timer);
  }

  hostTerminated(statusReason: string): void {
    if (this.ended) return;
    const reason = 'Host EC2 instance terminated';
    this.execution.end(this.job, this, { reason, statusReason });
    // PLAT-2, PLAT-3: a task's or pod's running containers each end with the host's reason.
    if (this.handle instanceof MultiContainerTask) this.handle.hostTerminated(reason);
    else this.handle?.stop('SIGKILL'); // a real process must not outlive its "instance"
  }

  terminate(reason: string): void {
    this.execution.terminateLive(this, reason);
  }
}

/**
 * Runs one attempt of a job: STARTING on placement, RUNNING once the instance is ready, then the
 * executor's result decides SUCCEEDED, FAILED or a retry. Timeouts and terminate requests become
 * executor signals (TIME-2, LIFE-7).
 */
export class AttemptExecution {
  private taskPrefix?: string;
  private taskCounter = 0;

  constructor(private readonly context: AttemptExecutionContext, private readonly hooks: AttemptHooks) {
    const kinds = context.loop.eventKinds;
    kinds.set(READY, this.timerKind(READY, (live) => this.run(live.job, live.attemptRecord, live)));
    kinds.set(TIMEOUT, this.timerKind(TIMEOUT, (live) => this.timedOut(live)));
    kinds.set(KILL, this.timerKind(KILL, (live) => this.killAfterGrace(live)));
    kinds.set(TASK_TIMER, this.taskTimerKind());
    kinds.set(RUNNER, {
      describe: describeLive,
      rearm: (data, time, sequence) => {
        if (data === null) return;
        const live = this.restoredLive(data);
        (live.handle as ResumedAttempt | undefined)?.resumeTimer?.((action) => this.context.loop.restoreEvent(time, sequence, RUNNER, live, action));
      },
    });
  }

  /** PLAT-2, PLAT-3: a task's timers, re-armed on its restored task; null when it will do nothing (its container ended). */
  private taskTimerKind(): EventKind {
    return {
      describe: (subject) => {
        const { live, container } = subject as TaskTimerSubject;
        const task = live.handle;
        if (live.ended || !(task instanceof MultiContainerTask) || !task.timerActs(container)) return null;
        return describeLive(live) === undefined ? undefined : [live.jobId, live.attempt, container ?? null];
      },
      rearm: (data, time, sequence) => {
        if (data === null) return;
        const [jobId, attempt, index] = data as [string, number, number | null];
        const live = this.restoredLive([jobId, attempt]);
        const subject: TaskTimerSubject = { live, container: index ?? undefined };
        const rearm = (action: () => void): Cancellable => this.context.loop.restoreEvent(time, sequence, TASK_TIMER, subject, action);
        (live.handle as MultiContainerTask).resumeTimer(subject.container, rearm);
      },
    };
  }

  /** A timer of attempt execution's own, re-armed on its restored live attempt. */
  private timerKind(kind: string, action: (live: LiveAttempt) => void): EventKind {
    return {
      describe: describeLive,
      rearm: (data, time, sequence) => {
        if (data === null) return;
        const live = this.restoredLive(data);
        live.addTimer(this.context.loop.restoreEvent(time, sequence, kind, live, () => action(live)));
      },
    };
  }

  private restoredLive(data: unknown): LiveAttempt {
    const [jobId, attempt] = data as [string, number];
    const live = this.context.job?.(jobId)?.liveAttempt;
    if (!(live instanceof LiveAttempt) || live.attempt !== attempt) throw new Error(`the checkpoint holds a timer of attempt ${attempt} of job ${jobId}, which it does not hold live`);
    return live;
  }

  /**
   * Checkpoints: a live attempt as data, or undefined when it cannot be carried (a runner that
   * cannot save its container): the checkpoint waits.
   */
  saveLive(job: JobRecord): SavedLiveAttempt | undefined {
    const live = job.liveAttempt;
    if (!(live instanceof LiveAttempt) || live.ended) return undefined;
    if (live.handle === undefined) return { jobId: job.jobId, attempt: live.attempt };
    if (live.handle instanceof MultiContainerTask) {
      const task = live.handle.saved((handle) => this.context.runner.saveAttempt?.(handle));
      return task === undefined ? undefined : { jobId: job.jobId, attempt: live.attempt, task };
    }
    const handle = this.context.runner.saveAttempt?.(live.handle);
    return handle === undefined ? undefined : { jobId: job.jobId, attempt: live.attempt, handle };
  }

  /**
   * Checkpoint restore: the live attempt back on its restored placement; a running one gets its
   * runner's handle back (JobRunner.resumeAttempt). Its timers are re-armed by their kinds after.
   */
  resumeLive(job: JobRecord, placement: Placement, saved: SavedLiveAttempt): void {
    const attempt = job.currentAttempt;
    if (!attempt || attempt.number !== saved.attempt) throw new Error(`job ${saved.jobId}: the checkpoint's live attempt ${saved.attempt} is not its current one`);
    const live = new LiveAttempt(this, this.context, job, attempt, placement);
    job.liveAttempt = live;
    placement.attempt = live;
    const runner = this.context.runner;
    const resume = runner.resumeAttempt?.bind(runner);
    if (saved.task) {
      const plan = taskPlan(job);
      if (!plan || !attempt.containers) throw new Error(`job ${saved.jobId}: the checkpoint holds a task for attempt ${saved.attempt}, but its definition has none`);
      const stopGracePeriodMs = runner.stopGracePeriodMs ?? STOP_GRACE_PERIOD_MS;
      const task = new MultiContainerTask(runner, live, { launch: live, taskId: attempt.taskId, stopGracePeriodMs }, plan, attempt.containers);
      live.handle = task.resume(saved.task, (launch, sink, data) => {
        if (!resume) throw new Error(`job ${saved.jobId}: this runner cannot resume a checkpointed container`);
        return resume(launch, sink, data);
      });
    } else if ('handle' in saved) {
      if (!resume) throw new Error(`job ${saved.jobId}: this runner cannot resume a checkpointed attempt`);
      live.handle = resume(live, live, saved.handle);
    }
  }

  start(job: JobRecord, placement: Placement): void {
    const { loop } = this.context;
    const attempt = new AttemptRecord(job.attemptCount + 1, this.taskIdPrefix(), ++this.taskCounter, placement.computeEnvironment,
      placement.containerInstanceArn, job.spec.definition.name);
    job.addAttempt(attempt);
    const live = new LiveAttempt(this, this.context, job, attempt, placement);
    job.liveAttempt = live;
    placement.attempt = live;
    this.hooks.transition(job, 'STARTING');
    const readyAt = Math.max(placement.readyAt, loop.now()) + this.context.startDelayMs;
    if (readyAt <= loop.now()) {
      this.run(job, attempt, live); // the instance is up: no need to go through the event heap
    } else {
      live.addTimer(loop.atDescribed(readyAt, READY, live, () => this.run(job, attempt, live)));
    }
  }

  /**
   * RETRY-3: the instances under these placements are gone (a Spot reclaim, a host failure): their
   * attempts fail with AWS's host statusReason, and retry when attempts remain.
   */
  hostTerminated(placements: readonly Placement[], statusReason: string): void {
    for (const placement of placements) placement.attempt?.hostTerminated(statusReason);
  }

  /** Checkpoint: task ids continue after a restore (a reused task id would reuse a log stream). */
  get taskIds(): { prefix?: string; counter: number } {
    return { prefix: this.taskPrefix, counter: this.taskCounter };
  }

  restoreTaskIds(state: { prefix?: string; counter: number }): void {
    this.taskPrefix = state.prefix;
    this.taskCounter = state.counter;
  }

  /** Task ids: a per-runtime random prefix and a counter (cheap, unique, 32 hex characters). */
  private taskIdPrefix(): string {
    return this.taskPrefix ??= this.context.ids.nextUuid().replace(/-/g, '').slice(0, 16);
  }


  /** LIFE-7: stops a STARTING or RUNNING job; it becomes FAILED with `reason` and is never retried. */
  terminate(job: JobRecord, reason: string): void {
    job.liveAttempt?.terminate(reason);
  }

  /** @internal LIFE-7 for one live attempt, asked by the attempt itself (PlacedAttempt.terminate) */
  terminateLive(live: LiveAttempt, reason: string): void {
    if (live.ended) return;
    const job = live.job;
    job.stopCause = 'TERMINATED';
    job.pendingStatusReason = reason;
    if (!live.handle) {
      // Not running yet: there is no container to signal.
      this.end(job, live, { reason: 'Terminated before the container started' });
      return;
    }
    this.stop(live);
  }

  private run(job: JobRecord, attempt: AttemptRecord, live: LiveAttempt): void {
    if (live.ended) return;
    const { loop } = this.context;
    attempt.startedAt = loop.now();
    job.startedAt = attempt.startedAt;
    this.hooks.transition(job, 'RUNNING');
    const plan = taskPlan(job);
    if (plan) {
      // PLAT-2, PLAT-3: a multi-container task or an EKS pod; each container has its own log stream.
      const { runner } = this.context;
      const stopGracePeriodMs = runner.stopGracePeriodMs ?? STOP_GRACE_PERIOD_MS;
      const task = new MultiContainerTask(runner, live, { launch: live, taskId: attempt.taskId, stopGracePeriodMs }, plan);
      attempt.containers = task.containerResults;
      live.handle = task;
      task.start();
    } else {
      // LOG-1: the stream exists once the attempt runs. Simulated runs skip this (a million empty
      // streams cost more than the jobs); their stream appears with the first line.
      if (this.context.runner.realTime) this.context.logs.ensureStream(BATCH_LOG_GROUP, attempt.logStreamName!);
      live.handle = this.context.runner.start(live, live);
    }

    const timeoutSeconds = job.spec.attemptDurationSeconds;
    if (timeoutSeconds !== undefined && !live.ended) {
      // TIME-2: measured from the attempt's startedAt.
      live.addTimer(loop.atDescribed(loop.now() + timeoutSeconds * 1000, TIMEOUT, live, () => this.timedOut(live)));
    }
  }

  private timedOut(live: LiveAttempt): void {
    if (live.ended) return;
    live.job.stopCause = 'TIMEOUT';
    live.job.pendingStatusReason = TIMEOUT_STATUS_REASON;
    this.stop(live);
  }

  private stop(live: LiveAttempt): void {
    live.handle?.stop('SIGTERM');
    const loop = this.context.loop;
    const graceMs = this.context.runner.stopGracePeriodMs ?? STOP_GRACE_PERIOD_MS;
    live.addTimer(loop.atDescribed(loop.now() + graceMs, KILL, live, () => this.killAfterGrace(live)));
  }

  private killAfterGrace(live: LiveAttempt): void {
    if (!live.ended) live.handle?.stop('SIGKILL');
  }

  /** @internal the end of an attempt, reported by its sink */
  end(job: JobRecord, live: LiveAttempt, result: AttemptResult): void {
    if (live.ended) return;
    live.ended = true;
    if (live.timers) for (const timer of live.timers) timer.cancel();
    job.liveAttempt = undefined;
    live.placement.release();

    const attempt = job.currentAttempt!;
    const now = this.context.loop.now();
    attempt.stoppedAt = now;
    attempt.startedAt ??= now;
    attempt.exitCode = result.exitCode;
    attempt.reason = result.reason;
    const succeeded = result.exitCode === 0 && job.stopCause === undefined;
    const statusReason = job.pendingStatusReason
      ?? result.statusReason
      ?? (succeeded ? 'Essential container in task exited' : result.exitCode !== undefined ? NON_ZERO_EXIT_STATUS_REASON : result.reason ?? 'Task failed to start');
    attempt.statusReason = statusReason;
    job.pendingStatusReason = undefined;

    if (succeeded) {
      job.stoppedAt = now;
      this.hooks.transition(job, 'SUCCEEDED', statusReason);
      this.hooks.attemptFinished(job, false);
      return;
    }
    const retry = shouldRetry(job, { exitCode: result.exitCode, reason: result.reason, statusReason });
    if (retry) {
      // RETRY-3: back to RUNNABLE; the next attempt gets a fresh timeout (TIME-3).
      job.statusReason = statusReason;
      this.hooks.attemptFinished(job, true);
    } else {
      job.stoppedAt = now;
      this.hooks.transition(job, 'FAILED', statusReason);
      this.hooks.attemptFinished(job, false);
    }
  }
}
