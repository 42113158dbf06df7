import { BatchBackend } from '../../../../src/runtime/core/backend';
import { VirtualClock } from '../../../../src/runtime/core/clock';
import { ClientException } from '../../../../src/runtime/core/errors';
import { SeededIdGenerator } from '../../../../src/runtime/core/id-generator';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { SimulatedRunner } from '../../../../src/runtime/executors/simulated/simulated-runner';
import { T0 } from '../fixtures';

function backendWithCe(): BatchBackend {
  const backend = new BatchBackend({
    clock: new VirtualClock(T0),
    ids: new SeededIdGenerator(3),
    runner: new SimulatedRunner({ behaviorFor: () => JobBehavior.succeed() }),
  });
  backend.createComputeEnvironment({
    computeEnvironmentName: 'ce',
    type: 'MANAGED',
    computeResources: { type: 'EC2', minvCpus: 0, maxvCpus: 4, instanceTypes: ['optimal'], subnets: ['subnet-1'], instanceRole: 'ecsInstanceRole' },
  });
  return backend;
}

function clientError(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof ClientException) return error.message;
    throw error;
  }
  throw new Error('no ClientException');
}

const ORDER = [{ order: 1, computeEnvironment: 'ce' }];

describe('scheduling policy operations', () => {
  test('FS-1: GIVEN a created policy WHEN described and listed THEN it comes back with defaults and tags', () => {
    const backend = backendWithCe();
    const policy = backend.createSchedulingPolicy({ name: 'teams', fairsharePolicy: { shareDistribution: [{ shareIdentifier: 'a' }] }, tags: { k: 'v' } });

    expect(policy.arn).toBe('arn:aws:batch:us-east-1:123456789012:scheduling-policy/teams');
    expect(backend.describeSchedulingPolicies([policy.arn, 'arn:aws:batch:us-east-1:123456789012:scheduling-policy/none'])).toEqual([{
      name: 'teams',
      arn: policy.arn,
      tags: { k: 'v' },
      fairsharePolicy: { shareDecaySeconds: 0, computeReservation: 0, shareDistribution: [{ shareIdentifier: 'a', weightFactor: 1 }] },
    }]);
    expect(backend.listSchedulingPolicies()).toEqual({ schedulingPolicies: [{ arn: policy.arn }] });
    expect(backend.listTagsForResource(policy.arn)).toEqual({ k: 'v' });
  });

  test('FS-1: GIVEN three policies WHEN listed one per page THEN the token pages through them', () => {
    const backend = backendWithCe();
    for (const name of ['p1', 'p2', 'p3']) backend.createSchedulingPolicy({ name });
    const first = backend.listSchedulingPolicies({ maxResults: 2 });
    const second = backend.listSchedulingPolicies({ maxResults: 2, nextToken: first.nextToken });
    expect([...first.schedulingPolicies, ...second.schedulingPolicies].map((p) => p.arn.split('/')[1])).toEqual(['p1', 'p2', 'p3']);
    expect(second.nextToken).toBeUndefined();
  });

  test('FS-1: GIVEN an invalid policy or a taken name WHEN created THEN a ClientException names the field and nothing is stored', () => {
    const backend = backendWithCe();
    backend.createSchedulingPolicy({ name: 'taken' });
    expect(clientError(() => backend.createSchedulingPolicy({ name: 'bad', fairsharePolicy: { computeReservation: 100 } }))).toContain('fairsharePolicy.computeReservation');
    expect(clientError(() => backend.createSchedulingPolicy({ name: 'bad name' }))).toContain('name');
    expect(clientError(() => backend.createSchedulingPolicy({ name: 'taken' }))).toContain('name: a scheduling policy named taken already exists');
    expect(clientError(() => backend.createSchedulingPolicy({ name: 'q', quotaSharePolicy: { idleResourceAssignmentStrategy: 'FIFO' } } as never))).toContain('quotaSharePolicy');
    expect(backend.listSchedulingPolicies().schedulingPolicies).toHaveLength(1);
  });

  test('FS-1: GIVEN an update WHEN it is invalid THEN nothing changes; WHEN valid THEN the new policy is described', () => {
    const backend = backendWithCe();
    const { arn } = backend.createSchedulingPolicy({ name: 'p', fairsharePolicy: { shareDecaySeconds: 60 } });
    expect(clientError(() => backend.updateSchedulingPolicy({ arn, fairsharePolicy: { shareDecaySeconds: 604_801 } }))).toContain('fairsharePolicy.shareDecaySeconds');
    expect(backend.describeSchedulingPolicies([arn])[0].fairsharePolicy.shareDecaySeconds).toBe(60);
    backend.updateSchedulingPolicy({ arn, fairsharePolicy: { computeReservation: 10 } });
    expect(backend.describeSchedulingPolicies([arn])[0].fairsharePolicy)
      .toEqual({ shareDecaySeconds: 0, computeReservation: 10, shareDistribution: [] });
    expect(clientError(() => backend.updateSchedulingPolicy({ arn: `${arn}x` }))).toContain('arn: unknown scheduling policy');
  });

  test('FS-1: GIVEN a policy a queue uses WHEN deleted THEN it is refused naming the queue; once the queue is gone it is deleted', () => {
    const backend = backendWithCe();
    const { arn } = backend.createSchedulingPolicy({ name: 'p' });
    backend.createJobQueue({ jobQueueName: 'fair', priority: 1, schedulingPolicyArn: arn, computeEnvironmentOrder: ORDER });
    expect(clientError(() => backend.deleteSchedulingPolicy(arn))).toContain('used by job queue(s) fair');
    backend.updateJobQueue({ jobQueue: 'fair', state: 'DISABLED' });
    backend.deleteJobQueue('fair');
    backend.deleteSchedulingPolicy(arn);
    expect(backend.describeSchedulingPolicies([arn])).toEqual([]);
  });

  test('FS-2: GIVEN a queue naming a policy that does not exist WHEN created THEN ClientException on schedulingPolicyArn and no queue', () => {
    const backend = backendWithCe();
    const message = clientError(() => backend.createJobQueue({
      jobQueueName: 'fair', priority: 1, schedulingPolicyArn: 'arn:aws:batch:us-east-1:123456789012:scheduling-policy/missing', computeEnvironmentOrder: ORDER,
    }));
    expect(message).toContain('schedulingPolicyArn: unknown scheduling policy');
    expect(backend.describeJobQueues().jobQueues).toEqual([]);
  });

  test('FS-2: GIVEN a FIFO queue WHEN UpdateJobQueue gives it a policy THEN it is refused; a fair-share queue\'s policy can be replaced', () => {
    const backend = backendWithCe();
    const first = backend.createSchedulingPolicy({ name: 'first' });
    const second = backend.createSchedulingPolicy({ name: 'second' });
    backend.createJobQueue({ jobQueueName: 'fifo', priority: 1, computeEnvironmentOrder: ORDER });
    backend.createJobQueue({ jobQueueName: 'fair', priority: 1, schedulingPolicyArn: first.arn, computeEnvironmentOrder: ORDER });

    expect(clientError(() => backend.updateJobQueue({ jobQueue: 'fifo', schedulingPolicyArn: first.arn, priority: 5 }))).toContain('created without a scheduling policy');
    expect(backend.describeJobQueues({ jobQueues: ['fifo'] }).jobQueues[0]).toMatchObject({ priority: 1 });
    expect(backend.describeJobQueues({ jobQueues: ['fifo'] }).jobQueues[0].schedulingPolicyArn).toBeUndefined();

    backend.updateJobQueue({ jobQueue: 'fair', schedulingPolicyArn: second.arn });
    expect(backend.describeJobQueues({ jobQueues: ['fair'] }).jobQueues[0].schedulingPolicyArn).toBe(second.arn);
    expect(clientError(() => backend.updateJobQueue({ jobQueue: 'fair', schedulingPolicyArn: '' }))).toContain('schedulingPolicyArn');
  });

  test('FS-3: GIVEN a fair-share and a FIFO queue WHEN jobs are submitted with the wrong share fields THEN ClientExceptions name the queue', () => {
    const backend = backendWithCe();
    const { arn } = backend.createSchedulingPolicy({ name: 'p' });
    backend.createJobQueue({ jobQueueName: 'fair', priority: 1, schedulingPolicyArn: arn, computeEnvironmentOrder: ORDER });
    backend.createJobQueue({ jobQueueName: 'fifo', priority: 1, computeEnvironmentOrder: ORDER });
    backend.registerJobDefinition({ jobDefinitionName: 'd', type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 512 } });
    const submit = (fields: object): string => clientError(() => backend.submitJob({ jobName: 'j', jobDefinition: 'd', ...fields } as never));

    expect(submit({ jobQueue: 'fair' })).toContain('shareIdentifier: job queue fair is a fair-share queue');
    expect(submit({ jobQueue: 'fifo', shareIdentifier: 'a' })).toContain('shareIdentifier: job queue fifo has no scheduling policy');
    expect(submit({ jobQueue: 'fair', shareIdentifier: 'a*' })).toContain('shareIdentifier');
    expect(submit({ jobQueue: 'fair', shareIdentifier: 'a', schedulingPriorityOverride: 10_000 })).toContain('schedulingPriorityOverride');
    expect([...backend.allJobs()]).toHaveLength(0);
  });

  test('FS-5: GIVEN a definition with schedulingPriority WHEN a job gives no override THEN it has the definition\'s; an override wins', () => {
    const backend = backendWithCe();
    const { arn } = backend.createSchedulingPolicy({ name: 'p' });
    backend.createJobQueue({ jobQueueName: 'fair', priority: 1, schedulingPolicyArn: arn, computeEnvironmentOrder: ORDER });
    backend.registerJobDefinition({ jobDefinitionName: 'd', type: 'container', schedulingPriority: 7, containerProperties: { image: 'busybox', vcpus: 1, memory: 512 } });
    expect(clientError(() => backend.registerJobDefinition({ jobDefinitionName: 'e', type: 'container', schedulingPriority: 10_000, containerProperties: { image: 'busybox', vcpus: 1, memory: 512 } })))
      .toContain('schedulingPriority');

    const plain = backend.submitJob({ jobName: 'plain', jobQueue: 'fair', jobDefinition: 'd', shareIdentifier: 'a' });
    const overridden = backend.submitJob({ jobName: 'over', jobQueue: 'fair', jobDefinition: 'd', shareIdentifier: 'a', schedulingPriorityOverride: 3 });

    expect(backend.describeJobs([plain.jobId, overridden.jobId]).map((job) => job.schedulingPriority)).toEqual([7, 3]);
  });
});
