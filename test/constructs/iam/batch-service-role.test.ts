import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { BatchServiceRole } from '../../../src/constructs';
import { newStack } from '../test-stack';

describe('BatchServiceRole', () => {
  test('IAM-1: the service-linked choice binds to no role', () => {
    expect(BatchServiceRole.serviceLinked().bind(newStack())).toBeUndefined();
  });

  test('IAM-1: a full ARN with its service-role/ path is accepted as is', () => {
    // GIVEN
    const scope = new Construct(newStack(), 'Ce');
    const arn = 'arn:aws:iam::123456789012:role/service-role/AWSBatchServiceRole';

    // WHEN
    const role = BatchServiceRole.fromRoleArn(arn).bind(scope);

    // THEN
    expect(role!.roleArn).toBe(arn);
  });

  test('IAM-1: a bare role name is rejected with the path, the value and the limit', () => {
    const scope = new Construct(newStack(), 'Ce');
    expect(() => BatchServiceRole.fromRoleArn('AWSBatchServiceRole').bind(scope))
      .toThrow(/^TestStack\/Ce: serviceRole: "AWSBatchServiceRole" is invalid: a full IAM role ARN.*\(IAM-1\).*path/);
  });

  test('IAM-1: an ARN without an account is rejected', () => {
    const scope = new Construct(newStack(), 'Ce');
    expect(() => BatchServiceRole.fromRoleArn('arn:aws:iam:::role/x').bind(scope)).toThrow(/IAM-1/);
  });

  test('IAM-1: a token ARN is not judged at synth time', () => {
    const scope = new Construct(newStack(), 'Ce');
    const arn = cdk.Fn.importValue('ServiceRoleArn');
    expect(BatchServiceRole.fromRoleArn(arn).bind(scope)!.roleArn).toBe(arn);
  });

  test('IAM-1: a role construct is used directly', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'R', { assumedBy: new iam.ServicePrincipal('batch.amazonaws.com') });
    expect(BatchServiceRole.fromRole(role).bind(stack)).toBe(role);
  });
});
