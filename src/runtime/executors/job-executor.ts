import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import { candidateCommands, ContainerEngine, detectEngine, noEngineMessage } from './docker/container-engine';
import { DockerCli } from './docker/docker-cli';
import { DockerExecutorProps } from './docker/docker-executor-props';
import { DockerRunner } from './docker/docker-runner';
import { discoverNvidiaGpus, GpuPool } from './isolation/gpu-pool';
import { SYSTEM_MEMORY_PROBE } from './isolation/memory-limits';
import { MemoryLimitMode, ProcessExecutorProps, SpawnHelperProgram } from './process/process-executor-props';
import { ProcessRunner } from './process/process-runner';
import { BehaviorTable } from './simulated/behavior-table';
import { SimulatedExecutorProps } from './simulated/simulated-executor-props';
import { SimulatedRunner } from './simulated/simulated-runner';
import { PodVolumeSources, resolvePodVolumeSources } from './workspace/pod-volume-sources';
import { JobRunner } from '../core/executor';

export * from './process/process-executor-props';
export * from './docker/docker-executor-props';
export * from './simulated/simulated-executor-props';

/** ECS's stop timeout, the runtime's SIGTERM-to-SIGKILL period (TIME-2). */
const DEFAULT_STOP_GRACE_PERIOD = Duration.seconds(30);

/** How the runtime creates its runner; an interface so the facade holds no function type. */
interface RunnerFactory {
  create(podVolumes: PodVolumeSources): JobRunner;
}

/**
 * How the local runtime executes job containers: simulated in virtual time, as host processes, or
 * in a container engine (Podman or Docker).
 */
export class JobExecutor {
  /**
   * Runs each job's command as a host process tree in real time (no Docker; the image is not pulled):
   * no shell, the job's environment, user, memory limit, ulimits, mounts, GPUs and a working directory
   * per attempt. See the executors guide for what is and is not like a container.
   */
  static process(props: ProcessExecutorProps = {}): JobExecutor {
    const workRoot = props.workRoot ?? defaultWorkRoot();
    const workingDirectory = props.workingDirectory === undefined ? undefined : existingDirectory('workingDirectory', props.workingDirectory);
    return new JobExecutor({
      create: (podVolumes) => new ProcessRunner({
        inheritEnvironment: props.inheritEnvironment ?? ['PATH', 'HOME', 'LANG', 'TMPDIR'],
        workRoot,
        keepWorkDirectories: props.keepWorkDirectories ?? false,
        stopGracePeriodMs: (props.stopGracePeriod ?? DEFAULT_STOP_GRACE_PERIOD).toMilliseconds(),
        memoryLimit: props.memoryLimit ?? MemoryLimitMode.AUTO,
        memoryProbe: SYSTEM_MEMORY_PROBE,
        gpus: new GpuPool(() => props.gpuIds ?? discoverNvidiaGpus()),
        images: props.images ?? {},
        secretValues: props.secretValues ?? {},
        allowPrivileged: props.allowPrivileged ?? false,
        identityPolicy: {
          runtimeIsRoot: process.getuid?.() === 0,
          defaultUser: props.defaultUser ?? 'nobody',
        },
        mapContainerPaths: props.mapContainerPaths ?? true,
        workingDirectory,
        useSpawnHelper: props.useSpawnHelper ?? true,
        spawnHelper: props.spawnHelper ?? SpawnHelperProgram.AUTO,
        podVolumes: resolvePodVolumeSources(podVolumes, workRoot),
      }),
    });
  }

  /**
   * Runs each job's image in a container engine (Podman or Docker, by `props.engine`) through its CLI.
   * Only when an engine answers `podman version` / `docker version`: creating a runtime with this
   * executor throws otherwise, naming what was tried (check first with `JobExecutor.dockerAvailable()`).
   */
  static docker(props: DockerExecutorProps = {}): JobExecutor {
    const candidates = candidateCommands(props.engine ?? ContainerEngine.AUTO, props.dockerCommand);
    return new JobExecutor({
      create: (podVolumes) => {
        const detected = detectEngine(candidates);
        if (detected.command === undefined) throw new Error(noEngineMessage(detected.probes));
        const workRoot = props.workRoot ?? defaultWorkRoot();
        return new DockerRunner({
          docker: new DockerCli(detected.command),
          workRoot,
          keepWorkDirectories: props.keepWorkDirectories ?? false,
          stopGracePeriodMs: (props.stopGracePeriod ?? DEFAULT_STOP_GRACE_PERIOD).toMilliseconds(),
          gpus: new GpuPool(() => props.gpuIds ?? discoverNvidiaGpus()),
          secretValues: props.secretValues ?? {},
          allowPrivileged: props.allowPrivileged ?? false,
          runArguments: props.runArguments ?? [],
          taskNetworkHolderImage: props.taskNetworkHolderImage,
          podVolumes: resolvePodVolumeSources(podVolumes, workRoot),
        });
      },
    });
  }

  /**
   * Whether a container engine answers: `<dockerCommand> version` when given, else Podman or Docker
   * as `engine` (default AUTO) chooses.
   */
  static dockerAvailable(dockerCommand?: string, engine?: ContainerEngine): boolean {
    return detectEngine(candidateCommands(engine ?? ContainerEngine.AUTO, dockerCommand)).command !== undefined;
  }

  /**
   * Simulates jobs in virtual time: deterministic, fast, nothing executes. Behaviours are chosen by
   * job name, then job definition, then image, then the default.
   */
  static simulated(props: SimulatedExecutorProps = {}): JobExecutor {
    return new JobExecutor({
      create: (podVolumes) => new SimulatedRunner(new BehaviorTable(props), props.seed ?? 1,
        podVolumes.kubernetesSecretsDirectory === undefined ? undefined : path.resolve(podVolumes.kubernetesSecretsDirectory)),
    });
  }

  private constructor(private readonly factory: RunnerFactory) {}

  /**
   * @param podVolumes PLAT-3: where pods' secret and persistent volume claim volumes come from (the
   *   runtime's options, not the executor's: every executor must agree on which secrets exist).
   * @internal
   */
  public _createRunner(podVolumes: PodVolumeSources = {}): JobRunner {
    if (podVolumes.kubernetesSecretsDirectory !== undefined) existingDirectory('kubernetesSecretsDirectory (--kubernetes-secrets-dir)', podVolumes.kubernetesSecretsDirectory);
    return this.factory.create(podVolumes);
  }
}

/** The directory's absolute path; an error naming the option when it is not an existing directory. */
function existingDirectory(option: string, directory: string): string {
  const absolute = path.resolve(directory);
  if (!fs.existsSync(absolute) || !fs.statSync(absolute).isDirectory()) {
    throw new Error(`${option}: ${JSON.stringify(directory)} is not an existing directory (${absolute})`);
  }
  return absolute;
}

function defaultWorkRoot(): string {
  return path.join(os.tmpdir(), 'cdk-batch-kit');
}
