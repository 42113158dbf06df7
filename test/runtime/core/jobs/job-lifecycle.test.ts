import { Duration } from 'aws-cdk-lib';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { submit, testBackend } from '../fixtures';

describe('job lifecycle', () => {
  test('LIFE-1: a job without dependencies goes SUBMITTED -> RUNNABLE -> STARTING -> RUNNING -> SUCCEEDED', () => {
    // GIVEN
    const { backend, history } = testBackend();

    // WHEN
    const jobId = submit(backend);
    const before = backend.describeJobs([jobId])[0].status;
    backend.loop.runUntilIdle();

    // THEN
    expect(before).toBe('SUBMITTED');
    expect(history.get(jobId)).toEqual(['RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED']);
  });

  test('LIFE-5: timestamps are epoch ms and each attempt is recorded', () => {
    // GIVEN
    const { backend } = testBackend({ behavior: () => JobBehavior.succeed({ duration: Duration.seconds(5) }) });

    // WHEN
    const jobId = submit(backend);
    backend.loop.runUntilIdle();
    const job = backend.describeJobs([jobId])[0];

    // THEN
    expect(job.createdAt).toBe(Date.UTC(2020, 0, 1));
    expect(job.stoppedAt! - job.startedAt!).toBe(5000);
    expect(job.attempts).toEqual([
      expect.objectContaining({ startedAt: job.startedAt, stoppedAt: job.stoppedAt, container: expect.objectContaining({ exitCode: 0 }) }),
    ]);
  });

  test('LIFE-6: job ids are UUIDs and array children are parent:index', () => {
    // GIVEN
    const { backend } = testBackend();

    // WHEN
    const jobId = submit(backend, { arrayProperties: { size: 3 } });

    // THEN
    expect(jobId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(backend.describeJobs([`${jobId}:0`, `${jobId}:2`]).map((j) => j.jobId)).toEqual([`${jobId}:0`, `${jobId}:2`]);
  });

  test('LIFE-7: cancelling a RUNNABLE job fails it with the reason; a RUNNING job is not affected', () => {
    // GIVEN one vCPU: the second job waits RUNNABLE behind the first
    const { backend } = testBackend({ maxvCpus: 1, behavior: () => JobBehavior.succeed({ duration: Duration.seconds(60) }) });
    const running = submit(backend);
    const waiting = submit(backend);
    backend.loop.runUntil(backend.loop.now() + 1000);

    // WHEN
    backend.cancelJob(running, 'not needed');
    backend.cancelJob(waiting, 'not needed');
    backend.loop.runUntilIdle();

    // THEN
    const [first, second] = backend.describeJobs([running, waiting]);
    expect(first.status).toBe('SUCCEEDED');
    expect(second).toMatchObject({ status: 'FAILED', statusReason: 'not needed', isCancelled: true });
  });

  test('LIFE-7: TerminateJob stops a RUNNING job, which FAILS and is never retried', () => {
    // GIVEN
    const { backend } = testBackend({ behavior: () => JobBehavior.succeed({ duration: Duration.hours(1) }) });
    const jobId = submit(backend, { retryStrategy: { attempts: 3 } });
    backend.loop.runUntil(backend.loop.now() + 1000);

    // WHEN
    backend.terminateJob(jobId, 'operator stop');
    backend.loop.runUntilIdle();

    // THEN
    expect(backend.describeJobs([jobId])[0]).toMatchObject({ status: 'FAILED', statusReason: 'operator stop', isTerminated: true, attempts: [expect.anything()] });
  });

  test('LIFE-4: finished jobs stay describable for 7 days, then are purged', () => {
    // GIVEN
    const { backend } = testBackend();
    const jobId = submit(backend);
    backend.loop.runUntilIdle();

    // WHEN / THEN
    backend.loop.runUntil(backend.loop.now() + 7 * 24 * 3600 * 1000 - 10_000);
    expect(backend.describeJobs([jobId])).toHaveLength(1);
    backend.loop.runUntil(backend.loop.now() + 20_000);
    expect(backend.describeJobs([jobId])).toHaveLength(0);
  });
});

describe('dependencies', () => {
  test('DEP-1: a dependent job waits PENDING until its dependency SUCCEEDED', () => {
    // GIVEN
    const { backend, history } = testBackend();
    const first = submit(backend);

    // WHEN
    const second = submit(backend, { dependsOn: [{ jobId: first }] });
    backend.loop.runUntilIdle();

    // THEN
    expect(history.get(second)).toEqual(['PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED']);
    expect(backend.describeJobs([second])[0].startedAt).toBeGreaterThanOrEqual(backend.describeJobs([first])[0].stoppedAt!);
  });

  test('DEP-2: a failed dependency fails the dependent PENDING -> FAILED, and it cascades', () => {
    // GIVEN
    const { backend, history } = testBackend({ behavior: (launch) => launch.jobName === 'bad' ? JobBehavior.fail() : JobBehavior.succeed() });
    const bad = submit(backend, { jobName: 'bad' });
    const second = submit(backend, { dependsOn: [{ jobId: bad }] });
    const third = submit(backend, { dependsOn: [{ jobId: second }] });

    // WHEN
    backend.loop.runUntilIdle();

    // THEN
    expect(history.get(second)).toEqual(['PENDING', 'FAILED']);
    expect(backend.describeJobs([second])[0].statusReason).toBe(`Dependent Job failed: ${bad}`);
    expect(history.get(third)).toEqual(['PENDING', 'FAILED']);
  });

  test('DEP-6: a dependency on an unknown job is a ClientException and creates nothing', () => {
    // GIVEN
    const { backend } = testBackend();

    // WHEN / THEN
    expect(() => submit(backend, { dependsOn: [{ jobId: 'nope' }] })).toThrow(/dependsOn\[0\]\.jobId: unknown job "nope"/);
    expect(backend.listJobs({ jobQueue: 'queue', jobStatus: 'SUBMITTED' }).jobSummaryList).toEqual([]);
  });

  test('DEP-3: a plain dependency on an array job waits for the whole array', () => {
    // GIVEN
    const { backend } = testBackend({ maxvCpus: 1 });
    const array = submit(backend, { arrayProperties: { size: 3 } });

    // WHEN
    const after = submit(backend, { dependsOn: [{ jobId: array }] });
    backend.loop.runUntilIdle();

    // THEN
    const lastChildStop = Math.max(...backend.describeJobs([0, 1, 2].map((i) => `${array}:${i}`)).map((j) => j.stoppedAt!));
    expect(backend.describeJobs([after])[0].startedAt).toBeGreaterThanOrEqual(lastChildStop);
  });

  test('DEP-4: N_TO_N child i waits for child i of the other array; sizes must match', () => {
    // GIVEN child 1 of A fails
    const { backend } = testBackend({ behavior: (launch) => launch.jobId.endsWith(':1') && launch.jobName === 'a' ? JobBehavior.fail() : JobBehavior.succeed() });
    const a = submit(backend, { jobName: 'a', arrayProperties: { size: 3 } });

    // WHEN
    const b = submit(backend, { jobName: 'b', arrayProperties: { size: 3 }, dependsOn: [{ jobId: a, type: 'N_TO_N' }] });
    backend.loop.runUntilIdle();

    // THEN
    const [b0, b1, b2] = backend.describeJobs([`${b}:0`, `${b}:1`, `${b}:2`]);
    expect([b0.status, b1.status, b2.status]).toEqual(['SUCCEEDED', 'FAILED', 'SUCCEEDED']);
    expect(b0.startedAt).toBeGreaterThanOrEqual(backend.describeJobs([`${a}:0`])[0].stoppedAt!);
    expect(() => submit(backend, { arrayProperties: { size: 2 }, dependsOn: [{ jobId: a, type: 'N_TO_N' }] })).toThrow(/DEP-4/);
  });

  test('DEP-5: SEQUENTIAL children run one after another; a failed child fails all later ones', () => {
    // GIVEN child 1 fails
    const { backend } = testBackend({ maxvCpus: 8, behavior: (launch) => launch.jobId.endsWith(':1') ? JobBehavior.fail() : JobBehavior.succeed() });

    // WHEN
    const array = submit(backend, { arrayProperties: { size: 4 }, dependsOn: [{ type: 'SEQUENTIAL' }] });
    backend.loop.runUntilIdle();

    // THEN
    const children = backend.describeJobs([0, 1, 2, 3].map((i) => `${array}:${i}`));
    expect(children.map((c) => c.status)).toEqual(['SUCCEEDED', 'FAILED', 'FAILED', 'FAILED']);
    expect(children[1].startedAt).toBeGreaterThanOrEqual(children[0].stoppedAt!);
    expect(children[2].attempts).toEqual([]);
  });
});

describe('array jobs', () => {
  test('ARR-1, ARR-2: n children share the definition and get AWS_BATCH_JOB_ARRAY_INDEX and _SIZE', () => {
    // GIVEN
    const { backend, launches } = testBackend();

    // WHEN
    const parent = submit(backend, { arrayProperties: { size: 3 }, parameters: { input: 'x' } });
    backend.loop.runUntilIdle();

    // THEN
    expect(launches.map((l) => [l.jobId, l.environment.AWS_BATCH_JOB_ARRAY_INDEX, l.environment.AWS_BATCH_JOB_ARRAY_SIZE, l.command.join(' ')]).sort()).toEqual([
      [`${parent}:0`, '0', '3', 'run x'],
      [`${parent}:1`, '1', '3', 'run x'],
      [`${parent}:2`, '2', '3', 'run x'],
    ]);
  });

  test('ARR-3: the parent is only SUBMITTED, PENDING, then SUCCEEDED once every child has; statusSummary counts children', () => {
    // GIVEN
    const { backend, history } = testBackend({ maxvCpus: 1 });

    // WHEN
    const parent = submit(backend, { arrayProperties: { size: 2 } });
    backend.loop.runUntil(backend.loop.now() + 500);
    const midway = backend.describeJobs([parent])[0];
    backend.loop.runUntilIdle();

    // THEN
    expect(midway.arrayProperties).toMatchObject({ size: 2, statusSummary: expect.objectContaining({ RUNNING: 1, RUNNABLE: 1 }) });
    expect(history.get(parent)).toEqual(['PENDING', 'SUCCEEDED']);
    expect(backend.describeJobs([parent])[0].arrayProperties?.statusSummary).toMatchObject({ SUCCEEDED: 2, RUNNING: 0 });
    expect(backend.describeJobs([`${parent}:1`])[0].arrayProperties).toEqual({ index: 1 });
  });

  test('ARR-3: the parent FAILS when a child fails', () => {
    // GIVEN
    const { backend } = testBackend({ behavior: (launch) => launch.jobId.endsWith(':0') ? JobBehavior.fail() : JobBehavior.succeed() });

    // WHEN
    const parent = submit(backend, { arrayProperties: { size: 2 } });
    backend.loop.runUntilIdle();

    // THEN
    expect(backend.describeJobs([parent])[0].status).toBe('FAILED');
  });

  test('ARR-4: CancelJob on the parent cancels waiting children, running ones run on', () => {
    // GIVEN one vCPU: child 0 runs, child 1 waits
    const { backend } = testBackend({ maxvCpus: 1, behavior: () => JobBehavior.succeed({ duration: Duration.seconds(30) }) });
    const parent = submit(backend, { arrayProperties: { size: 2 } });
    backend.loop.runUntil(backend.loop.now() + 1000);

    // WHEN
    backend.cancelJob(parent, 'stop it');
    backend.loop.runUntilIdle();

    // THEN
    const [p, c0, c1] = backend.describeJobs([parent, `${parent}:0`, `${parent}:1`]);
    expect([c0.status, c1.status]).toEqual(['SUCCEEDED', 'FAILED']);
    expect(c1.statusReason).toBe('stop it');
    expect(p.status).toBe('FAILED');
  });

  test('ARR-5: children inherit the retry strategy and retry independently', () => {
    // GIVEN child 1 fails its first attempt only
    const { backend } = testBackend({ behavior: (launch) => launch.jobId.endsWith(':1') && launch.attempt === 1 ? JobBehavior.fail() : JobBehavior.succeed() });

    // WHEN
    const parent = submit(backend, { arrayProperties: { size: 2 }, retryStrategy: { attempts: 2 } });
    backend.loop.runUntilIdle();

    // THEN
    const [p, c0, c1] = backend.describeJobs([parent, `${parent}:0`, `${parent}:1`]);
    expect(p.status).toBe('SUCCEEDED');
    expect(c0.attempts).toHaveLength(1);
    expect(c1.attempts).toHaveLength(2);
  });
});
