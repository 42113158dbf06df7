import { Duration } from 'aws-cdk-lib';
import { IJobBehaviorHandler, JobBehaviorResult } from './job-behavior-handler';
import { BehaviorContextSource, ResolvedBehavior, resolvedBehavior } from './resolved-behavior';
import { SeededRandom } from './seeded-random';

export * from './job-behavior-handler';

/** Options of a succeeding simulated job. */
export interface SucceedBehaviorOptions {
  /** How long the container runs (virtual time). @default Duration.seconds(1) */
  readonly duration?: Duration;
  /**
   * Spread of the duration: each attempt runs `duration ± jitter`, drawn uniformly from the
   * executor's seeded generator (`SimulatedExecutorProps.seed`), never below zero.
   * @default - no jitter
   */
  readonly jitter?: Duration;
  /** Lines the container writes to its log. @default - none */
  readonly logLines?: string[];
  /** Whether the container ignores SIGTERM, so only the SIGKILL after the grace period stops it (TIME-2). @default false */
  readonly ignoresSigterm?: boolean;
}

/** Options of a failing simulated job. */
export interface FailBehaviorOptions {
  /** The container's exit code, 1..255. @default 1 */
  readonly exitCode?: number;
  /** How long the container runs before failing (virtual time). @default Duration.seconds(1) */
  readonly duration?: Duration;
  /** Spread of the duration, as in `SucceedBehaviorOptions.jitter`. @default - no jitter */
  readonly jitter?: Duration;
  /** The container's `reason`. @default - none */
  readonly reason?: string;
  /** Lines the container writes to its log. @default - none */
  readonly logLines?: string[];
  /** Whether the container ignores SIGTERM, so only the SIGKILL after the grace period stops it (TIME-2). @default false */
  readonly ignoresSigterm?: boolean;
}

/**
 * A behaviour's plan, one implementation per factory. The handler context is built only on demand
 * (`source.context()`): fixed behaviours never need it, and building it for each of a million
 * simulated jobs dominated the simulation's time.
 */
interface BehaviorPlan {
  resolve(attempt: number, source: BehaviorContextSource, random: SeededRandom): ResolvedBehavior;
}

const DEFAULT_DURATION = Duration.seconds(1);

/**
 * What a simulated job's container does in virtual time: succeed or fail after a duration, behave
 * differently per attempt, or let your own handler decide from the job's command and environment.
 */
export class JobBehavior {
  /** The container runs for `duration` (± `jitter`) and exits 0. */
  static succeed(options: SucceedBehaviorOptions = {}): JobBehavior {
    const duration = options.duration ?? DEFAULT_DURATION;
    return new JobBehavior(new FixedPlan(0, duration, options.jitter, options.logLines ?? [], undefined, options.ignoresSigterm ?? false));
  }

  /** The container runs for `duration` (± `jitter`) and exits with a non-zero `exitCode`. */
  static fail(options: FailBehaviorOptions = {}): JobBehavior {
    const exitCode = options.exitCode ?? 1;
    if (!Number.isInteger(exitCode) || exitCode < 1 || exitCode > 255) {
      throw new Error(`JobBehavior.fail: exitCode ${exitCode} must be an integer from 1 to 255 (use JobBehavior.succeed for 0)`);
    }
    const { duration = DEFAULT_DURATION, jitter, logLines = [], reason, ignoresSigterm = false } = options;
    return new JobBehavior(new FixedPlan(exitCode, duration, jitter, logLines, reason, ignoresSigterm));
  }

  /**
   * Attempt n behaves as `behaviors[n - 1]`; attempts beyond the list repeat its last entry.
   * E.g. `perAttempt([fail(), succeed()])` fails once and then succeeds (RETRY-3).
   */
  static perAttempt(behaviors: JobBehavior[]): JobBehavior {
    if (behaviors.length === 0) {
      throw new Error('JobBehavior.perAttempt: behaviors has 0 entries; give at least 1');
    }
    return new JobBehavior(new PerAttemptPlan(behaviors.map((b) => b.plan)));
  }

  /** Your handler decides each attempt from the job's command, environment and attempt number. */
  static custom(handler: IJobBehaviorHandler): JobBehavior {
    return new JobBehavior(new CustomPlan(handler));
  }

  private constructor(private readonly plan: BehaviorPlan) {}

  /** @internal decides one attempt */
  public _resolve(attempt: number, source: BehaviorContextSource, random: SeededRandom): ResolvedBehavior {
    return this.plan.resolve(attempt, source, random);
  }
}

class FixedPlan implements BehaviorPlan {
  private readonly durationMs: number;
  private readonly jitterMs: number;
  /** Without jitter every resolution is the same (read-only) object. */
  private fixed?: ResolvedBehavior;

  constructor(
    private readonly exitCode: number,
    duration: Duration,
    jitter: Duration | undefined,
    private readonly logLines: readonly string[],
    private readonly reason: string | undefined,
    private readonly ignoresSigterm: boolean,
  ) {
    this.durationMs = duration.toMilliseconds();
    this.jitterMs = jitter?.toMilliseconds() ?? 0;
  }

  resolve(_attempt: number, _source: BehaviorContextSource, random: SeededRandom): ResolvedBehavior {
    if (this.jitterMs === 0) return this.fixed ??= this.withDuration(this.durationMs);
    return this.withDuration(Math.max(0, Math.round(this.durationMs + (random.next() * 2 - 1) * this.jitterMs)));
  }

  private withDuration(durationMs: number): ResolvedBehavior {
    return resolvedBehavior(this.exitCode, durationMs, this.logLines, this.reason, this.ignoresSigterm);
  }
}

class PerAttemptPlan implements BehaviorPlan {
  constructor(private readonly plans: readonly BehaviorPlan[]) {}

  resolve(attempt: number, source: BehaviorContextSource, random: SeededRandom): ResolvedBehavior {
    const index = Math.min(Math.max(attempt, 1), this.plans.length) - 1;
    return this.plans[index].resolve(attempt, source, random);
  }
}

class CustomPlan implements BehaviorPlan {
  constructor(private readonly handler: IJobBehaviorHandler) {}

  resolve(_attempt: number, source: BehaviorContextSource): ResolvedBehavior {
    return validateResult(this.handler.run(source.context()));
  }
}

/** A handler's result, checked: a bad value is the handler's bug and is named as such. */
function validateResult(result: JobBehaviorResult): ResolvedBehavior {
  if (!result || typeof result !== 'object') {
    throw new Error(`JobBehavior.custom: the handler returned ${String(result)}, expected a JobBehaviorResult`);
  }
  const { exitCode } = result;
  if (!Number.isInteger(exitCode) || exitCode < 0 || exitCode > 255) {
    throw new Error(`JobBehavior.custom: exitCode ${exitCode} must be an integer from 0 to 255`);
  }
  const durationMs = (result.duration ?? DEFAULT_DURATION).toMilliseconds();
  return resolvedBehavior(exitCode, durationMs, result.logLines ?? [], result.reason, result.ignoresSigterm ?? false);
}
