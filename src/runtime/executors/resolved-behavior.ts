import { JobBehaviorContext } from './job-behavior-handler';
import { AttemptResult } from '../core/executor';

/** One simulated attempt once its behaviour has decided it: what the simulated runner plays. Internal. */
export interface ResolvedBehavior {
  readonly exitCode: number;
  readonly durationMs: number;
  readonly logLines: readonly string[];
  readonly reason?: string;
  readonly ignoresSigterm: boolean;
  /** The attempt's result at its natural end, built once (a fixed behaviour shares it across attempts). */
  readonly result: AttemptResult;
}

export function resolvedBehavior(
  exitCode: number, durationMs: number, logLines: readonly string[], reason: string | undefined, ignoresSigterm: boolean,
): ResolvedBehavior {
  return { exitCode, durationMs, logLines, reason, ignoresSigterm, result: { exitCode, reason } };
}

/** Gives a behaviour the handler's view of the launch, built only when asked for. Internal. */
export interface BehaviorContextSource {
  context(): JobBehaviorContext;
}
