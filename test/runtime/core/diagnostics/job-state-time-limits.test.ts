import { Duration } from 'aws-cdk-lib';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { submit, testBackend } from '../fixtures';

describe('jobStateTimeLimitActions', () => {
  function backendWithLimits(maxvCpus: number) {
    const test = testBackend({ maxvCpus, behavior: () => JobBehavior.succeed({ duration: Duration.hours(2) }) });
    test.backend.createJobQueue({
      jobQueueName: 'limited',
      priority: 1,
      computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }],
      jobStateTimeLimitActions: [{ reason: 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT', state: 'RUNNABLE', maxTimeSeconds: 600, action: 'CANCEL' }],
    });
    return test;
  }

  test('DIAG-4: a job stuck RUNNABLE for the named reason is cancelled after maxTimeSeconds', () => {
    // GIVEN a job that can never fit the 4-vCPU CE
    const { backend } = backendWithLimits(4);
    const jobId = submit(backend, { jobQueue: 'limited', containerOverrides: { vcpus: 16 } });

    // WHEN
    backend.loop.runUntil(backend.loop.now() + 599_000);
    const before = backend.describeJobs([jobId])[0].status;
    backend.loop.runUntil(backend.loop.now() + 2_000);

    // THEN
    expect(before).toBe('RUNNABLE');
    expect(backend.describeJobs([jobId])[0]).toMatchObject({ status: 'FAILED', isCancelled: true, statusReason: expect.stringMatching(/^MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT: RUNNABLE for more than 600 seconds/) });
  });

  test('DIAG-4: a job waiting for capacity is not cancelled by a JOB_RESOURCE_REQUIREMENT action', () => {
    // GIVEN one vCPU busy for two hours and a second job behind it
    const { backend } = backendWithLimits(1);
    submit(backend, { jobQueue: 'limited' });
    const waiting = submit(backend, { jobQueue: 'limited' });

    // WHEN
    backend.loop.runUntil(backend.loop.now() + 3_600_000);

    // THEN
    expect(backend.describeJobs([waiting])[0].status).toBe('RUNNABLE');
  });
});
