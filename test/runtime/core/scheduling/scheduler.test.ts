import { Duration } from 'aws-cdk-lib';
import { BatchBackend } from '../../../../src/runtime/core/backend';
import { VirtualClock } from '../../../../src/runtime/core/clock';
import { SeededIdGenerator } from '../../../../src/runtime/core/id-generator';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { SimulatedRunner } from '../../../../src/runtime/executors/simulated/simulated-runner';
import { T0 } from '../fixtures';

/** Two CEs (small: 2 vCPUs, big: 8) and queues `high` (priority 10) and `low` (1) sharing `small`. */
function sharedBackend(): { backend: BatchBackend; started: string[] } {
  const started: string[] = [];
  const backend = new BatchBackend({
    clock: new VirtualClock(T0),
    ids: new SeededIdGenerator(11),
    runner: new SimulatedRunner({ behaviorFor: () => JobBehavior.succeed({ duration: Duration.minutes(1) }) }),
  });
  const ce = (name: string, maxvCpus: number): void => {
    backend.createComputeEnvironment({
      computeEnvironmentName: name,
      type: 'MANAGED',
      computeResources: { type: 'EC2', minvCpus: 0, maxvCpus, instanceTypes: ['optimal'], subnets: ['subnet-1'], instanceRole: 'ecsInstanceRole' },
    });
  };
  ce('small', 2);
  ce('big', 8);
  backend.createJobQueue({ jobQueueName: 'low', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'small' }] });
  backend.createJobQueue({ jobQueueName: 'high', priority: 10, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'small' }] });
  backend.createJobQueue({ jobQueueName: 'ordered', priority: 5, computeEnvironmentOrder: [{ order: 2, computeEnvironment: 'big' }, { order: 1, computeEnvironment: 'small' }] });
  backend.registerJobDefinition({ jobDefinitionName: 'one', type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 512, command: ['true'] } });
  backend.addJobStateListener({
    onJobStateChange: (job) => {
      if (job.status === 'RUNNING') started.push(job.spec.jobName);
    },
  });
  return { backend, started };
}

describe('scheduler', () => {
  test('SCHED-2: the higher-priority queue is served first on a shared compute environment', () => {
    // GIVEN jobs waiting in both queues, submitted low first
    const { backend, started } = sharedBackend();
    for (const name of ['low1', 'low2']) backend.submitJob({ jobName: name, jobQueue: 'low', jobDefinition: 'one' });
    for (const name of ['high1', 'high2']) backend.submitJob({ jobName: name, jobQueue: 'high', jobDefinition: 'one' });

    // WHEN
    backend.loop.runUntilIdle();

    // THEN the 2 vCPUs go to the high queue first
    expect(started).toEqual(['high1', 'high2', 'low1', 'low2']);
  });

  test('SCHED-1: jobs of a queue start in submission order', () => {
    // GIVEN
    const { backend, started } = sharedBackend();
    for (let i = 0; i < 6; i++) backend.submitJob({ jobName: `job${i}`, jobQueue: 'low', jobDefinition: 'one' });

    // WHEN
    backend.loop.runUntilIdle();

    // THEN
    expect(started).toEqual(['job0', 'job1', 'job2', 'job3', 'job4', 'job5']);
  });

  test('SCHED-1, LIFE-3: a job that can never be placed stays RUNNABLE and blocks the jobs behind it', () => {
    // GIVEN a 4-vCPU job on a 2-vCPU queue, then a small one
    const { backend } = sharedBackend();
    const big = backend.submitJob({ jobName: 'big', jobQueue: 'low', jobDefinition: 'one', containerOverrides: { vcpus: 4 } }).jobId;
    const small = backend.submitJob({ jobName: 'small', jobQueue: 'low', jobDefinition: 'one' }).jobId;

    // WHEN
    backend.loop.runUntilIdle();

    // THEN
    expect(backend.describeJobs([big, small]).map((j) => j.status)).toEqual(['RUNNABLE', 'RUNNABLE']);
    expect(backend.explainJob(small)).toMatch(new RegExp(`blocked behind job ${big}.*SCHED-1`));
  });

  test('SCHED-3: compute environments are tried in ascending order', () => {
    // GIVEN queue `ordered` lists big (order 2) after small (order 1)
    const { backend } = sharedBackend();

    // WHEN three 1-vCPU jobs run at once
    const ids = [0, 1, 2].map((i) => backend.submitJob({ jobName: `o${i}`, jobQueue: 'ordered', jobDefinition: 'one' }).jobId);
    backend.loop.runUntil(T0 + 1000);

    // THEN the first two fill `small`, the third spills into `big`
    const ces = backend.describeJobs(ids).map((j) => j.container?.taskArn?.split('/')[1]);
    expect(ces).toEqual(['AWSBatch-small', 'AWSBatch-small', 'AWSBatch-big']);
  });

  test('LIFE-8: a DISABLED queue rejects new jobs; a DISABLED compute environment places nothing', () => {
    // GIVEN
    const { backend } = sharedBackend();
    backend.registry.jobQueue('low').state = 'DISABLED';
    backend.registry.computeEnvironment('small').state = 'DISABLED';

    // WHEN / THEN
    expect(() => backend.submitJob({ jobName: 'x', jobQueue: 'low', jobDefinition: 'one' })).toThrow(/DISABLED.*LIFE-8/);
    const waiting = backend.submitJob({ jobName: 'y', jobQueue: 'high', jobDefinition: 'one' }).jobId;
    backend.loop.runUntilIdle();
    expect(backend.describeJobs([waiting])[0].status).toBe('RUNNABLE');
    expect(backend.explainJob(waiting)).toMatch(/No compute environment of queue high can take jobs: small is DISABLED/);
  });
});
