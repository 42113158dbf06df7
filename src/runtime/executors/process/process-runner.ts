import * as fs from 'fs';
import * as os from 'os';
import { ProcessAttempt, ProcessAttemptContext } from './process-attempt';
import { MemoryLimitMode, SpawnHelperProgram } from './process-executor-props';
import { planProcessLaunch, ProcessLaunchPlan, ProcessLaunchSettings } from './process-launch-plan';
import { DirectLauncher } from './process-launcher';
import { RlimitHelperPools } from './rlimit-helper-pools';
import { SpawnHelperPool } from './spawn-helper-pool';
import { chooseHelperProgram, HelperProgram } from './spawn-helper-program';
import { AttemptHandle, AttemptSink, ContainerLaunch, JobRunner } from '../../core/executor';
import { asLaunchFailure } from '../common/launch-failure';
import { GpuPool } from '../isolation/gpu-pool';
import { chooseMemoryMechanism, findOnPath, MemoryMechanism, MemoryProbe } from '../isolation/memory-limits';
import { AttemptWorkspace } from '../workspace/attempt-workspace';
import { safePathSegment } from '../workspace/container-mounts';
import { ResolvedPodVolumeSources } from '../workspace/pod-volume-sources';

/** Options of the process runner (the executor's props with their defaults applied). */
export interface ProcessRunnerOptions extends ProcessLaunchSettings {
  readonly workRoot: string;
  readonly keepWorkDirectories: boolean;
  readonly stopGracePeriodMs: number;
  readonly memoryLimit: MemoryLimitMode;
  readonly memoryProbe: MemoryProbe;
  readonly gpus: GpuPool;
  /** PLAT-3: where pod secret and persistent volume claim volumes come from. @default - no secrets; claims under `<workRoot>/persistent-volumes` */
  readonly podVolumes?: ResolvedPodVolumeSources;
  /** Start job processes through the spawn helper rather than from the runtime's process. */
  readonly useSpawnHelper: boolean;
  /** Which helper program, with `useSpawnHelper`. */
  readonly spawnHelper: SpawnHelperProgram;
}

/**
 * Runs a job's container as a host process tree: argv without a shell (a parameter value can never
 * add arguments), its own process group, working directory and mount directories per attempt, the
 * job's environment, user, ulimits, memory limit and GPUs, log lines as they are written, and the
 * exit code as the attempt's result. The image is not pulled: the command runs on the host.
 */
export class ProcessRunner implements JobRunner {
  readonly realTime = true;

  /** The core waits this long after SIGTERM before SIGKILL (TIME-2). */
  get stopGracePeriodMs(): number {
    return this.options.stopGracePeriodMs;
  }
  private context?: ProcessAttemptContext;

  constructor(private readonly options: ProcessRunnerOptions) {}

  start(launch: ContainerLaunch, sink: AttemptSink): AttemptHandle {
    const workspace = new AttemptWorkspace(this.options.workRoot, launch.jobId, launch.attempt, launch.containerName, this.options.podVolumes);
    let plan: ProcessLaunchPlan;
    let context: ProcessAttemptContext;
    try {
      plan = planProcessLaunch(launch, workspace, this.options);
      context = this.attemptContext();
    } catch (error) {
      sink.exited(asLaunchFailure(error).toResult());
      return { stop: () => undefined };
    }
    const attempt = new ProcessAttempt(plan, workspace, sink, context, `${safePathSegment(launch.jobId)}-${launch.attempt}${launch.containerName === undefined ? '' : `-${safePathSegment(launch.containerName)}`}`);
    attempt.begin();
    return attempt;
  }

  /** PLAT-3: the pod attempt's emptyDir directories go once its last container has ended. */
  taskEnded(jobId: string, attempt: number): void {
    if (!this.options.keepWorkDirectories) AttemptWorkspace.removePodDirectory(this.options.workRoot, jobId, attempt);
  }

  /** Probed at the first launch, once: a per-job probe would cost more than a short job. */
  private attemptContext(): ProcessAttemptContext {
    if (!this.context) {
      const memory: MemoryMechanism = chooseMemoryMechanism(this.options.memoryLimit, this.options.memoryProbe);
      const program: HelperProgram | undefined = this.options.useSpawnHelper
        ? chooseHelperProgram(this.options.spawnHelper)
        : undefined;
      this.context = {
        memory,
        launcher: program
          ? new SpawnHelperPool(spawnHelperCount(), program)
          : new DirectLauncher((procsFile, pid) => fs.writeFileSync(procsFile, String(pid))),
        inheritedLimits: program && memory.kind === 'rlimit' && memory.resource === 'data'
          ? new RlimitHelperPools({ prlimit: memory.prlimit, helpersPerLimit: spawnHelperCount(), program })
          : undefined,
        prlimit: memory.kind === 'rlimit' ? memory.prlimit : findOnPath('prlimit'),
        gpus: this.options.gpus,
        stopGracePeriodMs: this.options.stopGracePeriodMs,
        keepWorkDirectories: this.options.keepWorkDirectories,
      };
    }
    return this.context;
  }
}

/** One spawn helper per CPU (at most 4): more than the CPUs cannot fork in parallel anyway. */
function spawnHelperCount(): number {
  return Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
}
