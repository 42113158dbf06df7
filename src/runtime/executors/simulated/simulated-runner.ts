import { JobBehavior } from './job-behavior';
import { JobBehaviorContext } from './job-behavior-handler';
import { BehaviorContextSource, ResolvedBehavior } from './resolved-behavior';
import { SeededRandom } from './seeded-random';
import { Cancellable } from '../../core/event-loop';
import { AttemptHandle, AttemptResult, AttemptSink, ContainerLaunch, JobRunner, ResumedAttempt } from '../../core/executor';
import { ResourceRegistry } from '../../core/model/resource-registry';
import { asLaunchFailure } from '../common/launch-failure';
import { exitCodeForSignal } from '../common/signals';
import { checkSecretVolumes } from '../workspace/pod-volume-sources';

/** Picks the behaviour of a launch. */
export interface BehaviorSelector {
  behaviorFor(launch: ContainerLaunch): JobBehavior;
  /** See JobRunner.bindRegistry. */
  bindRegistry?(registry: ResourceRegistry): string[];
  /** See JobRunner.finalWarnings. */
  unusedJobNameWarnings?(): string[];
}

/**
 * Runs containers in virtual time: nothing executes; the behaviour decides the log lines, the
 * duration and the exit code. SIGTERM ends the container at once with 143 unless the behaviour
 * ignores it; SIGKILL always ends it with 137 (TIME-2, LIFE-7).
 */
export class SimulatedRunner implements JobRunner {
  readonly realTime = false;
  private readonly random: SeededRandom;

  /**
   * @param kubernetesSecretsDirectory PLAT-3: where pods' secrets are looked for, as the real executors
   *   look: a pod whose required secret is missing fails here too, so a plan agrees with a real run.
   */
  constructor(private readonly selector: BehaviorSelector, seed: number = 1, private readonly kubernetesSecretsDirectory?: string) {
    this.random = new SeededRandom(seed);
  }

  bindRegistry(registry: ResourceRegistry): string[] {
    return this.selector.bindRegistry?.(registry) ?? [];
  }

  finalWarnings(): string[] {
    return this.selector.unusedJobNameWarnings?.() ?? [];
  }

  start(launch: ContainerLaunch, sink: AttemptSink): AttemptHandle {
    // Only pods have secret volumes: other launches never look at the file system.
    const volumes = launch.containerName !== undefined ? launch.container.volumes : undefined;
    if (volumes !== undefined) {
      try {
        checkSecretVolumes(volumes, this.kubernetesSecretsDirectory);
      } catch (error) {
        sink.exited(asLaunchFailure(error).toResult());
        return { stop: () => undefined };
      }
    }
    const attempt = new SimulatedAttempt(launch, sink, this.random);
    let behavior: ResolvedBehavior;
    try {
      behavior = this.selector.behaviorFor(launch)._resolve(launch.attempt, attempt, this.random);
    } catch (error) {
      // A custom handler's bug must not stop the whole simulation: the attempt fails and says why.
      const message = error instanceof Error ? error.message : String(error);
      sink.exited({ reason: `CannotStartContainerError: ${message}`, statusReason: `Task failed to start: ${message}` });
      return { stop: () => undefined };
    }
    attempt.play(behavior);
    return attempt;
  }

  /** Checkpoints: where the seeded random sequence is (jitter, custom behaviours' `random`). */
  checkpointState(): unknown {
    return this.random.position;
  }

  restoreState(state: unknown): void {
    this.random.restorePosition(state as number);
  }

  /** Checkpoints: what a running simulated attempt still has to do (its end); its timer is the loop's event. */
  saveAttempt(handle: AttemptHandle): unknown {
    return handle instanceof SimulatedAttempt ? handle.saved() : undefined;
  }

  resumeAttempt(launch: ContainerLaunch, sink: AttemptSink, saved: unknown): ResumedAttempt {
    const attempt = new SimulatedAttempt(launch, sink, this.random);
    attempt.resume(saved as SavedSimulatedAttempt);
    return attempt;
  }
}

/** A running simulated attempt as a checkpoint keeps it: how it ends, and whether SIGTERM ends it. */
interface SavedSimulatedAttempt {
  readonly result: AttemptResult;
  readonly ignoresSigterm: boolean;
}

/**
 * One simulated attempt: it is its own handle. One object and one timer closure per attempt,
 * rather than a handful of closures: a million-job simulation runs a million of these.
 */
class SimulatedAttempt implements ResumedAttempt, BehaviorContextSource {
  private behavior?: Pick<ResolvedBehavior, 'result' | 'ignoresSigterm'>;
  private exit?: Cancellable;

  constructor(private readonly launch: ContainerLaunch, private readonly sink: AttemptSink, private readonly random: SeededRandom) {}

  /** The handler's context, built only when a behaviour asks for it. */
  context(): JobBehaviorContext {
    return contextOf(this.launch, this.random.next());
  }

  play(behavior: ResolvedBehavior): void {
    this.behavior = behavior;
    for (const line of behavior.logLines) this.sink.log(line);
    this.exit = this.sink.after(behavior.durationMs, () => this.sink.exited(behavior.result));
  }

  saved(): SavedSimulatedAttempt | undefined {
    const behavior = this.behavior;
    return behavior && { result: behavior.result, ignoresSigterm: behavior.ignoresSigterm };
  }

  resume(saved: SavedSimulatedAttempt): void {
    this.behavior = saved;
  }

  /** The exit armed by `play`, re-armed at its saved time and sequence (when it was still pending). */
  resumeTimer(rearm: (action: () => void) => Cancellable): void {
    const result = this.behavior!.result;
    this.exit = rearm(() => this.sink.exited(result));
  }

  stop(signal: 'SIGTERM' | 'SIGKILL'): void {
    if (signal === 'SIGTERM' && this.behavior?.ignoresSigterm) return;
    this.exit?.cancel();
    this.sink.exited({ exitCode: exitCodeForSignal(signal) });
  }
}

/**
 * The handler's view of a launch. Command and environment are copied only when a custom handler reads
 * them: most simulated jobs use fixed behaviours, and a million-job run should not build a million
 * environments nobody looks at.
 */
function contextOf(launch: ContainerLaunch, random: number): JobBehaviorContext {
  let command: string[] | undefined;
  let environment: Record<string, string> | undefined;
  return {
    jobId: launch.jobId,
    jobName: launch.jobName,
    attempt: launch.attempt,
    jobDefinitionName: launch.jobDefinitionName,
    image: launch.image,
    get command() {
      return command ??= [...launch.command];
    },
    get environment() {
      return environment ??= { ...launch.environment };
    },
    vcpus: launch.vcpus,
    memoryMiB: launch.memoryMiB,
    gpus: launch.gpus,
    random,
  };
}
