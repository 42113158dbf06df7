import { JobBehavior } from './job-behavior';
import { AttemptHandle, AttemptSink, ContainerLaunch, JobRunner } from '../core/executor';

/** Picks the behaviour of a launch. */
export interface BehaviorSelector {
  behaviorFor(launch: ContainerLaunch): JobBehavior;
}

/**
 * Runs containers in virtual time: nothing executes; the behaviour decides the log lines, the
 * duration and the exit code. Signals end the container at once with 128 + signal number.
 */
export class SimulatedRunner implements JobRunner {
  readonly realTime = false;

  constructor(private readonly selector: BehaviorSelector) {}

  start(launch: ContainerLaunch, sink: AttemptSink): AttemptHandle {
    const behavior = this.selector.behaviorFor(launch);
    for (const line of behavior._logLines) sink.log(line);
    const exit = sink.after(behavior._durationMs, () => sink.exited({ exitCode: behavior._exitCode, reason: behavior._reason }));
    return {
      stop: (signal) => {
        exit.cancel();
        sink.exited({ exitCode: signal === 'SIGKILL' ? 137 : 143 });
      },
    };
  }
}
