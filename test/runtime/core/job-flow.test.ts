import { Duration } from 'aws-cdk-lib';
import { submit, testBackend } from './fixtures';
import { JobBehavior } from '../../../src/runtime/executors/simulated/job-behavior';

// JobFlow is the seam object between the core's parts; it is exercised through a real backend (the
// parts it routes between are only built there), so each test checks a route end to end.
describe('JobFlow', () => {
  test('LIFE-1: a submitted top-level job is told to listeners that take it, in SUBMITTED and before any state change; its array children are not', () => {
    // GIVEN
    const { backend } = testBackend();
    const seen: string[] = [];
    backend.addJobStateListener({
      onJobStateChange: (job) => seen.push(`${job.jobId} ${job.status}`),
      onJobSubmitted: (job) => seen.push(`${job.jobId} submitted ${job.status}`),
    });

    // WHEN
    const single = submit(backend);
    const array = submit(backend, { arrayProperties: { size: 2 } });

    // THEN
    expect(seen).toEqual([`${single} submitted SUBMITTED`, `${array} submitted SUBMITTED`]);
  });

  test('LIFE-4: jobsInQueue lists a queue\'s describable top-level jobs, oldest first', () => {
    // GIVEN
    const { backend } = testBackend();
    const ids = [submit(backend), submit(backend, { arrayProperties: { size: 3 } }), submit(backend)];

    // WHEN / THEN
    expect(backend.jobsInQueue('queue').map((job) => job.jobId)).toEqual(ids);
    expect(() => backend.jobsInQueue('nope')).toThrow(/jobQueue: unknown job queue "nope"/);
  });

  test('ARR-1, ARR-3: only the top-level job counts as active; the backend is idle once the parent and its children end', () => {
    // GIVEN
    const { backend } = testBackend({ maxvCpus: 4 });

    // WHEN
    const arrayJob = submit(backend, { arrayProperties: { size: 3 } });
    const activeAfterSubmit = backend.hasActiveJobs();
    backend.loop.runUntilIdle();

    // THEN
    expect(activeAfterSubmit).toBe(true);
    expect(backend.describeJobs([arrayJob])[0].status).toBe('SUCCEEDED');
    expect(backend.hasActiveJobs()).toBe(false);
  });

  test('ARR-4, LIFE-7: terminating an array parent cancels it and stops its running children', () => {
    // GIVEN
    const { backend } = testBackend({ maxvCpus: 2, behavior: () => JobBehavior.succeed({ duration: Duration.hours(1) }) });
    const parent = submit(backend, { arrayProperties: { size: 3 } });
    backend.loop.runUntil(backend.loop.now() + 60_000);
    const running = [0, 1, 2].filter((i) => backend.describeJobs([`${parent}:${i}`])[0].status === 'RUNNING');

    // WHEN
    backend.terminateJob(parent, 'operator stop');
    backend.loop.runUntilIdle();

    // THEN
    expect(running.length).toBe(2);
    for (const i of [0, 1, 2]) expect(backend.describeJobs([`${parent}:${i}`])[0].status).toBe('FAILED');
    expect(backend.describeJobs([parent])[0]).toMatchObject({ status: 'FAILED' });
    expect(backend.hasActiveJobs()).toBe(false);
  });

  test('RETRY-3: a failed attempt with attempts left goes back to RUNNABLE through the flow and runs again', () => {
    // GIVEN
    const { backend } = testBackend({ maxvCpus: 1, behavior: (launch) => (launch.attempt === 1 ? JobBehavior.fail() : JobBehavior.succeed()) });

    // WHEN
    const jobId = submit(backend, { retryStrategy: { attempts: 2 } });
    backend.loop.runUntilIdle();

    // THEN
    expect(backend.describeJobs([jobId])[0]).toMatchObject({ status: 'SUCCEEDED', attempts: [expect.anything(), expect.anything()] });
  });
});
