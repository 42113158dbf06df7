import { batchEnvironmentVariables, containerDemand, effectiveContainer, substituteParameters } from './container-launch';
import { AttemptRecord, JobRecord } from './job-record';
import { JobStatus } from './job-status';
import { shouldRetry } from './retry-policy';
import { Cancellable, EventLoop } from '../event-loop';
import { AttemptHandle, AttemptResult, ContainerLaunch, JobRunner } from '../executor';
import { IdGenerator } from '../id-generator';
import { BATCH_LOG_GROUP, LogStore } from '../logging/log-store';
import { Environment } from '../model/arns';
import { Placement } from '../scheduling/capacity';

/** TIME-2 / LIFE-7: time between SIGTERM and SIGKILL (ECS's stop timeout). */
export const STOP_GRACE_PERIOD_MS = 30_000;

/** TIME-2: the statusReason of an attempt stopped by its timeout. */
export const TIMEOUT_STATUS_REASON = 'Job attempt duration exceeded timeout';

/** What AWS reports for an attempt whose container exited non-zero. */
export const NON_ZERO_EXIT_STATUS_REASON = 'Essential container in task exited';

export interface AttemptExecutionContext {
  readonly loop: EventLoop;
  readonly runner: JobRunner;
  readonly logs: LogStore;
  readonly environment: Environment;
  readonly startDelayMs: number;
  readonly ids: IdGenerator;
  transition(job: JobRecord, to: JobStatus, reason?: string): void;
  /** The attempt has ended and its capacity is free; `retry` says whether the job goes back to RUNNABLE. */
  attemptFinished(job: JobRecord, retry: boolean): void;
}

/** Per-attempt state kept only while the attempt is STARTING or RUNNING. */
interface LiveAttempt {
  readonly placement: Placement;
  handle?: AttemptHandle;
  timers: Cancellable[];
  ended: boolean;
}

/**
 * Runs one attempt of a job: STARTING on placement, RUNNING once the instance is ready, then the
 * executor's result decides SUCCEEDED, FAILED or a retry. Timeouts and terminate requests become
 * executor signals (TIME-2, LIFE-7).
 */
export class AttemptExecution {
  private readonly live = new Map<JobRecord, LiveAttempt>();

  constructor(private readonly context: AttemptExecutionContext) {}

  start(job: JobRecord, placement: Placement): void {
    const { loop, environment } = this.context;
    const taskId = this.context.ids.nextUuid().replace(/-/g, '');
    const attempt: AttemptRecord = {
      number: job.attempts.length + 1,
      taskArn: `arn:${environment.partition}:ecs:${environment.region}:${environment.account}:task/AWSBatch-${placement.computeEnvironment.name}/${taskId}`,
      containerInstanceArn: placement.containerInstanceArn,
    };
    job.attempts.push(attempt);
    const live: LiveAttempt = { placement, timers: [], ended: false };
    this.live.set(job, live);
    this.context.transition(job, 'STARTING');
    live.timers.push(loop.at(Math.max(placement.readyAt, loop.now()) + this.context.startDelayMs, () => this.run(job, attempt, live, taskId)));
  }

  /** LIFE-7: stops a STARTING or RUNNING job; it becomes FAILED with `reason` and is never retried. */
  terminate(job: JobRecord, reason: string): void {
    const live = this.live.get(job);
    if (!live || live.ended) return;
    job.stopCause = 'TERMINATED';
    job.pendingStatusReason = reason;
    if (!live.handle) {
      // Not running yet: there is no container to signal.
      this.end(job, live, { reason: 'Terminated before the container started' });
      return;
    }
    this.stop(live);
  }

  private run(job: JobRecord, attempt: AttemptRecord, live: LiveAttempt, taskId: string): void {
    if (live.ended) return;
    const { loop, logs } = this.context;
    const container = effectiveContainer(job);
    const demand = containerDemand(container);
    const definitionName = job.spec.definition.name;
    attempt.logStreamName = `${definitionName}/default/${taskId}`;
    attempt.startedAt = loop.now();
    job.startedAt = attempt.startedAt;
    logs.ensureStream(BATCH_LOG_GROUP, attempt.logStreamName);
    this.context.transition(job, 'RUNNING');

    const launch: ContainerLaunch = {
      jobId: job.jobId,
      jobName: job.spec.jobName,
      attempt: attempt.number,
      jobDefinitionName: definitionName,
      image: container.image,
      command: substituteParameters(container.command ?? [], job.spec.parameters),
      environment: {
        ...Object.fromEntries(job.spec.environment.filter((e) => e.name !== undefined).map((e) => [e.name!, e.value ?? ''])),
        ...batchEnvironmentVariables(job, attempt.number, live.placement.computeEnvironment.name),
      },
      vcpus: demand.vcpus,
      memoryMiB: demand.memoryMiB,
      gpus: demand.gpus,
      container,
      logStreamName: attempt.logStreamName,
    };
    const stream = attempt.logStreamName;
    live.handle = this.context.runner.start(launch, {
      log: (message) => {
        if (!live.ended) logs.append(BATCH_LOG_GROUP, stream, loop.now(), message);
      },
      exited: (result) => this.end(job, live, result),
      after: (delayMs, action) => loop.after(delayMs, action),
    });

    const timeoutSeconds = job.spec.attemptDurationSeconds;
    if (timeoutSeconds !== undefined && !live.ended) {
      // TIME-2: measured from the attempt's startedAt.
      live.timers.push(loop.after(timeoutSeconds * 1000, () => {
        if (live.ended) return;
        job.stopCause = 'TIMEOUT';
        job.pendingStatusReason = TIMEOUT_STATUS_REASON;
        this.stop(live);
      }));
    }
  }

  private stop(live: LiveAttempt): void {
    live.handle?.stop('SIGTERM');
    live.timers.push(this.context.loop.after(STOP_GRACE_PERIOD_MS, () => {
      if (!live.ended) live.handle?.stop('SIGKILL');
    }));
  }

  private end(job: JobRecord, live: LiveAttempt, result: AttemptResult): void {
    if (live.ended) return;
    live.ended = true;
    for (const timer of live.timers) timer.cancel();
    this.live.delete(job);
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
      this.context.transition(job, 'SUCCEEDED', statusReason);
      this.context.attemptFinished(job, false);
      return;
    }
    const retry = shouldRetry(job, { exitCode: result.exitCode, reason: result.reason, statusReason });
    if (retry) {
      // RETRY-3: back to RUNNABLE; the next attempt gets a fresh timeout (TIME-3).
      job.statusReason = statusReason;
      this.context.attemptFinished(job, true);
    } else {
      job.stoppedAt = now;
      this.context.transition(job, 'FAILED', statusReason);
      this.context.attemptFinished(job, false);
    }
  }
}
