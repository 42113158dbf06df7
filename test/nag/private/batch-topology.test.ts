import * as batch from 'aws-cdk-lib/aws-batch';
import * as events from 'aws-cdk-lib/aws-events';
import {
  computeEnvironmentsOfQueue,
  computeKindOf,
  instanceTypesOf,
  isFairShareQueue,
  isMultiNode,
  queuesForJobDefinition,
  queuesTargetedByRule,
  requiresGpu,
  schedulingPolicyOfQueue,
} from '../../../src/nag/private/batch-topology';
import {
  computeEnvironment,
  containerJobDefinition,
  jobQueue,
  multiNodeJobDefinition,
  newTestStack,
} from '../nag-fixtures';

describe('Batch topology of a stack', () => {
  test('CE-1: the capacity type comes from computeResources.type, UNMANAGED from the CE type', () => {
    const { stack } = newTestStack();
    expect(computeKindOf(computeEnvironment(stack, 'Ec2'))).toBe('EC2');
    expect(computeKindOf(computeEnvironment(stack, 'Spot', { type: 'SPOT' }))).toBe('SPOT');
    expect(computeKindOf(computeEnvironment(stack, 'Fargate', { type: 'FARGATE_SPOT' }))).toBe('FARGATE_SPOT');
    expect(computeKindOf(new batch.CfnComputeEnvironment(stack, 'Unmanaged', { type: 'UNMANAGED' }))).toBe('UNMANAGED');
  });

  test('LIM-15: an absent instance type list means optimal', () => {
    const { stack } = newTestStack();
    const ce = new batch.CfnComputeEnvironment(stack, 'Ce', {
      type: 'MANAGED',
      computeResources: { type: 'EC2', maxvCpus: 4, subnets: ['subnet-1'] },
    });
    expect(instanceTypesOf(ce)).toEqual(['optimal']);
    expect(instanceTypesOf(computeEnvironment(stack, 'Typed', { instanceTypes: ['c5'] }))).toEqual(['c5']);
  });

  test('LIM-2: a queue lists its CEs in order, outside CEs as undefined', () => {
    const { stack } = newTestStack();
    const inside = computeEnvironment(stack, 'Inside');
    const queue = new batch.CfnJobQueue(stack, 'Queue', {
      priority: 1,
      computeEnvironmentOrder: [
        { computeEnvironment: inside.ref, order: 1 },
        { computeEnvironment: 'arn:aws:batch:us-east-1:123456789012:compute-environment/outside', order: 2 },
      ],
    });
    expect(computeEnvironmentsOfQueue(queue)).toEqual([inside, undefined]);
  });

  test('EVT-3: rule targets pair a job definition with queues; without them every queue of the stack counts', () => {
    // GIVEN two queues and a job definition
    const { stack } = newTestStack();
    const first = jobQueue(stack, 'First', [computeEnvironment(stack, 'Ce1')]);
    const second = jobQueue(stack, 'Second', [computeEnvironment(stack, 'Ce2')]);
    const jobDefinition = containerJobDefinition(stack, 'Job');
    expect(queuesForJobDefinition(jobDefinition)).toEqual({ queues: [first, second], linked: false });

    // WHEN a rule submits it to the second queue
    new events.CfnRule(stack, 'Rule', {
      scheduleExpression: 'rate(1 hour)',
      targets: [{ id: 'T', arn: second.attrJobQueueArn, batchParameters: { jobDefinition: jobDefinition.ref, jobName: 'j' } }],
    });

    // THEN only that queue counts
    expect(queuesForJobDefinition(jobDefinition)).toEqual({ queues: [second], linked: true });
  });

  test('LIM-9 / MNP-1: GPU requirements and multi-node type are read from the job definition', () => {
    const { stack } = newTestStack();
    expect(requiresGpu(containerJobDefinition(stack, 'Gpu', 2))).toBe(true);
    expect(requiresGpu(containerJobDefinition(stack, 'Cpu'))).toBe(false);
    expect(isMultiNode(multiNodeJobDefinition(stack, 'Mnp'))).toBe(true);
    expect(isMultiNode(containerJobDefinition(stack, 'Single'))).toBe(false);
  });

  test('LIM-9 / MNP-1: a GPU requirement on a container of a node range\'s ecsProperties task is read', () => {
    // GIVEN
    const { stack } = newTestStack();
    const task = (gpu: boolean) => ({
      taskProperties: [{ containers: [{ image: 'mpi', resourceRequirements: [{ type: 'VCPU', value: '1' }, ...(gpu ? [{ type: 'GPU', value: '1' }] : [])] }] }],
    });
    const definition = (id: string, gpu: boolean) => new batch.CfnJobDefinition(stack, id, {
      type: 'multinode',
      nodeProperties: { numNodes: 2, mainNode: 0, nodeRangeProperties: [{ targetNodes: '0:', ecsProperties: task(gpu) }] },
    });

    // THEN
    expect(requiresGpu(definition('Gpu', true))).toBe(true);
    expect(requiresGpu(definition('Cpu', false))).toBe(false);
  });
});

describe('Fair-share topology', () => {
  test('FS-2: a queue naming a scheduling policy is fair share; its policy is found when it is in the stack', () => {
    const { stack } = newTestStack();
    const ce = computeEnvironment(stack, 'Ce');
    const fifo = jobQueue(stack, 'Fifo', [ce]);
    const shared = jobQueue(stack, 'Shared', [ce]);
    const policy = new batch.CfnSchedulingPolicy(stack, 'Policy', {});
    shared.schedulingPolicyArn = policy.attrArn;
    const imported = jobQueue(stack, 'Imported', [ce]);
    imported.schedulingPolicyArn = 'arn:aws:batch:us-east-1:123456789012:scheduling-policy/elsewhere';

    expect([fifo, shared, imported].map(isFairShareQueue)).toEqual([false, true, true]);
    expect(schedulingPolicyOfQueue(shared)).toBe(policy);
    expect(schedulingPolicyOfQueue(fifo)).toBeUndefined();
    expect(schedulingPolicyOfQueue(imported)).toBeUndefined();
  });

  test('EVT-3: the queues a rule targets are those its target Arns reference', () => {
    const { stack } = newTestStack();
    const ce = computeEnvironment(stack, 'Ce');
    const a = jobQueue(stack, 'A', [ce]);
    jobQueue(stack, 'B', [ce]);
    const rule = new events.CfnRule(stack, 'Rule', {
      scheduleExpression: 'rate(1 hour)',
      targets: [
        { id: 'T0', arn: a.ref },
        { id: 'T1', arn: 'arn:aws:sns:us-east-1:123456789012:topic' },
      ],
    });
    expect(queuesTargetedByRule(rule)).toEqual([a]);
  });
});
