import * as batch from 'aws-cdk-lib/aws-batch';
import { checkJobDefinition, withoutIntrinsics } from '../../../src/constructs/private/job-definition-checks';
import { newStack } from '../test-stack';

describe('job definition checks', () => {
  test('LIM-8: values known only at deploy time are not judged', () => {
    expect(withoutIntrinsics({ image: { 'Fn::Join': ['', ['a', 'b']] }, command: ['echo', { Ref: 'P' }], memory: 4 }))
      .toEqual({ command: ['echo'], memory: 4 });
  });

  test('LIM-9: a plain L1 job definition without memory is rejected', () => {
    // GIVEN
    const stack = newStack();
    const cfn = new batch.CfnJobDefinition(stack, 'Jd', { type: 'container', containerProperties: { image: 'busybox', vcpus: 1 } });

    // WHEN / THEN
    expect(() => checkJobDefinition(cfn)).toThrow(/containerProperties\.memory: undefined is invalid: required.*LIM-9/);
  });

  test('LIM-10: retry attempts of 0 in a plain L1 job definition are rejected', () => {
    const stack = newStack();
    const cfn = new batch.CfnJobDefinition(stack, 'Jd', {
      type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 128 }, retryStrategy: { attempts: 0 },
    });
    expect(() => checkJobDefinition(cfn)).toThrow(/retryStrategy\.attempts: 0 is invalid.*LIM-10/);
  });

  test('LIM-9: an image given as a deploy-time reference passes', () => {
    const stack = newStack();
    const cfn = new batch.CfnJobDefinition(stack, 'Jd', {
      type: 'container', containerProperties: { image: stack.resolve({ Ref: 'X' }) as any, vcpus: 1, memory: 128 },
    });
    expect(() => checkJobDefinition(cfn)).not.toThrow();
  });
});
