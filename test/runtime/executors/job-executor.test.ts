import { Duration } from 'aws-cdk-lib';
import { conformanceTemplate } from './conformance';
import { JobBehavior, JobExecutor, LocalBatchRuntime } from '../../../src';

function runtimeWith(executor: JobExecutor): LocalBatchRuntime {
  return LocalBatchRuntime.fromTemplate(conformanceTemplate(), { executor });
}

async function exitCodeOf(runtime: LocalBatchRuntime, jobName: string, definition: string = 'Probe'): Promise<number | undefined> {
  const { jobId } = runtime.submitJob({ jobName, jobQueue: runtime.resourceArn('Queue'), jobDefinition: runtime.resourceArn(definition) });
  return (await runtime.waitForJob(jobId)).container?.exitCode;
}

describe('JobExecutor.simulated', () => {
  test('LIFE-2: behaviours are chosen by job name, then job definition, then image, then the default', async () => {
    // GIVEN
    const definitionName = runtimeWith(JobExecutor.simulated()).resourceArn('Retrying').split('/').pop()!.split(':')[0];
    const runtime = runtimeWith(JobExecutor.simulated({
      defaultBehavior: JobBehavior.fail({ exitCode: 1 }),
      byImage: { 'conformance/probe:1': JobBehavior.fail({ exitCode: 4 }) },
      byJobDefinition: { [definitionName]: JobBehavior.fail({ exitCode: 3 }) },
      byJobName: { named: JobBehavior.fail({ exitCode: 2 }) },
    }));
    // WHEN / THEN
    expect(await exitCodeOf(runtime, 'named', 'Retrying')).toBe(2);
    expect(await exitCodeOf(runtime, 'other', 'Retrying')).toBe(3);
    expect(await exitCodeOf(runtime, 'other', 'Probe')).toBe(4);
  });

  test('the default behaviour is JobBehavior.succeed()', async () => {
    expect(await exitCodeOf(runtimeWith(JobExecutor.simulated()), 'anything')).toBe(0);
  });

  test('the seed makes jittered durations reproducible, and another seed changes them', async () => {
    // GIVEN
    const stoppedAt = async (seed: number): Promise<number[]> => {
      const defaultBehavior = JobBehavior.succeed({ duration: Duration.minutes(10), jitter: Duration.minutes(5) });
      const runtime = runtimeWith(JobExecutor.simulated({ seed, defaultBehavior }));
      const ids = [1, 2, 3].map((i) => runtime.submitJob({ jobName: `j${i}`, jobQueue: runtime.resourceArn('Queue'), jobDefinition: runtime.resourceArn('Probe') }).jobId);
      runtime.runUntilIdle();
      return ids.map((id) => runtime.describeJob(id)).map((job) => job.stoppedAt! - job.startedAt!);
    };
    // WHEN
    const first = await stoppedAt(5);
    // THEN
    expect(await stoppedAt(5)).toEqual(first);
    expect(await stoppedAt(6)).not.toEqual(first);
    expect(first.every((d) => d >= 5 * 60_000 && d <= 15 * 60_000)).toBe(true);
  });
});

describe('JobExecutor.process', () => {
  test('runs in real time (the runtime then has no virtual clock to advance)', () => {
    const runtime = runtimeWith(JobExecutor.process());
    expect(() => runtime.runUntilIdle()).toThrow('needs virtual time');
    runtime.dispose();
  });
});
