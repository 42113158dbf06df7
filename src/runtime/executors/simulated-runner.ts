import { JobBehavior } from './job-behavior';
import { JobBehaviorContext } from './job-behavior-handler';
import { ResolvedBehavior } from './resolved-behavior';
import { SeededRandom } from './seeded-random';
import { exitCodeForSignal } from './signals';
import { AttemptHandle, AttemptSink, ContainerLaunch, JobRunner } from '../core/executor';

/** Picks the behaviour of a launch. */
export interface BehaviorSelector {
  behaviorFor(launch: ContainerLaunch): JobBehavior;
}

/**
 * Runs containers in virtual time: nothing executes; the behaviour decides the log lines, the
 * duration and the exit code. SIGTERM ends the container at once with 143 unless the behaviour
 * ignores it; SIGKILL always ends it with 137 (TIME-2, LIFE-7).
 */
export class SimulatedRunner implements JobRunner {
  readonly realTime = false;
  private readonly random: SeededRandom;

  constructor(private readonly selector: BehaviorSelector, seed: number = 1) {
    this.random = new SeededRandom(seed);
  }

  start(launch: ContainerLaunch, sink: AttemptSink): AttemptHandle {
    let behavior: ResolvedBehavior;
    try {
      behavior = this.selector.behaviorFor(launch)._resolve(launch.attempt, () => contextOf(launch, this.random.next()), this.random);
    } catch (error) {
      // A custom handler's bug must not stop the whole simulation: the attempt fails and says why.
      const message = error instanceof Error ? error.message : String(error);
      sink.exited({ reason: `CannotStartContainerError: ${message}`, statusReason: `Task failed to start: ${message}` });
      return { stop: () => undefined };
    }
    for (const line of behavior.logLines) sink.log(line);
    const exit = sink.after(behavior.durationMs, () => sink.exited({ exitCode: behavior.exitCode, reason: behavior.reason }));
    return {
      stop: (signal) => {
        if (signal === 'SIGTERM' && behavior.ignoresSigterm) return;
        exit.cancel();
        sink.exited({ exitCode: exitCodeForSignal(signal) });
      },
    };
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
