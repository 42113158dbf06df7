import { instanceBackend } from './diagnostics-fixtures';
import { BatchBackend } from '../../../../src/runtime/core/backend';
import { neverFitsReason } from '../../../../src/runtime/core/diagnostics/stuck-reason';

const MAX_RESOURCE = 'MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - CE(s) associated with the job queue cannot meet the CPU requirement of the job.';
const RESOURCE_REQUIREMENT = 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - The job resource requirement (vCPU/memory/GPU) is higher than that can be met by the CE(s) attached to the job queue.';

function submit(backend: BatchBackend, vcpus: number = 1, memory: number = 2048): string {
  return backend.submitJob({ jobName: 'stuck', jobQueue: 'queue', jobDefinition: 'job', containerOverrides: { vcpus, memory } }).jobId;
}

/** The statusReason as DescribeJobs and as ListJobs (RUNNABLE jobs of the queue) show it. */
function shownReasons(backend: BatchBackend, jobId: string): [string | undefined, string | undefined] {
  const listed = backend.listJobs({ jobQueue: 'queue', jobStatus: 'RUNNABLE' }).jobSummaryList.find((summary) => summary.jobId === jobId);
  return [backend.describeJobs([jobId])[0].statusReason, listed?.statusReason];
}

describe('stuck RUNNABLE reasons (DIAG-2)', () => {
  test('DIAG-2: a job no instance type can hold shows MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT in DescribeJobs and ListJobs', () => {
    // GIVEN a c5 CE and a job needing more memory than any c5 registers
    const backend = instanceBackend({ maxvCpus: 256 });
    const jobId = submit(backend, 1, 1_000_000);

    // WHEN
    backend.loop.runUntil(backend.loop.now() + 1000);

    // THEN
    expect(shownReasons(backend, jobId)).toEqual([RESOURCE_REQUIREMENT, RESOURCE_REQUIREMENT]);
    expect(backend.describeJobs([jobId])[0].status).toBe('RUNNABLE');
  });

  test('DIAG-2: a job larger than every CE\'s maxvCpus shows MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE', () => {
    // GIVEN a c5 CE of at most 8 vCPUs and a 16-vCPU job (c5.4xlarge would hold it)
    const backend = instanceBackend({ maxvCpus: 8 });
    const jobId = submit(backend, 16, 2048);

    // WHEN
    backend.loop.runUntil(backend.loop.now() + 1000);

    // THEN
    expect(shownReasons(backend, jobId)).toEqual([MAX_RESOURCE, MAX_RESOURCE]);
  });

  test('DIAG-2: a CE whose service role is unusable shows MISCONFIGURATION:SERVICE_ROLE_PERMISSIONS', () => {
    // GIVEN a CE made INVALID by a bare service role name (DIAG-1)
    const backend = instanceBackend({ maxvCpus: 8, serviceRole: 'AWSBatchServiceRole' });
    const jobId = submit(backend);

    // WHEN
    backend.loop.runUntil(backend.loop.now() + 1000);

    // THEN
    expect(shownReasons(backend, jobId)[0]).toBe('MISCONFIGURATION:SERVICE_ROLE_PERMISSIONS - Batch service role has a permission issue.');
  });

  test('DIAG-2: a job whose instance type EC2 cannot provide shows CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY', () => {
    // GIVEN a CE that launches only c5.large, of which EC2 has none
    const backend = instanceBackend({ maxvCpus: 8, instanceTypes: ['c5.large'], instanceTypeAvailability: [{ instanceType: 'c5.large', maxInstances: 0 }] });
    const jobId = submit(backend);

    // WHEN
    backend.loop.runUntil(backend.loop.now() + 1000);

    // THEN
    expect(shownReasons(backend, jobId)[0]).toBe('CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - Service cannot fulfill the capacity requested for instance type [c5.large]');
  });

  test('DIAG-2: only the head of the queue shows the reason; an ordinary wait for busy capacity shows none', () => {
    // GIVEN two unplaceable jobs, and in a second backend a job waiting behind a busy CE
    const backend = instanceBackend({ maxvCpus: 8 });
    const head = submit(backend, 16);
    const behind = submit(backend, 16);
    const busy = instanceBackend({ maxvCpus: 2 });
    submit(busy, 2);
    const waiting = submit(busy, 2);

    // WHEN
    backend.loop.runUntil(backend.loop.now() + 1000);
    busy.loop.runUntil(busy.loop.now() + 1000);

    // THEN
    expect(backend.describeJobs([head, behind]).map((job) => job.statusReason)).toEqual([MAX_RESOURCE, undefined]);
    expect(busy.describeJobs([waiting])[0]).toMatchObject({ status: 'RUNNABLE' });
    expect(busy.describeJobs([waiting])[0].statusReason).toBeUndefined();
  });

  test('DIAG-2: the reason goes once the CE can hold the job (UpdateComputeEnvironment raises maxvCpus)', () => {
    // GIVEN a stuck 16-vCPU job
    const backend = instanceBackend({ maxvCpus: 8 });
    const jobId = submit(backend, 16);
    backend.loop.runUntil(backend.loop.now() + 1000);

    // WHEN
    backend.updateComputeEnvironment({ computeEnvironment: 'ce', computeResources: { maxvCpus: 16 } });
    backend.loop.runUntil(backend.loop.now() + 1000);

    // THEN
    const job = backend.describeJobs([jobId])[0];
    expect(job.status).toBe('RUNNING');
    expect(job.statusReason).toBeUndefined();
  });

  test('DIAG-2: COMPUTE_ENVIRONMENT_MAX_RESOURCE only when every CE fails on maxvCpus', () => {
    // GIVEN / WHEN / THEN
    const max = { fits: false, reason: 'MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - a' };
    const type = { fits: false, reason: 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - b' };
    expect(neverFitsReason([max, max])).toBe('MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE');
    expect(neverFitsReason([max, type])).toBe('MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT');
    expect(neverFitsReason([{ fits: false, reason: 'needs 3 vCPUs' }])).toBe('MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT');
  });
});
