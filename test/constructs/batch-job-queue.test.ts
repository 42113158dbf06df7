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
