import * as cdk from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import { batchJobTarget } from '../../../../src/constructs/events/private/batch-job-target';
import { ValidationError } from '../../../../src/validation';
import { batchFixture } from '../events-fixtures';

describe('batchJobTarget', () => {
  test('EVT-3: binds to a Batch target with the submission fields', () => {
    // GIVEN
    const { stack, jobQueue, jobDefinition } = batchFixture();
    const rule = new events.Rule(stack, 'Rule', { eventPattern: { source: ['my.app'] } });

    // WHEN
    const config = batchJobTarget(rule, { jobQueue, jobDefinition, jobName: 'j1', arraySize: 2, attempts: 1 }).bind(rule);

    // THEN
    expect(stack.resolve(config.batchParameters)).toEqual({
      jobDefinition: stack.resolve(jobDefinition.jobDefinitionArn),
      jobName: 'j1',
      arrayProperties: { size: 2 },
      retryStrategy: { attempts: 1 },
    });
  });

  test('LIM-6: the error keeps field, value, limit and rule, and adds the construct path', () => {
    // GIVEN
    const { stack, jobQueue, jobDefinition } = batchFixture();
    const rule = new events.Rule(stack, 'Rule', { eventPattern: { source: ['my.app'] } });

    // WHEN
    let thrown: unknown;
    try {
      batchJobTarget(rule, { jobQueue, jobDefinition, arraySize: 0 });
    } catch (error) {
      thrown = error;
    }

    // THEN
    expect(thrown).toBeInstanceOf(ValidationError);
    expect(thrown).toMatchObject({ field: 'arraySize', value: 0, limit: 'an integer 2..10000', rule: 'LIM-6' });
    expect((thrown as Error).message).toBe('Test/Rule: arraySize: 0 is invalid: an integer 2..10000 (LIM-6)');
  });

  test('LIM-6 / LIM-10: tokens are left to deploy time', () => {
    // GIVEN values only known at deploy time
    const { stack, jobQueue, jobDefinition } = batchFixture();
    const size = new cdk.CfnParameter(stack, 'Size', { type: 'Number' }).valueAsNumber;

    // WHEN / THEN
    expect(() => batchJobTarget(stack, { jobQueue, jobDefinition, arraySize: size, attempts: size })).not.toThrow();
  });
});
