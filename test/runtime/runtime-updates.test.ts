import { Duration } from 'aws-cdk-lib';
import { JobBehavior, JobExecutor, LocalBatchRuntime } from '../../src';

/** Two managed c5 CEs (logical ids Small: maxvCpus 4, Big: maxvCpus 16) and a queue on Small. */
function template(): unknown {
  const ce = (maxvCpus: number) => ({
    Type: 'AWS::Batch::ComputeEnvironment',
    Properties: { Type: 'MANAGED', ComputeResources: { Type: 'EC2', MinvCpus: 0, MaxvCpus: maxvCpus, InstanceTypes: ['c5'], Subnets: ['subnet-1'], InstanceRole: 'ecsInstanceRole' } },
  });
  return {
    Resources: {
      Small: ce(4),
      Big: ce(16),
      Queue: { Type: 'AWS::Batch::JobQueue', Properties: { Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'Small' } }] } },
      Definition: {
        Type: 'AWS::Batch::JobDefinition',
        Properties: { JobDefinitionName: 'work', Type: 'container', ContainerProperties: { Image: 'busybox', Vcpus: 1, Memory: 512, Command: ['work'] } },
      },
    },
  };
}

function newRuntime(): LocalBatchRuntime {
  return LocalBatchRuntime.fromTemplate(template(), {
    executor: JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.minutes(10) }) }),
  });
}

function submit(runtime: LocalBatchRuntime, vcpus: number = 1): string {
  return runtime.submitJob({ jobName: 'work', jobQueue: 'Queue', jobDefinition: 'work', containerOverrides: { vcpus } }).jobId;
}

describe('LocalBatchRuntime updates', () => {
  test('LIFE-8: disabling a compute environment mid-run keeps running jobs and holds new ones until it is enabled again', () => {
    // GIVEN a running job
    const runtime = newRuntime();
    const running = submit(runtime);
    runtime.advance(60);

    // WHEN the CE (by logical id) is disabled and another job arrives
    runtime.updateComputeEnvironment({ computeEnvironment: 'Small', state: 'DISABLED' });
    const held = submit(runtime);
    runtime.advance(60);

    // THEN
    expect(runtime.describeJob(running).status).toBe('RUNNING');
    expect(runtime.describeJob(held).status).toBe('RUNNABLE');
    expect(runtime.explainJob(held)).toMatch(/is DISABLED/);

    // WHEN it is enabled again
    runtime.updateComputeEnvironment({ computeEnvironment: 'Small', state: 'ENABLED' });
    runtime.advance(60);

    // THEN
    expect(runtime.describeJob(held).status).toBe('RUNNING');
  });

  test('DIAG-2: a job above maxvCpus shows COMPUTE_ENVIRONMENT_MAX_RESOURCE in describeJob and listJobs, and runs once maxvCpus is raised', () => {
    // GIVEN an 8-vCPU job on a CE of maxvCpus 4
    const runtime = newRuntime();
    const jobId = submit(runtime, 8);
    runtime.advance(60);
    const reason = 'MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - CE(s) associated with the job queue cannot meet the CPU requirement of the job.';
    expect(runtime.describeJob(jobId).statusReason).toBe(reason);
    expect(runtime.listJobs({ jobQueue: 'Queue', jobStatus: 'RUNNABLE' }).jobSummaryList.map((job) => job.statusReason)).toEqual([reason]);

    // WHEN
    runtime.updateComputeEnvironment({ computeEnvironment: 'Small', maxvCpus: 8 });
    runtime.advance(60);

    // THEN
    expect(runtime.describeJob(jobId)).toMatchObject({ status: 'RUNNING' });
    expect(runtime.describeJob(jobId).statusReason).toBeUndefined();
  });

  test('LIFE-8: updates are validated as the HTTP endpoint validates them, and a rejected one changes nothing', () => {
    // GIVEN the same invalid updates, through the facade and through the endpoint's backend operation
    const runtime = newRuntime();
    const endpoint = newRuntime()._backend;
    const messageOf = (action: () => void) => {
      try {
        action();
      } catch (error) {
        return { name: (error as Error).name, message: (error as Error).message };
      }
      return undefined;
    };
    const arn = runtime.resourceArn('Small');

    // WHEN
    const facadeErrors = [
      messageOf(() => runtime.updateComputeEnvironment({ computeEnvironment: 'Small', state: 'PAUSED' })),
      messageOf(() => runtime.updateComputeEnvironment({ computeEnvironment: 'Small', minvCpus: 8, maxvCpus: 4 })),
      messageOf(() => runtime.updateJobQueue({ jobQueue: 'Queue', priority: -1 })),
    ];
    const endpointErrors = [
      messageOf(() => endpoint.updateComputeEnvironment({ computeEnvironment: arn, state: 'PAUSED' })),
      messageOf(() => endpoint.updateComputeEnvironment({ computeEnvironment: arn, computeResources: { minvCpus: 8, maxvCpus: 4 } })),
      messageOf(() => endpoint.updateJobQueue({ jobQueue: runtime.resourceArn('Queue'), priority: -1 })),
    ];

    // THEN
    expect(facadeErrors.every((error) => error?.name === 'ClientException')).toBe(true);
    expect(facadeErrors).toEqual(endpointErrors);
    const [ce] = runtime._backend.describeComputeEnvironments({ computeEnvironments: [arn] }).computeEnvironments;
    expect(ce).toMatchObject({ state: 'ENABLED', computeResources: expect.objectContaining({ minvCpus: 0, maxvCpus: 4 }) });
  });

  test('SCHED-3: updateJobQueue replaces the compute environments (logical ids accepted) and a stuck job moves to the new one', () => {
    // GIVEN a 16-vCPU job stuck on the small CE
    const runtime = newRuntime();
    const jobId = submit(runtime, 16);
    runtime.advance(60);
    expect(runtime.describeJob(jobId).status).toBe('RUNNABLE');

    // WHEN the queue gets the big CE first, and a higher priority
    runtime.updateJobQueue({ jobQueue: 'Queue', priority: 5, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'Big' }, { order: 2, computeEnvironment: 'Small' }] });
    runtime.advance(60);

    // THEN
    expect(runtime.describeJob(jobId).status).toBe('RUNNING');
    expect(runtime.describeJob(jobId).container?.containerInstanceArn).toBeDefined();
    const [queue] = runtime._backend.describeJobQueues({ jobQueues: [runtime.resourceArn('Queue')] }).jobQueues;
    expect(queue.priority).toBe(5);
    expect(queue.computeEnvironmentOrder.map((entry) => entry.computeEnvironment)).toEqual([runtime.resourceArn('Big'), runtime.resourceArn('Small')]);
  });

  test('LIFE-8: a DISABLED queue takes no new jobs; its jobs still run', () => {
    // GIVEN a queued job
    const runtime = newRuntime();
    const jobId = submit(runtime);

    // WHEN
    runtime.updateJobQueue({ jobQueue: 'Queue', state: 'DISABLED' });
    runtime.advance(60);

    // THEN
    expect(() => submit(runtime)).toThrow(/job queue .* is DISABLED and accepts no new jobs/);
    expect(runtime.describeJob(jobId).status).toBe('RUNNING');
  });
});
