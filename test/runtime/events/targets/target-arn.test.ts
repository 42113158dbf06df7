import { lambdaFunctionName, parseArn, targetKindOfArn } from '../../../../src/runtime/events/targets/target-arn';
import { TargetKind } from '../../../../src/runtime/events/targets/target-invocation';

describe('targetKindOfArn', () => {
  test.each([
    ['arn:aws:sns:us-east-1:123456789012:JobFailedAlert', TargetKind.SNS_TOPIC],
    ['arn:aws:sqs:us-east-1:123456789012:my-queue', TargetKind.SQS_QUEUE],
    ['arn:aws:lambda:us-east-1:123456789012:function:batch-event-stream-handler', TargetKind.LAMBDA_FUNCTION],
    ['arn:aws:batch:us-east-1:123456789012:job-queue/my-queue', TargetKind.BATCH_JOB_QUEUE],
    ['arn:aws:batch:us-east-1:123456789012:job-definition/def:1', TargetKind.OTHER],
    ['arn:aws:states:us-east-1:123456789012:stateMachine:sm', TargetKind.OTHER],
    ['not-an-arn', TargetKind.OTHER],
  ])('EVT-3: %s is a %s target', (arn, kind) => {
    // GIVEN a target ARN WHEN classified THEN its service decides the kind
    expect(targetKindOfArn(arn)).toBe(kind);
  });
});

describe('lambdaFunctionName', () => {
  test('EVT-3: the name follows function:, with or without a qualifier', () => {
    expect(lambdaFunctionName('arn:aws:lambda:us-east-1:1:function:handler')).toBe('handler');
    expect(lambdaFunctionName('arn:aws:lambda:us-east-1:1:function:handler:prod')).toBe('handler');
  });

  test('EVT-3: an ARN without function: ends in the name; a non-ARN has none', () => {
    expect(lambdaFunctionName('arn:aws:lambda:us-east-1:1:handler')).toBe('handler');
    expect(lambdaFunctionName('handler')).toBeUndefined();
  });

  test('EVT-3: parseArn splits service and resource, keeping colons in the resource', () => {
    expect(parseArn('arn:aws:lambda:r:a:function:f:1')).toEqual({ service: 'lambda', resource: 'function:f:1' });
  });
});
