import { Cancellable } from './event-loop';
import { ContainerProperties } from './model/requests';
import { ResourceRegistry } from './model/resource-registry';

/** Everything an executor needs to run one attempt of one job's container. */
export interface ContainerLaunch {
  /** The job id (an array child's `parent:i`, a node's `job#n`). */
  readonly jobId: string;
  readonly jobName: string;
  /** 1 for the first attempt (RETRY-1). */
  readonly attempt: number;
  readonly jobDefinitionName: string;
  /** PLAT-2: the container's name within a multi-container task; absent for a job of one container. */
  readonly containerName?: string;
  readonly image?: string;
  /** The command after overrides (OVR-1) and `Ref::` substitution (PARAM-1). */
  readonly command: string[];
  /** User environment (ENV-2) plus the AWS_BATCH_* variables (ENV-1). */
  readonly environment: Record<string, string>;
  readonly vcpus: number;
  readonly memoryMiB: number;
  readonly gpus: number;
  /** The job definition's container with overrides applied: volumes, ulimits, user, privileged... */
  readonly container: ContainerProperties;
  readonly logStreamName: string;
}

/** How an attempt ended, as the executor saw it. */
export interface AttemptResult {
  /** The container's exit code; absent when it never started or was killed without one. */
  readonly exitCode?: number;
  /** A short reason (`container.reason`), e.g. why the command could not start. */
  readonly reason?: string;
  /** A status reason for the attempt, when the executor knows a better one than the exit code. */
  readonly statusReason?: string;
}

/** The runtime's side of a running attempt, handed to the executor. */
export interface AttemptSink {
  /** Appends one line to the attempt's log stream, timestamped with the runtime clock. */
  log(message: string): void;
  /** Reports the end of the attempt. Later calls are ignored. */
  exited(result: AttemptResult): void;
  /** Runs `action` after `delayMs` on the runtime's clock (virtual or real). */
  after(delayMs: number, action: () => void): Cancellable;
}

/** A started attempt. */
export interface AttemptHandle {
  /** Delivers a signal to the container (TIME-2, LIFE-7). */
  stop(signal: 'SIGTERM' | 'SIGKILL'): void;
}

/** Runs job containers: simulated behaviours, host processes, Docker. */
export interface JobRunner {
  /** Whether the runner works in virtual time (simulated) or needs real time (processes). */
  readonly realTime: boolean;
  /** Time between SIGTERM and SIGKILL when the runtime stops an attempt (TIME-2, LIFE-7); 30 s when absent. */
  readonly stopGracePeriodMs?: number;
  start(launch: ContainerLaunch, sink: AttemptSink): AttemptHandle;
  /**
   * Once a template is loaded: resolves the resource references the runner was configured with
   * (simulated behaviour keys) and returns a warning for each that matches nothing; may throw instead.
   */
  bindRegistry?(registry: ResourceRegistry): string[];
  /**
   * PLAT-3: a multi-container task's attempt has ended, after its last container: the runner removes
   * what the task's containers shared (a pod's emptyDir directories). Absent when it keeps nothing.
   */
  taskEnded?(jobId: string, attempt: number): void;
  /** When the runtime is disposed: warnings that only the jobs that ran can tell (unused job-name keys). */
  finalWarnings?(): string[];
  /**
   * Checkpoints with live jobs (`serve --state-dir`): a running attempt's handle as data, or
   * undefined when this runner cannot carry it (the checkpoint then waits for the attempt to end).
   * Absent: no attempt of this runner is carried.
   */
  saveAttempt?(handle: AttemptHandle): unknown;
  /** Checkpoints: the runner's own state that outlives attempts (a seeded random sequence's position), as data. */
  checkpointState?(): unknown;
  /** Checkpoint restore: `checkpointState`'s data back. */
  restoreState?(state: unknown): void;
  /**
   * Checkpoint restore: the handle of an attempt that was running, from `saveAttempt`'s data. A real
   * runner cannot resume a process: its end comes from the journal, as in a whole-journal replay.
   */
  resumeAttempt?(launch: ContainerLaunch, sink: AttemptSink, saved: unknown): ResumedAttempt;
}

/** A handle re-created by a checkpoint's restore (JobRunner.resumeAttempt). */
export interface ResumedAttempt extends AttemptHandle {
  /**
   * Re-arms the runner's pending timer (the one it armed through `sink.after`), with `rearm`, which
   * puts it back at its saved time and sequence. Absent: the runner's timers are not re-armed (a
   * replayed attempt has none).
   */
  resumeTimer?(rearm: (action: () => void) => Cancellable): void;
}
