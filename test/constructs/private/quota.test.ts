import * as batch from 'aws-cdk-lib/aws-batch';
import { checkStackQuota } from '../../../src/constructs/private/quota';
import { newStack } from '../test-stack';

describe('checkStackQuota', () => {
  test('LIM-1: counts resources of the same type in the stack up to this one', () => {
    // GIVEN
    const stack = newStack();
    const queues = [1, 2, 3].map((index) => new batch.CfnJobQueue(stack, `Q${index}`, { priority: 1, computeEnvironmentOrder: [] }));

    // WHEN / THEN
    expect(() => checkStackQuota(queues[1], 'jobQueues', 'job queues', 2)).not.toThrow();
    expect(() => checkStackQuota(queues[2], 'jobQueues', 'job queues', 2)).toThrow(/jobQueues: 3 is invalid: at most 2 job queues per region \(LIM-1\)/);
  });
});
