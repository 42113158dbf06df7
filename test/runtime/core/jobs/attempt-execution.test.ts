import { Duration } from 'aws-cdk-lib';
import { BatchBackend } from '../../../../src/runtime/core/backend';
import { VirtualClock } from '../../../../src/runtime/core/clock';
import { AttemptSink, ContainerLaunch, JobRunner } from '../../../../src/runtime/core/executor';
import { SeededIdGenerator } from '../../../../src/runtime/core/id-generator';
import { STOP_GRACE_PERIOD_MS, TIMEOUT_STATUS_REASON } from '../../../../src/runtime/core/jobs/attempt-execution';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { submit, T0, testBackend } from '../fixtures';

/** A container that ignores SIGTERM and records the signals it gets, with their times. */
class StubbornRunner implements JobRunner {
  readonly realTime = false;
  readonly signals: Array<{ signal: string; at: number }> = [];
  constructor(private readonly clock: VirtualClock) {}
  start(_launch: ContainerLaunch, sink: AttemptSink) {
    return {
      stop: (signal: 'SIGTERM' | 'SIGKILL') => {
        this.signals.push({ signal, at: this.clock.now() });
        if (signal === 'SIGKILL') sink.exited({ exitCode: 137 });
      },
    };
  }
}

describe('attempts, retries and timeouts', () => {
  test('RETRY-1, RETRY-3: a failed attempt with attempts left goes back to RUNNABLE; AWS_BATCH_JOB_ATTEMPT counts up', () => {
    // GIVEN the first two attempts fail
    const { backend, history, launches } = testBackend({ behavior: (launch) => launch.attempt < 3 ? JobBehavior.fail() : JobBehavior.succeed() });

    // WHEN
    const jobId = submit(backend, { retryStrategy: { attempts: 3 } });
    backend.loop.runUntilIdle();

    // THEN
    expect(launches.map((l) => l.environment.AWS_BATCH_JOB_ATTEMPT)).toEqual(['1', '2', '3']);
    expect(history.get(jobId)).toEqual(['RUNNABLE', 'STARTING', 'RUNNING', 'RUNNABLE', 'STARTING', 'RUNNING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED']);
    expect(backend.describeJobs([jobId])[0].attempts!.map((a) => a.container?.exitCode)).toEqual([1, 1, 0]);
  });

  test('RETRY-2: the SubmitJob retry strategy overrides the job definition; the default is one attempt', () => {
    // GIVEN every attempt fails
    const { backend } = testBackend({ behavior: () => JobBehavior.fail() });

    // WHEN
    const once = submit(backend);
    const twice = submit(backend, { retryStrategy: { attempts: 2 } });
    backend.loop.runUntilIdle();

    // THEN
    expect(backend.describeJobs([once, twice]).map((j) => j.attempts!.length)).toEqual([1, 2]);
  });

  test('RETRY-4: the first matching evaluateOnExit condition decides; EXIT stops retrying', () => {
    // GIVEN exit code 42 means "do not retry"
    const { backend } = testBackend({ behavior: () => JobBehavior.fail({ exitCode: 42 }) });

    // WHEN
    const jobId = submit(backend, { retryStrategy: { attempts: 5, evaluateOnExit: [{ onExitCode: '4*', action: 'exit' }, { onReason: '*', action: 'RETRY' }] } });
    backend.loop.runUntilIdle();

    // THEN
    expect(backend.describeJobs([jobId])[0]).toMatchObject({ status: 'FAILED', attempts: [expect.anything()] });
  });

  test('TIME-2: on timeout the container gets SIGTERM, then SIGKILL 30 s later; the attempt fails with the timeout reason', () => {
    // GIVEN a container that ignores SIGTERM and a 60 s timeout
    const clock = new VirtualClock(T0);
    const runner = new StubbornRunner(clock);
    const backend = new BatchBackend({ clock, ids: new SeededIdGenerator(3), runner });
    backend.createComputeEnvironment({ computeEnvironmentName: 'ce', type: 'MANAGED', computeResources: { type: 'EC2', maxvCpus: 4, minvCpus: 0, instanceTypes: ['optimal'], subnets: ['subnet-1'], instanceRole: 'ecsInstanceRole' } });
    backend.createJobQueue({ jobQueueName: 'queue', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] });
    backend.registerJobDefinition({ jobDefinitionName: 'job', type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 512, command: ['sleep', '1000'] } });

    // WHEN
    const jobId = backend.submitJob({ jobName: 'slow', jobQueue: 'queue', jobDefinition: 'job', timeout: { attemptDurationSeconds: 60 }, retryStrategy: { attempts: 3 } }).jobId;
    backend.loop.runUntilIdle();

    // THEN
    const job = backend.describeJobs([jobId])[0];
    expect(runner.signals.map((s) => [s.signal, s.at - job.startedAt!])).toEqual([['SIGTERM', 60_000], ['SIGKILL', 60_000 + STOP_GRACE_PERIOD_MS]]);
    expect(job).toMatchObject({ status: 'FAILED', statusReason: TIMEOUT_STATUS_REASON });
    // TIME-3 / RETRY-5: a timed-out job is not retried even with attempts left.
    expect(job.attempts).toHaveLength(1);
  });

  test('RETRY-5: terminated, cancelled and timed-out jobs are never retried, though attempts remain; a plain failure is', () => {
    // GIVEN four jobs with 3 attempts each; every attempt fails after an hour unless stopped first
    const { backend } = testBackend({ maxvCpus: 8, behavior: () => JobBehavior.fail({ duration: Duration.hours(1) }) });
    const retry = { retryStrategy: { attempts: 3 } };
    const terminated = submit(backend, retry);
    const timedOut = submit(backend, { ...retry, timeout: { attemptDurationSeconds: 60 } });
    const failing = submit(backend, retry);
    backend.loop.runUntil(backend.loop.now() + 1000);
    // a fourth job fails its first attempt after a minute and waits RUNNABLE for its retry, behind a
    // job that took the only vCPU
    const { backend: full } = testBackend({
      maxvCpus: 1,
      behavior: (launch) => JobBehavior.fail({ duration: launch.jobName === 'retrying' ? Duration.minutes(1) : Duration.hours(1) }),
    });
    const cancelled = submit(full, { ...retry, jobName: 'retrying' });
    submit(full, { jobName: 'blocker' });
    full.loop.runUntil(full.loop.now() + 120_000);
    expect(full.describeJobs([cancelled])[0]).toMatchObject({ status: 'RUNNABLE', attempts: [expect.anything()] });

    // WHEN
    backend.terminateJob(terminated, 'operator stop');
    full.cancelJob(cancelled, 'not needed');
    backend.loop.runUntilIdle();
    full.loop.runUntilIdle();

    // THEN only the plain failure used its attempts
    const attempts = (b: BatchBackend, id: string): number => b.describeJobs([id])[0].attempts!.length;
    expect(backend.describeJobs([terminated, timedOut, failing]).map((job) => job.status)).toEqual(['FAILED', 'FAILED', 'FAILED']);
    expect([attempts(backend, terminated), attempts(backend, timedOut), attempts(backend, failing)]).toEqual([1, 1, 3]);
    expect(full.describeJobs([cancelled])[0]).toMatchObject({ status: 'FAILED', statusReason: 'not needed', isCancelled: true });
    expect(attempts(full, cancelled)).toBe(1);
  });

  test('TIME-1, TIME-3: the SubmitJob timeout overrides; an attempt failing by itself retries with a fresh timeout', () => {
    // GIVEN attempt 1 fails after 50 s, attempt 2 would run 100 s
    const { backend } = testBackend({
      behavior: (launch) => launch.attempt === 1
        ? JobBehavior.fail({ duration: Duration.seconds(50) })
        : JobBehavior.succeed({ duration: Duration.seconds(100) }),
    });

    // WHEN the timeout is 90 s per attempt
    const jobId = submit(backend, { timeout: { attemptDurationSeconds: 90 }, retryStrategy: { attempts: 2 } });
    backend.loop.runUntilIdle();

    // THEN attempt 2 is stopped at 90 s of its own run
    const job = backend.describeJobs([jobId])[0];
    expect(job.status).toBe('FAILED');
    expect(job.attempts![1].statusReason).toBe(TIMEOUT_STATUS_REASON);
    expect(job.attempts![1].stoppedAt! - job.attempts![1].startedAt!).toBe(90_000);
  });

  test('PARAM-1, ENV-2, OVR-1: parameters, environment and overrides reach the container', () => {
    // GIVEN
    const { backend, launches } = testBackend();

    // WHEN
    submit(backend, { parameters: { input: 's3://bucket/key' }, containerOverrides: { command: ['cp', 'Ref::input', 'Ref::unknown'], environment: [{ name: 'MODE', value: 'fast' }] } });
    backend.loop.runUntilIdle();

    // THEN
    expect(launches[0].command).toEqual(['cp', 's3://bucket/key', 'Ref::unknown']);
    expect(launches[0].environment).toMatchObject({ MODE: 'fast', AWS_BATCH_JQ_NAME: 'queue', AWS_BATCH_CE_NAME: 'ce' });
  });

  test('LOG-1: log lines go to /aws/batch/job, stream <definition>/default/<taskId>, readable after the job ends', () => {
    // GIVEN
    const { backend } = testBackend({ behavior: () => JobBehavior.succeed({ logLines: ['one', 'two'] }) });

    // WHEN
    const jobId = submit(backend);
    backend.loop.runUntilIdle();

    // THEN
    const stream = backend.describeJobs([jobId])[0].container!.logStreamName!;
    expect(stream).toMatch(/^job\/default\/[0-9a-f]{32}$/);
    expect(backend.logs.events('/aws/batch/job', stream)!.map((e) => e.message)).toEqual(['one', 'two']);
    expect(backend.jobLogLines(jobId)).toEqual(['one', 'two']);
  });

  test('TIME-4: array children inherit the timeout and each child attempt is timed separately', () => {
    // GIVEN two children on one vCPU, each running 100 s, a 60 s timeout
    const { backend } = testBackend({ maxvCpus: 1, behavior: () => JobBehavior.succeed({ duration: Duration.seconds(100) }) });

    // WHEN
    const parent = submit(backend, { arrayProperties: { size: 2 }, timeout: { attemptDurationSeconds: 60 } });
    backend.loop.runUntilIdle();

    // THEN each child was stopped 60 s after its own start, one after the other
    const [c0, c1] = backend.describeJobs([`${parent}:0`, `${parent}:1`]);
    for (const child of [c0, c1]) expect(child).toMatchObject({ status: 'FAILED', statusReason: TIMEOUT_STATUS_REASON, timeout: { attemptDurationSeconds: 60 } });
    expect(c0.stoppedAt! - c0.startedAt!).toBe(60_000);
    expect(c1.stoppedAt! - c1.startedAt!).toBe(60_000);
    expect(c1.startedAt).toBeGreaterThanOrEqual(c0.stoppedAt!);
  });

  test('TIME-5: many simultaneous timeouts are processed first-in first-out', () => {
    // GIVEN ten jobs started at the same instant with the same timeout
    const { backend } = testBackend({ maxvCpus: 10, behavior: () => JobBehavior.succeed({ duration: Duration.hours(1) }) });
    const ids = Array.from({ length: 10 }, (_, i) => submit(backend, { jobName: `t${i}`, timeout: { attemptDurationSeconds: 60 } }));
    const failedOrder: string[] = [];
    backend.addJobStateListener({ onJobStateChange: (job) => { if (job.status === 'FAILED') failedOrder.push(job.jobId); } });

    // WHEN
    backend.loop.runUntilIdle();

    // THEN
    expect(failedOrder).toEqual(ids);
  });
});
