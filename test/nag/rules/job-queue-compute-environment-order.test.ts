import * as batch from 'aws-cdk-lib/aws-batch';
import { computeEnvironment, jobQueue, newTestStack, pathsFlaggedBy } from '../nag-fixtures';

describe('Batch-LIM2 job queue compute environment order', () => {
  test('LIM-2: three CEs with unique orders are compliant', () => {
    // GIVEN a queue of 3 CEs ordered 1, 2, 3
    const { app, stack } = newTestStack();
    const ces = [1, 2, 3].map((n) => computeEnvironment(stack, `Ce${n}`));
    jobQueue(stack, 'Queue', ces);

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'LIM2')).toEqual([]);
  });

  test('LIM-2: four CEs are flagged', () => {
    // GIVEN one CE over the limit of 3
    const { app, stack } = newTestStack();
    const ces = [1, 2, 3, 4].map((n) => computeEnvironment(stack, `Ce${n}`));
    jobQueue(stack, 'Queue', ces);

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'LIM2')).toEqual(['Test/Queue']);
  });

  test('LIM-2: a queue without compute environments is flagged', () => {
    // GIVEN an empty computeEnvironmentOrder
    const { app, stack } = newTestStack();
    jobQueue(stack, 'Queue', []);

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'LIM2')).toEqual(['Test/Queue']);
  });

  test('LIM-2: two CEs with the same order are flagged', () => {
    // GIVEN orders 1 and 1
    const { app, stack } = newTestStack();
    const ces = [1, 2].map((n) => computeEnvironment(stack, `Ce${n}`));
    jobQueue(stack, 'Queue', ces, [1, 1]);

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'LIM2')).toEqual(['Test/Queue']);
  });

  test('LIM-2: a queue of service environments (no CE order) is not judged', () => {
    // GIVEN a SageMaker-style queue with serviceEnvironmentOrder only
    const { app, stack } = newTestStack();
    new batch.CfnJobQueue(stack, 'Queue', {
      priority: 1,
      jobQueueType: 'SAGEMAKER_TRAINING',
      serviceEnvironmentOrder: [{ order: 1, serviceEnvironment: 'arn:aws:batch:us-east-1:123456789012:service-environment/se' }],
    });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'LIM2')).toEqual([]);
  });
});
