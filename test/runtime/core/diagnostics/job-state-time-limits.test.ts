import { Duration } from 'aws-cdk-lib';
import { instanceBackend } from './diagnostics-fixtures';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { submit, T0, testBackend } from '../fixtures';

describe('jobStateTimeLimitActions', () => {
  function backendWithLimits(maxvCpus: number, reason: string = 'MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE') {
    const test = testBackend({ maxvCpus, behavior: () => JobBehavior.succeed({ duration: Duration.hours(2) }) });
    test.backend.createJobQueue({
      jobQueueName: 'limited',
      priority: 1,
      computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }],
      jobStateTimeLimitActions: [{ reason, state: 'RUNNABLE', maxTimeSeconds: 600, action: 'CANCEL' }],
    });
    return test;
  }

  test('DIAG-4: a job stuck RUNNABLE for the named reason (COMPUTE_ENVIRONMENT_MAX_RESOURCE) is cancelled after maxTimeSeconds', () => {
    // GIVEN a job larger than the CE's maxvCpus of 4
    const { backend } = backendWithLimits(4);
    const jobId = submit(backend, { jobQueue: 'limited', containerOverrides: { vcpus: 16 } });

    // WHEN
    backend.loop.runUntil(backend.loop.now() + 599_000);
    const before = backend.describeJobs([jobId])[0].status;
    backend.loop.runUntil(backend.loop.now() + 2_000);

    // THEN
    expect(before).toBe('RUNNABLE');
    expect(backend.describeJobs([jobId])[0]).toMatchObject({ status: 'FAILED', isCancelled: true, statusReason: expect.stringMatching(/^MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE: RUNNABLE for more than 600 seconds/) });
  });

  test('DIAG-4: a job no instance type can hold is cancelled by a JOB_RESOURCE_REQUIREMENT action', () => {
    // GIVEN a c5 CE and a job needing more memory than any c5 registers
    const backend = instanceBackend({
      maxvCpus: 256,
      jobStateTimeLimitActions: [{ reason: 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT', state: 'RUNNABLE', maxTimeSeconds: 600, action: 'CANCEL' }],
    });
    const jobId = backend.submitJob({ jobName: 'big', jobQueue: 'queue', jobDefinition: 'job', containerOverrides: { memory: 1_000_000 } }).jobId;

    // WHEN
    backend.loop.runUntil(backend.loop.now() + 601_000);

    // THEN
    expect(backend.describeJobs([jobId])[0]).toMatchObject({ status: 'FAILED', isCancelled: true, statusReason: expect.stringMatching(/^MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT: RUNNABLE for more than 600 seconds/) });
  });

  test('DIAG-4: an action for another reason does not fire (JOB_RESOURCE_REQUIREMENT vs COMPUTE_ENVIRONMENT_MAX_RESOURCE)', () => {
    // GIVEN a job larger than maxvCpus, and an action for JOB_RESOURCE_REQUIREMENT only
    const { backend } = backendWithLimits(4, 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT');
    const jobId = submit(backend, { jobQueue: 'limited', containerOverrides: { vcpus: 16 } });

    // WHEN
    backend.loop.runUntil(backend.loop.now() + 3_600_000);

    // THEN
    expect(backend.describeJobs([jobId])[0].status).toBe('RUNNABLE');
  });

  test('DIAG-4: a job waiting for capacity is not cancelled by a JOB_RESOURCE_REQUIREMENT action', () => {
    // GIVEN one vCPU busy for two hours and a second job behind it
    const { backend } = backendWithLimits(1, 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT');
    submit(backend, { jobQueue: 'limited' });
    const waiting = submit(backend, { jobQueue: 'limited' });

    // WHEN
    backend.loop.runUntil(backend.loop.now() + 3_600_000);

    // THEN
    expect(backend.describeJobs([waiting])[0].status).toBe('RUNNABLE');
  });

  test('DIAG-4: the time counts from the head of the queue: two stuck jobs are cancelled at 600 s and 1200 s', () => {
    // GIVEN two jobs larger than maxvCpus, submitted together, and a 600 s CANCEL action
    const { backend } = backendWithLimits(4);
    const first = submit(backend, { jobQueue: 'limited', containerOverrides: { vcpus: 16 } });
    const second = submit(backend, { jobQueue: 'limited', containerOverrides: { vcpus: 16 } });
    const failedAt = new Map<string, number>();
    backend.addJobStateListener({ onJobStateChange: (job) => { if (job.status === 'FAILED') failedAt.set(job.jobId, backend.loop.now()); } });

    // WHEN
    backend.loop.runUntil(T0 + 3_600_000);

    // THEN the second job's 600 s start when the first is gone
    expect(backend.describeJobs([first, second]).map((job) => job.status)).toEqual(['FAILED', 'FAILED']);
    expect((failedAt.get(first)! - T0) / 1000).toBeCloseTo(600, 0);
    expect((failedAt.get(second)! - T0) / 1000).toBeCloseTo(1200, 0);
  });

  test('DIAG-4: an action added by UpdateJobQueue applies to the job already stuck at the head, counted from the update', () => {
    // GIVEN a job stuck for an hour on a queue without actions
    const { backend } = testBackend({ maxvCpus: 4 });
    const jobId = submit(backend, { containerOverrides: { vcpus: 16 } });
    backend.loop.runUntil(T0 + 3_600_000);

    // WHEN a 600 s action for its reason is added
    backend.updateJobQueue({
      jobQueue: 'queue',
      jobStateTimeLimitActions: [{ reason: 'MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE', state: 'RUNNABLE', maxTimeSeconds: 600, action: 'CANCEL' }],
    });
    backend.loop.runUntil(T0 + 3_600_000 + 599_000);
    const before = backend.describeJobs([jobId])[0].status;
    backend.loop.runUntil(T0 + 3_600_000 + 601_000);

    // THEN
    expect(before).toBe('RUNNABLE');
    expect(backend.describeJobs([jobId])[0]).toMatchObject({ status: 'FAILED', isCancelled: true });
  });
});
