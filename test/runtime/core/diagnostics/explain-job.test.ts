import { Duration } from 'aws-cdk-lib';
import { instanceBackend } from './diagnostics-fixtures';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { submit, T0, testBackend } from '../fixtures';
import { consumableBackend } from '../scheduling/consumable-fixtures';

describe('explainJob', () => {
  test('DIAG-2: a PENDING job names the dependency it waits on', () => {
    // GIVEN
    const { backend } = testBackend({ behavior: () => JobBehavior.succeed({ duration: Duration.hours(1) }) });
    const first = submit(backend);
    const second = submit(backend, { dependsOn: [{ jobId: first }] });

    // WHEN
    backend.loop.runUntil(backend.loop.now() + 1000);

    // THEN
    expect(backend.explainJob(second)).toBe(`Job ${second} is PENDING, waiting on dependency ${first} (RUNNING).`);
  });

  test('DIAG-2: a job that can never fit says which compute environment lacks what (MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE)', () => {
    // GIVEN a CE of at most 4 vCPUs (a vCPU pool: maxvCpus is its only bound) and a 16-vCPU job
    const { backend } = testBackend({ maxvCpus: 4 });
    const jobId = submit(backend, { containerOverrides: { vcpus: 16 } });

    // WHEN
    backend.loop.runUntilIdle();

    // THEN
    expect(backend.explainJob(jobId)).toMatch(/MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - it can never be placed \(needs 16 vCPU, 2048 MiB\): ce: /);
  });

  test('DIAG-2: a job no instance type can hold says MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT with the shortfall', () => {
    // GIVEN a c5 CE and a job needing more memory than any c5 registers
    const backend = instanceBackend({ maxvCpus: 256 });
    const jobId = backend.submitJob({ jobName: 'big', jobQueue: 'queue', jobDefinition: 'job', containerOverrides: { memory: 1_000_000 } }).jobId;

    // WHEN
    backend.loop.runUntil(backend.loop.now() + 1000);

    // THEN
    expect(backend.explainJob(jobId)).toMatch(/MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - it can never be placed \(needs 1 vCPU, 1000000 MiB\): ce: .*short by/);
  });

  test('DIAG-2: a job waiting for busy capacity says so (CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY)', () => {
    // GIVEN one vCPU, two jobs
    const { backend } = testBackend({ maxvCpus: 1, behavior: () => JobBehavior.succeed({ duration: Duration.hours(1) }) });
    submit(backend);
    const second = submit(backend);

    // WHEN
    backend.loop.runUntil(backend.loop.now() + 1000);

    // THEN
    expect(backend.explainJob(second)).toMatch(/RUNNABLE and waits for capacity \(CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY\)/);
  });
  test('DIAG-2: the reason of a job that can never fit is said once, not again for each compute environment', () => {
    // GIVEN a c5 CE of at most 4 vCPUs and a 16-vCPU job (every c5 type that fits is over maxvCpus)
    const backend = instanceBackend({ maxvCpus: 4 });
    const jobId = backend.submitJob({ jobName: 'big', jobQueue: 'queue', jobDefinition: 'job', containerOverrides: { vcpus: 16 } }).jobId;

    // WHEN
    backend.loop.runUntil(backend.loop.now() + 1000);
    const explanation = backend.explainJob(jobId);

    // THEN
    expect(explanation.split('MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE')).toHaveLength(2);
    expect(explanation).toMatch(/it can never be placed \(needs 16 vCPU, 2048 MiB\): ce: BEST_FIT launches only c5\.4xlarge for it \(16 vCPUs\), more than maxvCpus 4/);
  });

  test('DIAG-2, PLAT-4: a job waiting for a consumable resource names it, its holders, and the statusReason DescribeJobs shows, word for word', () => {
    // GIVEN one licence, held by the first job
    const { backend } = consumableBackend({ resources: [{ name: 'licences', total: 1 }] });
    const first = submit(backend, { jobDefinition: 'licensed' });
    const second = submit(backend, { jobDefinition: 'licensed' });

    // WHEN
    backend.loop.runUntil(T0 + 60_000);

    // THEN
    expect(backend.explainJob(second)).toBe(`Job ${second} is RUNNABLE and waits for consumable resources (PLAT-4): consumable resource licences (REPLENISHABLE): `
      + `needs 1, available 0 of 1, held by job(s) ${first}. Its statusReason: Waiting for consumable resources: licences (needs 1, available 0).`);
    expect(backend.describeJobs([second])[0].statusReason).toBe('Waiting for consumable resources: licences (needs 1, available 0)');
  });
});

