import { Duration } from 'aws-cdk-lib';
import { JobBehavior, JobExecutor, LocalBatchRuntime } from '../../../src';
import { getInstanceType, registeredMemoryMiB } from '../../../src/instance-catalog/instance-catalog';

/** One c5.large CE (2 vCPUs, 3,921 MiB registered), a queue, a 1 vCPU / 2048 MiB definition and one no instance can run. */
function runtimeFor(maxvCpus: number, jobDuration: Duration = Duration.minutes(10)): LocalBatchRuntime {
  const template = {
    Resources: {
      Ce: {
        Type: 'AWS::Batch::ComputeEnvironment',
        Properties: {
          ComputeEnvironmentName: 'ce',
          Type: 'MANAGED',
          ComputeResources: { Type: 'EC2', AllocationStrategy: 'BEST_FIT_PROGRESSIVE', MinvCpus: 0, MaxvCpus: maxvCpus, InstanceTypes: ['c5.large'], Subnets: ['subnet-1'], InstanceRole: 'ecsInstanceRole' },
        },
      },
      Queue: { Type: 'AWS::Batch::JobQueue', Properties: { JobQueueName: 'q', Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'Ce' } }] } },
      Definition: { Type: 'AWS::Batch::JobDefinition', Properties: { JobDefinitionName: 'work', Type: 'container', ContainerProperties: { Image: 'busybox', Vcpus: 1, Memory: 2048, Command: ['work'] } } },
      Huge: { Type: 'AWS::Batch::JobDefinition', Properties: { JobDefinitionName: 'huge', Type: 'container', ContainerProperties: { Image: 'busybox', Vcpus: 64, Memory: 2048, Command: ['work'] } } },
    },
  };
  const executor = JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: jobDuration }) });
  return LocalBatchRuntime.fromTemplate(template, { executor, collectReport: true });
}

const C5_LARGE_MIB = registeredMemoryMiB(getInstanceType('c5.large'));

describe('plan findings', () => {
  // The template has no construct paths: findings name CEs and queues by logical id (Ce, Queue), not by generated name.
  test('SCHED-4, issue #25: 1 vCPU / 2048 MiB jobs on c5.large are memory-bound: one per instance, half of its vCPUs idle, and the memory that would fit two', () => {
    // GIVEN room for 4 instances and 4 jobs
    const runtime = runtimeFor(8);
    for (let i = 0; i < 4; i++) runtime.submitJob({ jobName: `j${i}`, jobQueue: 'q', jobDefinition: 'work' });

    // WHEN
    runtime.runUntilIdle();
    const report = runtime.report();

    // THEN
    const packing = report.findings.filter((f) => f.kind === 'MEMORY_BOUND_PACKING');
    expect(packing).toHaveLength(1);
    expect(packing[0].text).toBe(`memory-bound packing in Ce: jobs of work (1 vCPU, 2,048 MiB) fit 1 per c5.large by memory (${C5_LARGE_MIB.toLocaleString('en-US')} MiB registered) `
      + 'but 2 by vCPU (2 vCPUs): an instance holding only these jobs leaves 1 vCPU(s) (50.0%) idle; 4 placement(s). '
      + `At most ${Math.floor(C5_LARGE_MIB / 2).toLocaleString('en-US')} MiB per job would fit 2.`);
    expect(report.computeEnvironments[0].instanceTypes[0]).toEqual(expect.objectContaining({ instanceType: 'c5.large', launched: 4, vcpus: 2, memoryMiB: C5_LARGE_MIB }));
  });

  test('SCHED-1, DIAG-2, issue #25: a queue whose head can never run is a finding naming the job and the reason', () => {
    // GIVEN a job no instance type can hold, then a small one behind it
    const runtime = runtimeFor(8);
    const huge = runtime.submitJob({ jobName: 'huge', jobQueue: 'q', jobDefinition: 'huge' });
    runtime.submitJob({ jobName: 'small', jobQueue: 'q', jobDefinition: 'work' });

    // WHEN
    runtime.runUntilIdle();
    const blocked = runtime.report().findings.filter((f) => f.kind === 'QUEUE_BLOCKED');

    // THEN
    expect(blocked).toHaveLength(1);
    expect(blocked[0].text).toContain(`queue Queue: 2 job(s) never finished; its first RUNNABLE job, huge (${huge.jobId}), does not run: `);
    expect(blocked[0].text).toContain('MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT');
    expect(blocked[0].text).toMatch(/[^.]\. Every job behind it waits \(SCHED-1\)\.$/);
  });

  test('SCHED-5, issue #25: a CE at its maxvCpus most of the time it ran jobs, while jobs waited, is a finding with the share and the waits', () => {
    // GIVEN room for one instance (2 vCPUs) and 6 jobs of 10 minutes: one at a time
    const runtime = runtimeFor(2);
    for (let i = 0; i < 6; i++) runtime.submitJob({ jobName: `j${i}`, jobQueue: 'q', jobDefinition: 'work' });

    // WHEN
    runtime.runUntilIdle();
    const report = runtime.report();
    const atMax = report.findings.filter((f) => f.kind === 'AT_MAX_VCPUS');

    // THEN
    expect(atMax).toHaveLength(1);
    expect(atMax[0].text).toMatch(/^Ce was at its maxvCpus \(2 vCPUs\) for (9\d|100)\.\d% of the time it ran jobs \(.* h\) while jobs waited \(queue wait p90 [\d,.]+ s, max [\d,.]+ s\): a higher maxvCpus would shorten the run\.$/);
  });

  test('issue #25: a run with room to spare has no at-maxvCpus finding', () => {
    // GIVEN room for 8 instances and 2 jobs
    const runtime = runtimeFor(16);
    runtime.submitJob({ jobName: 'a', jobQueue: 'q', jobDefinition: 'work' });
    runtime.submitJob({ jobName: 'b', jobQueue: 'q', jobDefinition: 'work' });

    // WHEN
    runtime.runUntilIdle();

    // THEN
    expect(runtime.report().findings.map((f) => f.kind)).toEqual(['MEMORY_BOUND_PACKING']);
  });
});
