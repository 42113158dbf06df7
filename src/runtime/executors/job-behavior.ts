import { Duration } from 'aws-cdk-lib';

/** Options of a succeeding simulated job. */
export interface SucceedBehaviorOptions {
  /** How long the container runs (virtual time). @default Duration.seconds(1) */
  readonly duration?: Duration;
  /** Lines the container writes to its log. @default - none */
  readonly logLines?: string[];
}

/** Options of a failing simulated job. */
export interface FailBehaviorOptions {
  /** The container's exit code. @default 1 */
  readonly exitCode?: number;
  /** How long the container runs before failing (virtual time). @default Duration.seconds(1) */
  readonly duration?: Duration;
  /** The container's `reason`. @default - none */
  readonly reason?: string;
  /** Lines the container writes to its log. @default - none */
  readonly logLines?: string[];
}

/**
 * What a simulated job's container does in virtual time.
 */
export class JobBehavior {
  /** The container runs for `duration` and exits 0. */
  static succeed(options: SucceedBehaviorOptions = {}): JobBehavior {
    return new JobBehavior(0, (options.duration ?? Duration.seconds(1)).toMilliseconds(), options.logLines ?? []);
  }

  /** The container runs for `duration` and exits non-zero. */
  static fail(options: FailBehaviorOptions = {}): JobBehavior {
    const exitCode = options.exitCode ?? 1;
    if (exitCode === 0) throw new Error('JobBehavior.fail: exitCode must not be 0; use JobBehavior.succeed');
    return new JobBehavior(exitCode, (options.duration ?? Duration.seconds(1)).toMilliseconds(), options.logLines ?? [], options.reason);
  }

  private constructor(
    /** @internal */ readonly _exitCode: number,
    /** @internal */ readonly _durationMs: number,
    /** @internal */ readonly _logLines: string[],
    /** @internal */ readonly _reason?: string,
  ) {}
}
