import { Duration } from 'aws-cdk-lib';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { submit, testBackend } from '../fixtures';

describe('permanentStallReason', () => {
  test('DIAG-2: a RUNNABLE job no compute environment can ever hold is stalled for good, with explainJob\'s reason', () => {
    // GIVEN a CE of at most 4 vCPUs and a 16-vCPU job
    const { backend } = testBackend({ maxvCpus: 4 });
    const jobId = submit(backend, { containerOverrides: { vcpus: 16 } });

    // WHEN
    backend.loop.runUntilIdle();

    // THEN
    expect(backend.permanentStallReason(jobId)).toBe(backend.explainJob(jobId));
    expect(backend.permanentStallReason(jobId)).toMatch(/MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - it can never be placed/);
  });

  test('DIAG-2, SCHED-1: a job PENDING on a dependency that can never be placed, and a job blocked behind it, are stalled by it', () => {
    // GIVEN a job that never fits, one that depends on it, and one behind it in the queue
    const { backend } = testBackend({ maxvCpus: 4 });
    const never = submit(backend, { containerOverrides: { vcpus: 16 } });
    const dependent = submit(backend, { dependsOn: [{ jobId: never }] });
    const behind = submit(backend);

    // WHEN
    backend.loop.runUntilIdle();

    // THEN
    expect(backend.job(dependent)!.status).toBe('PENDING');
    expect(backend.permanentStallReason(dependent)).toBe(backend.explainJob(never));
    expect(backend.job(behind)!.status).toBe('RUNNABLE');
    expect(backend.permanentStallReason(behind)).toMatch(/blocked behind job .* which can never be placed \(SCHED-1/);
  });

  test('DIAG-2: jobs waiting for capacity that will come, or on a dependency that runs, are not stalled; nor is a finished job', () => {
    // GIVEN one vCPU, a running job, one waiting for the vCPU and one depending on the first
    const { backend } = testBackend({ maxvCpus: 1, behavior: () => JobBehavior.succeed({ duration: Duration.hours(1) }) });
    const running = submit(backend);
    const waiting = submit(backend);
    const dependent = submit(backend, { dependsOn: [{ jobId: running }] });

    // WHEN
    backend.loop.runUntil(backend.loop.now() + 1000);

    // THEN
    expect(backend.job(waiting)!.status).toBe('RUNNABLE');
    for (const jobId of [running, waiting, dependent]) expect(backend.permanentStallReason(jobId)).toBeUndefined();
    backend.loop.runUntilIdle();
    expect(backend.permanentStallReason(running)).toBeUndefined();
  });

  test('DIAG-2: an array job is stalled when its every unfinished child is; a child whose compute environment is only DISABLED is too (LIFE-8)', () => {
    // GIVEN an array job on a queue whose only CE is then DISABLED
    const { backend } = testBackend({ maxvCpus: 4 });
    backend.updateComputeEnvironment({ computeEnvironment: 'ce', state: 'DISABLED' });
    const parent = submit(backend, { arrayProperties: { size: 2 } });

    // WHEN
    backend.loop.runUntilIdle();

    // THEN
    expect(backend.job(parent)!.status).toBe('PENDING');
    expect(backend.permanentStallReason(parent)).toMatch(new RegExp(`^Job ${parent}:0 stays RUNNABLE: No compute environment of queue queue can take jobs: ce is DISABLED/VALID`));
  });
});
