import { BatchBackend } from '../../../../src/runtime/core/backend';
import { ClientException } from '../../../../src/runtime/core/errors';
import { submit, testBackend } from '../fixtures';

const ec2 = (name: string, extra: Record<string, unknown> = {}): any => ({
  computeEnvironmentName: name, type: 'MANAGED', computeResources: { type: 'EC2', maxvCpus: 4, instanceTypes: ['optimal'], subnets: ['s'] }, ...extra,
});

function snapshot(backend: BatchBackend): string {
  return JSON.stringify([backend.describeComputeEnvironments(), backend.describeJobQueues(), backend.describeJobDefinitions()]);
}

describe('RegistryOperations through the backend', () => {
  test('LIM-1: the 51st compute environment and the 51st job queue are rejected', () => {
    // GIVEN: the fixture has one CE and one queue
    const { backend } = testBackend();
    for (let i = 1; i < 50; i++) backend.createComputeEnvironment(ec2(`ce-${i}`));
    for (let i = 1; i < 50; i++) backend.createJobQueue({ jobQueueName: `q-${i}`, priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] });

    // WHEN / THEN
    expect(() => backend.createComputeEnvironment(ec2('ce-50'))).toThrow('computeEnvironmentName: 51 is invalid: at most 50 compute environments per region (LIM-1)');
    expect(() => backend.createJobQueue({ jobQueueName: 'q-50', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] }))
      .toThrow('at most 50 job queues per region (LIM-1)');
  });

  test('LIM-2, LIM-8, LIM-13, LIM-15: rejected requests throw ClientException and change nothing', () => {
    // GIVEN
    const { backend } = testBackend();
    const before = snapshot(backend);
    const attempts: Array<() => unknown> = [
      () => backend.createComputeEnvironment(ec2('bad/name')),
      () => backend.createComputeEnvironment(ec2('spot', { computeResources: { type: 'SPOT', maxvCpus: 4, subnets: ['s'] } })),
      () => backend.createComputeEnvironment(ec2('zz', { computeResources: { type: 'EC2', maxvCpus: 4, instanceTypes: ['zz9'], subnets: ['s'] } })),
      () => backend.createJobQueue({ jobQueueName: 'dup', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }, { order: 2, computeEnvironment: backend.registry.computeEnvironment('ce').arn }] }),
      () => backend.registerJobDefinition({ jobDefinitionName: 'j', type: 'container', containerProperties: { image: 'i', vcpus: 0, memory: 64 } }),
      () => backend.updateComputeEnvironment({ computeEnvironment: 'ce', computeResources: { maxvCpus: -1 } }),
      () => backend.updateJobQueue({ jobQueue: 'queue', priority: 5, computeEnvironmentOrder: [] }),
      () => backend.tagResource(backend.registry.jobQueue('queue').arn, { 'aws:owner': 'x' }),
    ];

    // WHEN / THEN
    for (const attempt of attempts) expect(attempt).toThrow(ClientException);
    expect(snapshot(backend)).toBe(before);
    expect(backend.describeJobQueues().jobQueues[0].priority).toBe(1); // the valid priority in a rejected update was not applied
  });

  test('CE-1: compute resources may not switch between EC2 and Fargate; unmanagedvCpus is for UNMANAGED only', () => {
    const { backend } = testBackend();
    expect(() => backend.updateComputeEnvironment({ computeEnvironment: 'ce', computeResources: { type: 'FARGATE' } })).toThrow('EC2 resources stay EC2');
    expect(() => backend.updateComputeEnvironment({ computeEnvironment: 'ce', unmanagedvCpus: 4 })).toThrow('only for an UNMANAGED compute environment');
    expect(() => backend.updateComputeEnvironment({ computeEnvironment: 'ce', computeResources: { type: 'SPOT', spotIamFleetRole: 'arn:aws:iam::123456789012:role/f' } })).not.toThrow();
  });

  test('SCHED-2: an updated priority and compute environment order take effect on the queue record the scheduler reads', () => {
    // GIVEN
    const { backend } = testBackend();
    backend.createComputeEnvironment(ec2('second'));

    // WHEN
    backend.updateJobQueue({ jobQueue: 'queue', priority: 9, computeEnvironmentOrder: [{ order: 2, computeEnvironment: 'ce' }, { order: 1, computeEnvironment: 'second' }] });

    // THEN
    const queue = backend.registry.jobQueue('queue');
    expect(queue.priority).toBe(9);
    expect(queue.computeEnvironmentOrder.map((e) => e.computeEnvironment.name)).toEqual(['second', 'ce']);
  });

  test('DescribeJobDefinitions: a bare name in jobDefinitions means every revision; it does not combine with jobDefinitionName', () => {
    // GIVEN
    const { backend } = testBackend();
    backend.registerJobDefinition({ jobDefinitionName: 'job', type: 'container', containerProperties: { image: 'i', vcpus: 1, memory: 64 } });

    // THEN
    expect(backend.describeJobDefinitions({ jobDefinitions: ['job'] }).jobDefinitions.map((d) => d.revision)).toEqual([1, 2]);
    expect(backend.describeJobDefinitions({ jobDefinitions: ['job:2', 'nope:1'] }).jobDefinitions.map((d) => d.revision)).toEqual([2]);
    expect(() => backend.describeJobDefinitions({ jobDefinitions: ['job'], jobDefinitionName: 'job' })).toThrow('cannot be combined with jobDefinitionName');
    expect(() => backend.describeJobDefinitions({ jobDefinitions: ['job'], nextToken: 'x' })).toThrow('cannot be combined with jobDefinitions');
  });

  test('tags: jobs take tags on their own ARN; array children do not; 50 tags at most per resource', () => {
    // GIVEN
    const { backend } = testBackend();
    const jobId = submit(backend, { arrayProperties: { size: 2 } });
    const jobArn = backend.job(jobId)!.arn;

    // WHEN
    backend.tagResource(jobArn, { a: '1' });

    // THEN
    expect(backend.listTagsForResource(jobArn)).toEqual({ a: '1' });
    expect(() => backend.listTagsForResource(`${jobArn}:0`)).toThrow('array or multi-node child');
    const queueArn = backend.registry.jobQueue('queue').arn;
    backend.tagResource(queueArn, Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'])));
    expect(() => backend.tagResource(queueArn, { one: 'more' })).toThrow('at most 50 tags per resource');
    expect(() => backend.untagResource(queueArn, [])).toThrow('give at least one tag key');
  });

  test('DeleteComputeEnvironment of an unknown CE, and deregistering an unknown revision, are ClientExceptions', () => {
    const { backend } = testBackend();
    expect(() => backend.deleteComputeEnvironment('nope')).toThrow('unknown compute environment "nope"');
    expect(() => backend.deregisterJobDefinition('job:7')).toThrow('unknown job definition "job:7"');
  });

  test('deregistering is idempotent and the revision stays describable as INACTIVE', () => {
    const { backend } = testBackend();
    backend.deregisterJobDefinition('job:1');
    backend.deregisterJobDefinition('arn:aws:batch:us-east-1:123456789012:job-definition/job:1');
    expect(backend.describeJobDefinitions({ jobDefinitionName: 'job' }).jobDefinitions.map((d) => d.status)).toEqual(['INACTIVE']);
  });
});
