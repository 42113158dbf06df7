import { TaskContainerResult } from './job-record';
import { TaskEndPolicy, TaskPlan } from './task-containers';
import { Cancellable } from '../event-loop';
import { AttemptHandle, AttemptResult, AttemptSink, ContainerLaunch, JobRunner, ResumedAttempt } from '../executor';

/** What a multi-container task needs from its attempt: the attempt's sink plus per-container logs. */
export interface TaskAttemptSink extends AttemptSink {
  /** Appends a line to another stream of the job's log group (a container's own stream). */
  logTo(stream: string, message: string): void;
  /** Creates a container's stream when it starts (real-time runners; LOG-1). */
  openStream(stream: string): void;
  /**
   * A timer of the task that a checkpoint can carry: a container's runner timer (`container` its
   * index) or, with `container` undefined, the SIGKILL after the stop grace period.
   */
  taskTimer(container: number | undefined, delayMs: number, action: () => void): Cancellable;
}

/**
 * A running task as a checkpoint keeps it (#21 §2); its containers' results are the attempt
 * record's (`AttemptRecord.containers`, in the jobs part).
 */
export interface SavedTask {
  readonly states: readonly ContainerState[];
  /** Each running container's index and its runner's data (JobRunner.saveAttempt). */
  readonly handles: ReadonlyArray<[number, unknown]>;
  readonly firstFailure?: { exitCode?: number; reason?: string; statusReason?: string };
  readonly decidingExit?: { exitCode?: number; reason?: string };
  readonly stopping: boolean;
}

/** What the task knows of the attempt it runs in. */
export interface TaskAttemptContext {
  /** The launch of the attempt: job id, name, attempt number, the AWS_BATCH_* environment. */
  readonly launch: ContainerLaunch;
  /** The attempt's ECS task id: the per-container log streams are `<definition>/<container>/<taskId>`. */
  readonly taskId: string;
  readonly stopGracePeriodMs: number;
}

export type ContainerState = 'waiting' | 'running' | 'exited' | 'never';

/**
 * PLAT-2: one attempt of a multi-container job. Starts each container through the job runner once
 * its `dependsOn` conditions hold (START: the other container started; COMPLETE: it exited; SUCCESS:
 * it exited 0, else the waiting container never starts); the first essential container to exit
 * stops the task (the others get SIGTERM, then SIGKILL after the grace period) and its exit code is
 * the attempt's. The task ends when no container runs and none can start any more.
 * PLAT-3: a pod (policy `pod`) has no essential container: it ends when all its containers have,
 * with the exit code of the first that failed (0 when none did).
 */
export class MultiContainerTask implements AttemptHandle {
  private readonly states: ContainerState[];
  private readonly handles: Array<AttemptHandle | undefined>;
  private readonly results: TaskContainerResult[];
  private readonly containers: TaskPlan['containers'];
  private readonly policy: TaskEndPolicy;
  private firstFailure?: { exitCode?: number; reason?: string; statusReason?: string };
  private decidingExit?: { exitCode?: number; reason?: string };
  private stopping = false;
  private ended = false;
  private killTimer?: Cancellable;

  constructor(
    private readonly runner: JobRunner,
    private readonly sink: TaskAttemptSink,
    private readonly context: TaskAttemptContext,
    plan: TaskPlan,
    /** Checkpoint restore: the attempt record's results, which the task goes on filling. */
    results?: TaskContainerResult[],
  ) {
    this.containers = plan.containers;
    this.policy = plan.policy;
    this.states = plan.containers.map(() => 'waiting');
    this.handles = plan.containers.map(() => undefined);
    this.results = results ?? plan.containers.map((c) => ({ name: c.name }));
  }

  /**
   * Checkpoints: the task as data, or undefined when a running container's runner cannot save it
   * (`save` gives undefined; the checkpoint waits). Its timers are events the events part carries.
   */
  saved(save: (handle: AttemptHandle) => unknown): SavedTask | undefined {
    if (this.ended) return undefined;
    const handles: Array<[number, unknown]> = [];
    for (const [index, handle] of this.handles.entries()) {
      if (this.states[index] !== 'running' || !handle) continue;
      const data = save(handle);
      if (data === undefined) return undefined;
      handles.push([index, data]);
    }
    return {
      states: [...this.states],
      handles,
      ...(this.firstFailure ? { firstFailure: this.firstFailure } : {}),
      ...(this.decidingExit ? { decidingExit: this.decidingExit } : {}),
      stopping: this.stopping,
    };
  }

  /** Checkpoint restore: the saved state back, each running container resumed by its runner (JobRunner.resumeAttempt). */
  resume(saved: SavedTask, resume: (launch: ContainerLaunch, sink: AttemptSink, data: unknown) => AttemptHandle): this {
    saved.states.forEach((state, index) => { this.states[index] = state; });
    this.firstFailure = saved.firstFailure;
    this.decidingExit = saved.decidingExit;
    this.stopping = saved.stopping;
    for (const [index, data] of saved.handles) {
      const stream = this.results[index].logStreamName!;
      this.handles[index] = resume(this.containerLaunch(this.containers[index], stream), this.containerSink(index, stream), data);
    }
    return this;
  }

  /** Checkpoint restore: a container's runner timer back (ResumedAttempt.resumeTimer); the SIGKILL timer with `container` undefined. */
  resumeTimer(container: number | undefined, rearm: (action: () => void) => Cancellable): void {
    if (container === undefined) {
      this.killTimer = rearm(() => this.signalRunning('SIGKILL'));
      return;
    }
    (this.handles[container] as ResumedAttempt | undefined)?.resumeTimer?.(rearm);
  }

  /** Whether a timer of the container (or the SIGKILL timer, `container` undefined) still acts when it runs. */
  timerActs(container: number | undefined): boolean {
    return !this.ended && (container === undefined || this.states[container] === 'running');
  }

  /** Per-container results, shared with the attempt record (DescribeJobs reads them). */
  get containerResults(): TaskContainerResult[] {
    return this.results;
  }

  start(): this {
    this.advance();
    return this;
  }

  stop(signal: 'SIGTERM' | 'SIGKILL'): void {
    this.stopping = true;
    this.signalRunning(signal);
    this.finishIfIdle();
  }

  /**
   * RETRY-3: the task's host is gone (the attempt has ended with `reason`): each running container
   * ends as the container of a one-container job does, with that reason and no exit code, whatever
   * its killed process reports later (a durable endpoint's restart has no process to report).
   */
  hostTerminated(reason: string): void {
    this.stopping = true;
    this.handles.forEach((handle, index) => {
      if (this.states[index] !== 'running') return;
      this.states[index] = 'exited';
      this.handles[index] = undefined;
      this.results[index].reason = reason;
      handle?.stop('SIGKILL'); // a real process must not outlive its "instance"
    });
    this.finishIfIdle();
  }

  /** Starts every container whose conditions hold, until nothing changes; ends the task when idle. */
  private advance(): void {
    let changed = true;
    while (changed && !this.stopping) {
      changed = false;
      this.containers.forEach((spec, index) => {
        if (this.states[index] !== 'waiting' || this.stopping) return;
        const readiness = this.readiness(spec);
        if (readiness === 'never') {
          this.states[index] = 'never';
          this.results[index].reason = 'DependencyConditionNotMet: a container it depends on did not reach its condition';
          changed = true;
          if (spec.essential) this.essentialEnded(index, { reason: this.results[index].reason });
        } else if (readiness === 'ready') {
          this.startContainer(index);
          changed = true;
        }
      });
    }
    this.finishIfIdle();
  }

  private readiness(spec: TaskPlan['containers'][number]): 'ready' | 'wait' | 'never' {
    let ready = true;
    for (const dependency of spec.dependsOn) {
      const index = this.containers.findIndex((c) => c.name === dependency.containerName);
      const state = this.states[index];
      if (state === 'never') return 'never';
      if (dependency.condition === 'START') {
        if (state === 'waiting') ready = false;
        continue;
      }
      if (state !== 'exited') {
        ready = false;
        continue;
      }
      if (dependency.condition === 'SUCCESS' && this.results[index].exitCode !== 0) return 'never';
    }
    return ready ? 'ready' : 'wait';
  }

  private startContainer(index: number): void {
    const spec = this.containers[index];
    const stream = `${this.context.launch.jobDefinitionName}/${spec.name}/${this.context.taskId}`;
    this.states[index] = 'running';
    this.results[index].logStreamName = stream;
    if (this.runner.realTime) this.sink.openStream(stream);
    const launch = this.containerLaunch(spec, stream);
    this.handles[index] = this.runner.start(launch, this.containerSink(index, stream));
    if (this.states[index] !== 'running') this.handles[index] = undefined; // it exited during start
  }

  private containerSink(index: number, stream: string): AttemptSink {
    return {
      log: (message) => this.sink.logTo(stream, message),
      exited: (result) => this.containerExited(index, result),
      after: (delayMs, action) => this.sink.taskTimer(index, delayMs, action),
    };
  }

  private containerLaunch(spec: TaskPlan['containers'][number], stream: string): ContainerLaunch {
    const base = this.context.launch;
    const environment: Record<string, string> = {};
    for (const entry of spec.container.environment ?? []) if (entry.name !== undefined) environment[entry.name] = entry.value ?? '';
    return {
      jobId: base.jobId,
      jobName: base.jobName,
      attempt: base.attempt,
      jobDefinitionName: base.jobDefinitionName,
      containerName: spec.name,
      image: spec.container.image,
      command: spec.command,
      // ENV-1: every container of the task gets the AWS_BATCH_* variables of the job.
      environment: Object.assign(environment, batchVariables(base.environment)),
      vcpus: spec.demand.vcpus,
      memoryMiB: spec.demand.memoryMiB,
      gpus: spec.demand.gpus,
      container: spec.container,
      logStreamName: stream,
    };
  }

  private containerExited(index: number, result: AttemptResult): void {
    if (this.states[index] !== 'running') return;
    this.states[index] = 'exited';
    this.handles[index] = undefined;
    this.results[index].exitCode = result.exitCode;
    this.results[index].reason = result.reason;
    // PLAT-3: a container that could not start keeps its status reason (a missing secret says which).
    if (result.exitCode !== 0) {
      this.firstFailure ??= { exitCode: result.exitCode, reason: result.reason ?? `Container ${this.containers[index].name} failed`, statusReason: result.statusReason };
    }
    if (this.containers[index].essential) this.essentialEnded(index, result);
    this.advance();
  }

  /** The first essential container to end decides the attempt and stops the others. */
  private essentialEnded(index: number, result: AttemptResult): void {
    if (this.decidingExit) return;
    this.decidingExit = { exitCode: result.exitCode, reason: result.reason ?? `Essential container ${this.containers[index].name} exited` };
    this.stopping = true;
    this.signalRunning('SIGTERM');
    if (this.states.some((state) => state === 'running')) {
      this.killTimer = this.sink.taskTimer(undefined, this.context.stopGracePeriodMs, () => this.signalRunning('SIGKILL'));
    }
  }

  private signalRunning(signal: 'SIGTERM' | 'SIGKILL'): void {
    this.handles.forEach((handle, index) => {
      if (handle && this.states[index] === 'running') handle.stop(signal);
    });
  }

  private finishIfIdle(): void {
    if (this.ended || this.states.some((state) => state === 'running')) return;
    if (!this.stopping && this.states.some((state) => state === 'waiting')) return;
    this.ended = true;
    this.killTimer?.cancel();
    this.states.forEach((state, index) => {
      if (state === 'waiting') this.results[index].reason ??= 'Task stopped before the container started';
    });
    // PLAT-3: no container of the attempt runs any more: the runner may drop what the pod's containers shared.
    this.runner.taskEnded?.(this.context.launch.jobId, this.context.launch.attempt);
    if (this.policy === 'pod') this.sink.exited(this.firstFailure ?? { exitCode: 0 });
    else this.sink.exited(this.decidingExit ?? { reason: 'Task stopped before an essential container exited' });
  }
}

/** The AWS_BATCH_* variables of the attempt's environment (ENV-1). */
function batchVariables(environment: Record<string, string>): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(environment)) if (name.startsWith('AWS_BATCH_')) variables[name] = value;
  return variables;
}
