import { backendWithLimit } from './limited-backend';
import { ClientException } from '../../../../src/runtime/core/errors';
import { MAX_SUBMITTED_JOBS } from '../../../../src/runtime/core/jobs/submitted-jobs';
import { submit, testBackend } from '../fixtures';


describe('SubmittedJobs', () => {
  test('LIFE-1: jobs submitted at one instant all leave SUBMITTED at the next event, in submission order', () => {
    // GIVEN
    const { backend, history } = testBackend();
    const ids = [submit(backend), submit(backend), submit(backend)];

    // THEN the caller sees SUBMITTED
    expect(backend.describeJobs(ids).map((job) => job.status)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);

    // WHEN one instant passes
    backend.loop.runUntil(backend.loop.now());

    // THEN every job moved on, first submitted first
    const runnable: string[] = [];
    for (const [jobId, states] of history) if (states[0] === 'RUNNABLE') runnable.push(jobId);
    expect(runnable.slice(0, 3)).toEqual(ids);
  });

  test('LIM-7: a submission beyond the SUBMITTED limit is a ClientException naming the count and the limit; nothing is created', () => {
    // GIVEN a runtime whose limit is 3, holding 3 SUBMITTED jobs
    const backend = backendWithLimit(3);
    for (let i = 0; i < 3; i++) submit(backend);
    const before = backend.listJobs({ jobQueue: 'queue', jobStatus: 'SUBMITTED' }).jobSummaryList.length;

    // WHEN / THEN
    expect(() => submit(backend)).toThrow(ClientException);
    expect(() => submit(backend)).toThrow(/3 jobs are already SUBMITTED; at most 3 jobs may be in the SUBMITTED state \(LIM-7\)/);
    expect(backend.listJobs({ jobQueue: 'queue', jobStatus: 'SUBMITTED' }).jobSummaryList.length).toBe(before);
  });

  test('LIM-7: once the SUBMITTED jobs move on, there is room again', () => {
    // GIVEN a full runtime
    const backend = backendWithLimit(2);
    submit(backend);
    submit(backend);
    expect(() => submit(backend)).toThrow(/LIM-7/);

    // WHEN the jobs leave SUBMITTED
    backend.loop.runUntil(backend.loop.now());

    // THEN submissions are accepted again
    expect(() => submit(backend)).not.toThrow();
  });

  test('LIM-7: the default limit is AWS\'s 1,000,000', () => {
    expect(MAX_SUBMITTED_JOBS).toBe(1_000_000);
  });

  test('LIM-7: the runtime holds 1,000,000 SUBMITTED jobs and refuses the next one', () => {
    // GIVEN the default limit
    const backend = backendWithLimit();

    // WHEN a million jobs are submitted without the simulation moving
    let last = '';
    for (let i = 0; i < MAX_SUBMITTED_JOBS; i++) last = submit(backend);

    // THEN all are held and describable, and one more is refused
    expect(backend.describeJobs([last])[0].status).toBe('SUBMITTED');
    expect(() => submit(backend)).toThrow(/1000000 jobs are already SUBMITTED; at most 1000000 .*\(LIM-7\)/);
  }, 300_000);
});
