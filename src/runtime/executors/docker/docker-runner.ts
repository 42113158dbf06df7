import { DockerCli } from './docker-cli';
import { dockerRunCommand, networkArguments, runArgumentsChooseNetwork } from './docker-run-arguments';
import { hostLimitSources, withEngineUlimitDefaults } from './engine-ulimit-defaults';
import { engineCall, TaskNetworks } from './task-network';
import { Cancellable } from '../../core/event-loop';
import { AttemptHandle, AttemptResult, AttemptSink, ContainerLaunch, JobRunner } from '../../core/executor';
import { asLaunchFailure, LaunchFailure } from '../common/launch-failure';
import { GpuPool, GpuReservation } from '../isolation/gpu-pool';
import { LogRedactor, resolveSecrets } from '../isolation/secret-values';
import { readUlimits } from '../isolation/ulimits';
import { HostProcess, HostProcessOutcome } from '../process/host-process';
import { OUT_OF_MEMORY_REASON } from '../process/process-attempt';
import { AttemptWorkspace } from '../workspace/attempt-workspace';
import { resolveMounts, safePathSegment } from '../workspace/container-mounts';
import { ResolvedPodVolumeSources } from '../workspace/pod-volume-sources';

/** Options of the Docker runner (the executor's props with their defaults applied). */
export interface DockerRunnerOptions {
  readonly docker: DockerCli;
  readonly workRoot: string;
  readonly keepWorkDirectories: boolean;
  readonly stopGracePeriodMs: number;
  readonly gpus: GpuPool;
  readonly secretValues: Record<string, string>;
  readonly allowPrivileged: boolean;
  readonly runArguments: readonly string[];
  /** PLAT-3: where pod secret and persistent volume claim volumes come from. @default - no secrets; claims under `<workRoot>/persistent-volumes` */
  readonly podVolumes?: ResolvedPodVolumeSources;
  /** PLAT-2: one network holder per multi-container task attempt; created from `docker` when absent. */
  readonly networks?: TaskNetworks;
  /** PLAT-2: the image of the network holders it creates. @default - each task's first image */
  readonly taskNetworkHolderImage?: string;
}

/**
 * Runs each attempt as `docker run <image> <command>`: the container's output are the attempt's log
 * lines, its exit code the result. Stop signals go through `docker kill --signal`.
 */
export class DockerRunner implements JobRunner {
  readonly realTime = true;

  /** The core waits this long after SIGTERM before SIGKILL (TIME-2). */
  get stopGracePeriodMs(): number {
    return this.options.stopGracePeriodMs;
  }
  private sequence = 0;
  private readonly networks: TaskNetworks;

  constructor(private readonly options: DockerRunnerOptions) {
    this.networks = options.networks ?? new TaskNetworks(engineCall(options.docker.command), undefined, options.taskNetworkHolderImage);
  }

  /** The engine CLI it drives (a durable restart removes the containers left from before the crash with it). */
  get engineCommand(): string {
    return this.options.docker.command;
  }

  start(launch: ContainerLaunch, sink: AttemptSink): AttemptHandle {
    const name = (): string => `batch-${safePathSegment(launch.jobId).replace(/[^A-Za-z0-9_.-]/g, '-')}-${launch.attempt}-${process.pid}-${this.sequence++}`;
    const attempt = new DockerAttempt(launch, sink, this.options, name());
    if (launch.containerName !== undefined && !runArgumentsChooseNetwork(this.options.runArguments)) {
      // PLAT-2: the task's containers share one network namespace, that of the attempt's holder.
      const holderName = `${name()}-net`;
      attempt.joinNetwork((joined) => this.networks.join(launch, holderName, networkArguments(launch, this.options.runArguments), joined));
    }
    attempt.begin();
    return attempt;
  }

  /** PLAT-3: the pod attempt's emptyDir directories go once its last container has ended; PLAT-2: its network holder too. */
  taskEnded(jobId: string, attempt: number): void {
    this.networks.end(jobId, attempt);
    if (!this.options.keepWorkDirectories) AttemptWorkspace.removePodDirectory(this.options.workRoot, jobId, attempt);
  }
}

class DockerAttempt implements AttemptHandle {
  private readonly workspace: AttemptWorkspace;
  private client?: HostProcess;
  private reservation?: GpuReservation;
  private pinnedGpus: string[] = [];
  private graceTimer?: Cancellable;
  private redactor = new LogRedactor([]);
  private lastStderrLine?: string;
  private finished = false;
  /** PLAT-2: how to join the task's network holder before `run`; absent for a container of its own. */
  private network?: (joined: (holder: string | undefined, error?: string) => void) => void;
  /** Set once the runtime asked for a stop: a 137 after it is our SIGKILL, not the kernel's OOM killer. */
  private stopRequested = false;

  constructor(
    private readonly launch: ContainerLaunch,
    private readonly sink: AttemptSink,
    private readonly options: DockerRunnerOptions,
    private readonly containerName: string,
  ) {
    this.workspace = new AttemptWorkspace(options.workRoot, launch.jobId, launch.attempt, launch.containerName, options.podVolumes);
  }

  joinNetwork(join: (joined: (holder: string | undefined, error?: string) => void) => void): void {
    this.network = join;
  }

  begin(): void {
    try {
      if (this.launch.gpus > 0) {
        this.reservation = this.options.gpus.acquire(this.launch.gpus, (ids) => {
          this.reservation = undefined;
          this.run(ids);
        });
      } else {
        this.run([]);
      }
    } catch (error) {
      this.finish(asLaunchFailure(error).toResult());
    }
  }

  stop(signal: 'SIGTERM' | 'SIGKILL'): void {
    if (this.finished) return;
    this.stopRequested = true;
    const client = this.client;
    if (!client) {
      this.finish({ reason: `Stopped by ${signal} before the container started` });
      return;
    }
    this.options.docker.kill(this.containerName, signal, (killed) => {
      // No container yet (still pulling or creating): stop the client instead.
      if (!killed) client.signalGroup(signal);
    });
    if (signal === 'SIGTERM' && !this.graceTimer) {
      this.graceTimer = this.sink.after(this.options.stopGracePeriodMs, () => this.stop('SIGKILL'));
    }
  }

  private run(gpuIds: string[]): void {
    if (this.finished) return;
    this.pinnedGpus = gpuIds;
    if (!this.network) {
      this.runIn(undefined);
      return;
    }
    this.network((holder, error) => {
      if (this.finished) return; // stopped while the holder was being created
      if (holder === undefined) this.finish(new LaunchFailure(error ?? 'cannot create the task\'s network holder').toResult());
      else this.runIn(holder);
    });
  }

  private runIn(networkHolder: string | undefined): void {
    try {
      const container = this.launch.container;
      const mounts = resolveMounts(container, this.workspace);
      const secrets = resolveSecrets(container.secrets, this.options.secretValues);
      this.redactor = new LogRedactor(Object.values(secrets));
      const command = dockerRunCommand(this.launch, {
        containerName: this.containerName,
        mounts,
        ulimits: withEngineUlimitDefaults(readUlimits(container.ulimits), hostLimitSources()),
        gpuIds: this.pinnedGpus,
        secrets,
        allowPrivileged: this.options.allowPrivileged,
        runArguments: this.options.runArguments,
        networkHolder,
        clientEnvironment: definedOnly(process.env),
      });
      if (mounts.length > 0) this.workspace.create(mounts, undefined, true);
      this.client = new HostProcess({
        file: this.options.docker.command,
        args: command.args,
        env: command.clientEnvironment,
        onLine: (line, stream) => {
          if (stream === 'stderr') this.lastStderrLine = line;
          this.sink.log(this.redactor.active ? this.redactor.redact(line) : line);
        },
        onExit: (outcome) => this.onExit(outcome),
      });
    } catch (error) {
      this.finish(asLaunchFailure(error).toResult());
    }
  }

  private onExit(outcome: HostProcessOutcome): void {
    if (outcome.spawnError) {
      this.finish(new LaunchFailure(`docker: cannot run ${JSON.stringify(this.options.docker.command)}: ${outcome.spawnError.message}`).toResult());
      return;
    }
    if (outcome.signal !== undefined && !this.stopRequested) {
      // The client proxies catchable signals to the container; one that kills the client itself (SIGKILL,
      // an engine crash) leaves the container's fate unknown: no exit code, and the container is removed.
      this.finish({ reason: `${this.options.docker.command} run was killed by ${outcome.signal}: the container's exit code is unknown` });
      return;
    }
    const exitCode = outcome.exitCode;
    // The engine's own messages: Docker's start `docker: `, Podman's `Error: ` (e.g. `Error: runc: ... executable file not found`).
    const dockerError = /^(docker: |Error: )/.test(this.lastStderrLine ?? '');
    if (exitCode === 125 || ((exitCode === 126 || exitCode === 127) && dockerError)) {
      // 125: the daemon could not create or start the container; 126/127: the command cannot be run.
      this.finish(new LaunchFailure(this.lastStderrLine ?? `docker run exited ${exitCode}`).toResult());
      return;
    }
    if (exitCode === 137 && !this.stopRequested) {
      // SIGKILL that we did not send, with a hard memory limit always set: the cgroup's OOM killer.
      // Podman 4.3 leaves `.State.OOMKilled` false, and with --rm the container is gone to ask anyway.
      this.finish({ exitCode, reason: OUT_OF_MEMORY_REASON });
      return;
    }
    this.finish({ exitCode });
  }

  private finish(result: AttemptResult): void {
    if (this.finished) return;
    this.finished = true;
    this.graceTimer?.cancel();
    this.reservation?.cancel();
    // --rm removes a container that ran to its end; one that was stopped, or never started, may linger.
    if (this.client && (this.stopRequested || result.exitCode === undefined)) this.options.docker.remove(this.containerName);
    if (this.pinnedGpus.length > 0) this.options.gpus.release(this.pinnedGpus);
    if (!this.options.keepWorkDirectories) this.workspace.remove();
    this.sink.exited(result);
  }
}

function definedOnly(environment: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(environment)) if (value !== undefined) result[name] = value;
  return result;
}
