import { Duration } from 'aws-cdk-lib';
import { IJobBehaviorHandler, JobBehavior, JobBehaviorContext, JobBehaviorResult } from '../../../../src';
import { BehaviorContextSource } from '../../../../src/runtime/executors/simulated/resolved-behavior';
import { SeededRandom } from '../../../../src/runtime/executors/simulated/seeded-random';

function context(overrides: Partial<JobBehaviorContext> = {}): JobBehaviorContext {
  return {
    jobId: 'job-1',
    jobName: 'name',
    attempt: 1,
    jobDefinitionName: 'definition',
    command: ['run', 'it'],
    environment: { AWS_BATCH_JOB_ATTEMPT: '1' },
    vcpus: 1,
    memoryMiB: 512,
    gpus: 0,
    random: 0.5,
    ...overrides,
  };
}


/** The attempt and a lazy context source, as the simulated runner passes them. */
function lazy(ctx: JobBehaviorContext): [number, BehaviorContextSource] {
  return [ctx.attempt, { context: () => ctx }];
}

describe('JobBehavior', () => {
  test('LIFE-2: succeed exits 0 after its duration with its log lines', () => {
    // WHEN
    const resolved = JobBehavior.succeed({ duration: Duration.minutes(2), logLines: ['a', 'b'] })._resolve(...lazy(context()), new SeededRandom(1));
    // THEN
    expect(resolved).toEqual({
      durationMs: 120_000, logLines: ['a', 'b'], ignoresSigterm: false, result: { exitCode: 0, reason: undefined },
    });
  });

  test('LIFE-2: fail exits with its code and reason; defaults to 1 after one second', () => {
    expect(JobBehavior.fail({ exitCode: 7, reason: 'broken' })._resolve(...lazy(context()), new SeededRandom(1)))
      .toMatchObject({ durationMs: 1000, result: { exitCode: 7, reason: 'broken' } });
    expect(JobBehavior.fail()._resolve(...lazy(context()), new SeededRandom(1))).toMatchObject({ durationMs: 1000, result: { exitCode: 1 } });
  });

  test.each([0, -1, 256, 1.5])('LIFE-2: fail rejects exit code %p, naming the field and the range', (exitCode) => {
    expect(() => JobBehavior.fail({ exitCode })).toThrow(`exitCode ${exitCode} must be an integer from 1 to 255`);
  });

  test('jitter spreads durations over duration ± jitter, reproducibly for a seed', () => {
    // GIVEN
    const behavior = JobBehavior.succeed({ duration: Duration.seconds(10), jitter: Duration.seconds(4) });
    const draw = (seed: number): number[] => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 200 }, () => behavior._resolve(...lazy(context()), random).durationMs);
    };
    // WHEN
    const durations = draw(3);
    // THEN
    expect(durations.every((d) => d >= 6000 && d <= 14_000)).toBe(true);
    expect(new Set(durations).size).toBeGreaterThan(100);
    expect(draw(3)).toEqual(durations);
  });

  test('jitter never makes a duration negative', () => {
    const behavior = JobBehavior.fail({ duration: Duration.seconds(1), jitter: Duration.seconds(5) });
    const random = new SeededRandom(9);
    const durations = Array.from({ length: 200 }, () => behavior._resolve(...lazy(context()), random).durationMs);
    expect(Math.min(...durations)).toBe(0);
  });

  test('RETRY-3: perAttempt plays attempt n as entry n, and repeats the last entry', () => {
    // GIVEN
    const behavior = JobBehavior.perAttempt([JobBehavior.fail({ exitCode: 3 }), JobBehavior.succeed()]);
    // WHEN
    const exitCodes = [1, 2, 3].map((attempt) => behavior._resolve(...lazy(context({ attempt })), new SeededRandom(1)).result.exitCode);
    // THEN
    expect(exitCodes).toEqual([3, 0, 0]);
  });

  test('perAttempt needs at least one behaviour', () => {
    expect(() => JobBehavior.perAttempt([])).toThrow('behaviors has 0 entries; give at least 1');
  });

  test('ENV-2, PARAM-1: a custom handler decides from the command and environment it is given', () => {
    // GIVEN
    const seen: JobBehaviorContext[] = [];
    const handler: IJobBehaviorHandler = {
      run(ctx: JobBehaviorContext): JobBehaviorResult {
        seen.push(ctx);
        return { exitCode: ctx.command[1] === 'it' ? 4 : 0, duration: Duration.seconds(3), logLines: [ctx.environment.AWS_BATCH_JOB_ATTEMPT], ignoresSigterm: true };
      },
    };
    // WHEN
    const resolved = JobBehavior.custom(handler)._resolve(...lazy(context()), new SeededRandom(1));
    // THEN
    expect(resolved).toEqual({ durationMs: 3000, logLines: ['1'], ignoresSigterm: true, result: { exitCode: 4, reason: undefined } });
    expect(seen[0].command).toEqual(['run', 'it']);
  });

  test('a custom handler returning a bad exit code is reported as the handler\'s bug', () => {
    const handler: IJobBehaviorHandler = { run: () => ({ exitCode: 300 }) };
    expect(() => JobBehavior.custom(handler)._resolve(...lazy(context()), new SeededRandom(1))).toThrow('JobBehavior.custom: exitCode 300 must be an integer from 0 to 255');
  });
});
