import { JobBehaviorContext } from './job-behavior-handler';
import { AttemptResult } from '../../core/executor';

/** One simulated attempt once its behaviour has decided it: what the simulated runner plays. Internal. */
export interface ResolvedBehavior {
  readonly durationMs: number;
  readonly logLines: readonly string[];
  readonly ignoresSigterm: boolean;
  /** The exit code and reason at the attempt's natural end, built once (a fixed behaviour shares it across attempts). */
  readonly result: AttemptResult;
}

export function resolvedBehavior(
  exitCode: number, durationMs: number, logLines: readonly string[], reason: string | undefined, ignoresSigterm: boolean,
): ResolvedBehavior {
  return { durationMs, logLines, ignoresSigterm, result: { exitCode, reason } };
}

/** Gives a behaviour the handler's view of the launch, built only when asked for. Internal. */
export interface BehaviorContextSource {
  context(): JobBehaviorContext;
}
