import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { newStack, synthError } from './test-stack';
import { BatchComputeEnvironment, BatchJobQueue, BatchVpc } from '../../src/constructs';

function setup() {
  const stack = newStack();
  const vpc = new BatchVpc(stack, 'Vpc', { flowLogs: false });
  const ce = (id: string, instanceTypes?: string[], spot?: boolean) =>
    new BatchComputeEnvironment(stack, id, { vpc, spot, instanceTypes: instanceTypes?.map((type) => new ec2.InstanceType(type)) }).computeEnvironment;
  return { stack, vpc, ce };
}

describe('BatchJobQueue', () => {
  test('LIM-2: up to three compute environments in order', () => {
    // GIVEN
    const { stack, ce } = setup();

    // WHEN
    new BatchJobQueue(stack, 'Queue', {
      priority: 10,
      computeEnvironments: [{ computeEnvironment: ce('A'), order: 1 }, { computeEnvironment: ce('B', undefined, true), order: 2 }, { computeEnvironment: ce('C'), order: 3 }],
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::JobQueue', {
      Priority: 10,
      ComputeEnvironmentOrder: [Match.objectLike({ Order: 1 }), Match.objectLike({ Order: 2 }), Match.objectLike({ Order: 3 })],
    });
    expect(synthError(stack)).toBe('');
  });

  test('LIM-2: a fourth compute environment is rejected at synth, even when added later', () => {
    // GIVEN
    const { stack, ce } = setup();
    const queue = new BatchJobQueue(stack, 'Queue', {
      computeEnvironments: [{ computeEnvironment: ce('A'), order: 1 }, { computeEnvironment: ce('B'), order: 2 }, { computeEnvironment: ce('C'), order: 3 }],
    });

    // WHEN
    queue.addComputeEnvironment(ce('D'), 4);

    // THEN
    expect(synthError(stack)).toMatch(/\[TestStack\/Queue\] computeEnvironmentOrder: 4 is invalid: 1\.\.3 compute environments \(LIM-2\)/);
  });

  test('LIM-2: the same compute environment listed twice is rejected', () => {
    const { stack, ce } = setup();
    const a = ce('A');
    new BatchJobQueue(stack, 'Queue', { computeEnvironments: [{ computeEnvironment: a, order: 1 }, { computeEnvironment: a, order: 2 }] });
    expect(synthError(stack)).toMatch(/each compute environment listed once.*LIM-2/);
  });

  test('LIM-3: x86_64 and arm64 compute environments in one queue are rejected', () => {
    const { stack, ce } = setup();
    new BatchJobQueue(stack, 'Queue', {
      computeEnvironments: [{ computeEnvironment: ce('X86', ['c5.large']), order: 1 }, { computeEnvironment: ce('Arm', ['c6g.large']), order: 2 }],
    });
    expect(synthError(stack)).toMatch(/TestStack\/Queue.*all compute environments of a queue share one architecture.*LIM-3/s);
  });

  test('LIM-3: `optimal` counts as x86_64', () => {
    const { stack, ce } = setup();
    new BatchJobQueue(stack, 'Queue', {
      computeEnvironments: [{ computeEnvironment: ce('Optimal'), order: 1 }, { computeEnvironment: ce('Arm', ['m6g.large']), order: 2 }],
    });
    expect(synthError(stack)).toMatch(/LIM-3/);
  });

  test('LIM-3: EC2 and Fargate compute environments are not mixed', () => {
    const { stack, vpc, ce } = setup();
    const fargate = new batch.FargateComputeEnvironment(stack, 'Fargate', { vpc });
    new BatchJobQueue(stack, 'Queue', { computeEnvironments: [{ computeEnvironment: ce('A'), order: 1 }, { computeEnvironment: fargate, order: 2 }] });
    expect(synthError(stack)).toMatch(/not mixed in one queue.*LIM-3/s);
  });

  test('LIM-3: imported compute environments are not judged', () => {
    const { stack, ce } = setup();
    const imported = batch.ManagedEc2EcsComputeEnvironment.fromManagedEc2EcsComputeEnvironmentArn(stack, 'Imp',
      'arn:aws:batch:us-east-1:123456789012:compute-environment/arm-ce');
    new BatchJobQueue(stack, 'Queue', { computeEnvironments: [{ computeEnvironment: ce('A'), order: 1 }, { computeEnvironment: imported, order: 2 }] });
    expect(synthError(stack)).toBe('');
  });

  test('LIM-8: an invalid queue name is rejected at construction', () => {
    const { stack, ce } = setup();
    expect(() => new BatchJobQueue(stack, 'Queue', { jobQueueName: 'high priority', computeEnvironments: [{ computeEnvironment: ce('A'), order: 1 }] }))
      .toThrow(/TestStack\/Queue: jobQueueName: "high priority" is invalid.*LIM-8/);
  });
});

describe('BatchJobQueue quota', () => {
  test('LIM-1: the 51st queue in a stack is rejected, the first 50 are not', () => {
    // GIVEN
    const { stack, ce } = setup();
    const shared = ce('Shared');

    // WHEN
    for (let index = 1; index <= 51; index++) {
      new BatchJobQueue(stack, `Queue${index}`, { computeEnvironments: [{ computeEnvironment: shared, order: 1 }] });
    }

    // THEN
    const message = synthError(stack);
    expect(message).toMatch(/\[TestStack\/Queue51\] jobQueues: 51 is invalid: at most 50 job queues per region \(LIM-1\)/);
    expect(message).not.toMatch(/Queue50\]/);
  });
});

describe('BatchJobQueue fair share', () => {
  const twoTeams = { shares: [{ shareIdentifier: 'teamA', weightFactor: 1 }, { shareIdentifier: 'teamB*', weightFactor: 3 }] };

  test('FS-1, FS-2: fairShare creates a FairshareSchedulingPolicy child and the queue references it', () => {
    // GIVEN
    const { stack, ce } = setup();

    // WHEN
    const queue = new BatchJobQueue(stack, 'Queue', {
      computeEnvironments: [{ computeEnvironment: ce('A'), order: 1 }],
      fairShare: { ...twoTeams, shareDecay: Duration.hours(1), computeReservation: 20, schedulingPolicyName: 'teams' },
    });

    // THEN the policy is aws-cdk-lib's, under the queue, and the queue's L1 names it
    expect(queue.fairSharePolicy).toBeInstanceOf(batch.FairshareSchedulingPolicy);
    expect(queue.fairSharePolicy!.node.path).toBe('TestStack/Queue/SchedulingPolicy');
    expect(queue.schedulingPolicy).toBe(queue.fairSharePolicy);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Batch::SchedulingPolicy', {
      Name: 'teams',
      FairsharePolicy: {
        ShareDecaySeconds: 3600,
        ComputeReservation: 20,
        ShareDistribution: [{ ShareIdentifier: 'teamA', WeightFactor: 1 }, { ShareIdentifier: 'teamB*', WeightFactor: 3 }],
      },
    });
    const policyId = stack.getLogicalId(queue.fairSharePolicy!.node.defaultChild as batch.CfnSchedulingPolicy);
    template.hasResourceProperties('AWS::Batch::JobQueue', { SchedulingPolicyArn: { 'Fn::GetAtt': [policyId, 'Arn'] } });
    expect(synthError(stack)).toBe('');
  });

  test('FS-2: a queue without fairShare or schedulingPolicy stays FIFO', () => {
    const { stack, ce } = setup();
    const queue = new BatchJobQueue(stack, 'Queue', { computeEnvironments: [{ computeEnvironment: ce('A'), order: 1 }] });
    expect(queue.schedulingPolicy).toBeUndefined();
    expect(queue.fairSharePolicy).toBeUndefined();
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::JobQueue', { SchedulingPolicyArn: Match.absent() });
    Template.fromStack(stack).resourceCountIs('AWS::Batch::SchedulingPolicy', 0);
  });

  test('FS-2: fairShare and schedulingPolicy together are rejected', () => {
    const { stack, ce } = setup();
    const policy = new batch.FairshareSchedulingPolicy(stack, 'Policy');
    expect(() => new BatchJobQueue(stack, 'Queue', { computeEnvironments: [{ computeEnvironment: ce('A'), order: 1 }], fairShare: {}, schedulingPolicy: policy }))
      .toThrow('TestStack/Queue: fairShare and schedulingPolicy are invalid together: give one of them (FS-2)');
  });

  test.each([
    ['computeReservation 100', { computeReservation: 100 }, /TestStack\/Queue: fairShare\.computeReservation: 100 is invalid: an integer 0\.\.99 \(percent\) \(FS-1\)/],
    ['shareDecay of 8 days', { shareDecay: Duration.days(8) }, /TestStack\/Queue: fairShare\.shareDecay: 691200 is invalid: an integer 0\.\.604800 seconds \(one week\) \(FS-1\)/],
    ['shareDecay of 1.5 s', { shareDecay: Duration.millis(1500) }, /TestStack\/Queue: fairShare\.shareDecay: "Duration.millis\(1500\)" is invalid: whole seconds \(FS-1\)/],
    ['a name with a space', { schedulingPolicyName: 'team policy' }, /TestStack\/Queue: fairShare\.schedulingPolicyName: "team policy" is invalid.*LIM-8/],
  ])('FS-1: %s is rejected at construction with path, field, value and limit', (_label, fairShare, message) => {
    const { stack, ce } = setup();
    expect(() => new BatchJobQueue(stack, 'Queue', { computeEnvironments: [{ computeEnvironment: ce('A'), order: 1 }], fairShare }))
      .toThrow(message);
  });

  test('FS-1: an overlapping prefix is rejected at synth, naming the queue, both entries and the rule', () => {
    const { stack, ce } = setup();
    new BatchJobQueue(stack, 'Queue', {
      computeEnvironments: [{ computeEnvironment: ce('A'), order: 1 }],
      fairShare: { shares: [{ shareIdentifier: 'teamA', weightFactor: 1 }, { shareIdentifier: 'team*', weightFactor: 2 }] },
    });
    expect(synthError(stack)).toMatch(/\[TestStack\/Queue\] fairShare\.shares\[1\]\.shareIdentifier: "team\*" is invalid: .*\(FS-1\): it overlaps fairShare\.shares\[0\] "teamA"/);
  });

  test('FS-1: a share added later with addShare is checked too (duplicate)', () => {
    // GIVEN a valid queue
    const { stack, ce } = setup();
    const queue = new BatchJobQueue(stack, 'Queue', { computeEnvironments: [{ computeEnvironment: ce('A'), order: 1 }], fairShare: twoTeams });

    // WHEN a duplicate share is added after construction
    queue.fairSharePolicy!.addShare({ shareIdentifier: 'teamA', weightFactor: 2 });

    // THEN synthesis names it
    expect(synthError(stack)).toMatch(/\[TestStack\/Queue\] fairShare\.shares\[2\]\.shareIdentifier: "teamA" is invalid: .*fairShare\.shares\[0\] declares it already/);
  });

  test('FS-1: a weight factor out of range is rejected at synth', () => {
    const { stack, ce } = setup();
    new BatchJobQueue(stack, 'Queue', {
      computeEnvironments: [{ computeEnvironment: ce('A'), order: 1 }],
      fairShare: { shares: [{ shareIdentifier: 'teamA', weightFactor: 0 }] },
    });
    expect(synthError(stack)).toMatch(/\[TestStack\/Queue\] fairShare\.shares\[0\]\.weightFactor: 0 is invalid: a number 0\.0001\.\.999\.9999 \(FS-1\)/);
  });

  test('FS-1: 501 shares are rejected', () => {
    const { stack, ce } = setup();
    const shares = Array.from({ length: 501 }, (_, i) => ({ shareIdentifier: `share${i}`, weightFactor: 1 }));
    new BatchJobQueue(stack, 'Queue', { computeEnvironments: [{ computeEnvironment: ce('A'), order: 1 }], fairShare: { shares } });
    expect(synthError(stack)).toMatch(/\[TestStack\/Queue\] fairShare\.shares: 501 is invalid: at most 500 entries \(FS-1\)/);
  });

  test('FS-1: an aws-cdk-lib FairshareSchedulingPolicy passed as schedulingPolicy is checked as well', () => {
    // GIVEN a plain aws-cdk-lib policy with overlapping prefixes
    const { stack, ce } = setup();
    const policy = new batch.FairshareSchedulingPolicy(stack, 'Policy', { shares: [{ shareIdentifier: 'team*', weightFactor: 1 }, { shareIdentifier: 'te*', weightFactor: 1 }] });

    // WHEN our queue uses it
    const queue = new BatchJobQueue(stack, 'Queue', { computeEnvironments: [{ computeEnvironment: ce('A'), order: 1 }], schedulingPolicy: policy });

    // THEN it is the queue's policy and its shares are judged at synth
    expect(queue.schedulingPolicy).toBe(policy);
    expect(synthError(stack)).toMatch(/\[TestStack\/Queue\] schedulingPolicy\.shares\[1\]\.shareIdentifier: "te\*" is invalid: .*it overlaps schedulingPolicy\.shares\[0\] "team\*"/);
  });

  test('FS-1: a given policy\'s computeReservation is checked at construction', () => {
    const { stack, ce } = setup();
    const policy = new batch.FairshareSchedulingPolicy(stack, 'Policy', { computeReservation: 150 });
    expect(() => new BatchJobQueue(stack, 'Queue', { computeEnvironments: [{ computeEnvironment: ce('A'), order: 1 }], schedulingPolicy: policy }))
      .toThrow(/TestStack\/Queue: schedulingPolicy\.computeReservation: 150 is invalid/);
  });

  test('FS-1: an imported policy is not judged', () => {
    const { stack, ce } = setup();
    const policy = batch.FairshareSchedulingPolicy.fromFairshareSchedulingPolicyArn(stack, 'Imported', 'arn:aws:batch:us-east-1:123456789012:scheduling-policy/teams');
    const queue = new BatchJobQueue(stack, 'Queue', { computeEnvironments: [{ computeEnvironment: ce('A'), order: 1 }], schedulingPolicy: policy });
    expect(queue.schedulingPolicy).toBeDefined();
    expect(synthError(stack)).toBe('');
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::JobQueue', { SchedulingPolicyArn: 'arn:aws:batch:us-east-1:123456789012:scheduling-policy/teams' });
  });
});
