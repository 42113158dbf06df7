import { Duration } from 'aws-cdk-lib';
import { DurationDistribution, WorkloadBehavior } from './workload';
import { IJobBehaviorHandler, JobBehavior, JobBehaviorResult } from '../executors/simulated/job-behavior';
import { SeededRandom } from '../executors/simulated/seeded-random';

/**
 * The simulated executor's behaviour for a workload's behaviour entry. A fixed duration without
 * failures is `JobBehavior.succeed` (the executor's fast path, no per-attempt context); drawn
 * durations and failure rates are a custom handler drawing from the workload's seeded generator.
 */
export function jobBehaviorOf(behavior: WorkloadBehavior, random: SeededRandom): JobBehavior {
  const failureRate = behavior.failureRate ?? (behavior.exitCode !== undefined ? 1 : 0);
  const exitCode = behavior.exitCode ?? 1;
  if (behavior.duration === undefined) {
    const duration = Duration.millis(Math.round((behavior.durationSeconds ?? 1) * 1000));
    if (failureRate === 0) return JobBehavior.succeed({ duration });
    if (failureRate === 1) return JobBehavior.fail({ duration, exitCode });
  }
  return JobBehavior.custom(new DrawnBehavior(behavior, failureRate, exitCode, random));
}

class DrawnBehavior implements IJobBehaviorHandler {
  constructor(
    private readonly behavior: WorkloadBehavior,
    private readonly failureRate: number,
    private readonly exitCode: number,
    private readonly random: SeededRandom,
  ) {}

  run(): JobBehaviorResult {
    const seconds = this.behavior.duration ? drawSeconds(this.behavior.duration, this.random) : this.behavior.durationSeconds ?? 1;
    const fails = this.failureRate > 0 && this.random.next() < this.failureRate;
    return { exitCode: fails ? this.exitCode : 0, duration: Duration.millis(Math.max(0, Math.round(seconds * 1000))) };
  }
}

/** One draw, in seconds (may be negative for a wide normal; the caller clamps at 0). */
export function drawSeconds(d: DurationDistribution, random: SeededRandom): number {
  switch (d.distribution) {
    case 'uniform':
      return d.minSeconds! + random.next() * (d.maxSeconds! - d.minSeconds!);
    case 'normal':
      return d.meanSeconds! + d.stddevSeconds! * standardNormal(random);
    case 'lognormal':
      return d.medianSeconds! * Math.exp(d.sigma! * standardNormal(random));
  }
}

/** Box-Muller; 1 - next() is in (0, 1], so the log is finite. */
function standardNormal(random: SeededRandom): number {
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
