import { watchJobOutcome } from '../../src/cli/job-outcome-watch';
import { submit, testBackend } from '../runtime/core/fixtures';

describe('watchJobOutcome', () => {
  test('DIAG-2: a job that can never be placed ends the watch with its status and the reason; a job that runs ends it when it ends', async () => {
    // GIVEN a CE of at most 4 vCPUs, a 1-vCPU job and then a 16-vCPU job (virtual time, moved by the test;
    // in this order, SCHED-1 keeps the first from waiting behind the second)
    const { backend } = testBackend({ maxvCpus: 4 });
    const runs = submit(backend);
    const never = submit(backend, { containerOverrides: { vcpus: 16 } });
    const changes: string[] = [];

    // WHEN
    const watchingNever = watchJobOutcome(backend, never);
    const watchingRuns = watchJobOutcome(backend, runs, { onChange: (id, job) => changes.push(`${id === runs ? 'job' : id} ${job.status}`) });
    backend.loop.runUntilIdle();
    const [stalled, ended] = await Promise.all([watchingNever, watchingRuns]);

    // THEN
    expect(stalled).toMatchObject({ job: { status: 'RUNNABLE' }, interrupted: false, timedOut: false });
    expect(stalled.stalledReason).toMatch(/^Job .* stays RUNNABLE: MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - it can never be placed/);
    expect(ended).toEqual({ job: expect.objectContaining({ status: 'SUCCEEDED' }), interrupted: false, timedOut: false });
    expect(changes[0]).toBe('job SUBMITTED');
    expect(changes[changes.length - 1]).toBe('job SUCCEEDED');
  });

  test('LIFE-7: an interrupt terminates the job with the given reason and the watch reports it', async () => {
    // GIVEN a job waiting RUNNABLE behind a full CE (it could still run)
    const { backend } = testBackend({ maxvCpus: 0 });
    const jobId = submit(backend);
    const interrupt = new AbortController();

    // WHEN
    const watching = watchJobOutcome(backend, jobId, { interrupt: { signal: interrupt.signal, reason: 'stopped by the test' } });
    interrupt.abort();
    backend.loop.runUntilIdle();

    // THEN
    expect(await watching).toMatchObject({ job: { status: 'FAILED', statusReason: 'stopped by the test' }, interrupted: true, timedOut: false });
  });
});
