import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { batchViolations, computeEnvironment, newTestStack, pathsFlaggedBy } from '../nag-fixtures';

function serviceRole(stack: cdk.Stack): iam.Role {
  return new iam.Role(stack, 'ServiceRole', {
    assumedBy: new iam.ServicePrincipal('batch.amazonaws.com'),
    path: '/service-role/',
  });
}

describe('Batch-IAM1 compute environment service role is a full ARN', () => {
  test('IAM-1: no service role (service-linked role) is compliant', () => {
    // GIVEN a CE without serviceRole
    const { app, stack } = newTestStack();
    computeEnvironment(stack, 'Ce');

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'IAM1')).toEqual([]);
  });

  test('IAM-1: role.roleArn (Fn::GetAtt Arn) is compliant', () => {
    // GIVEN the ARN of a role of the stack
    const { app, stack } = newTestStack();
    computeEnvironment(stack, 'Ce', { serviceRole: serviceRole(stack).roleArn });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'IAM1')).toEqual([]);
  });

  test('IAM-1: a literal full ARN with the service-role path is compliant', () => {
    // GIVEN the ARN the seed recommends
    const { app, stack } = newTestStack();
    computeEnvironment(stack, 'Ce', { serviceRole: 'arn:aws:iam::123456789012:role/service-role/AWSBatchServiceRole' });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'IAM1')).toEqual([]);
  });

  test('IAM-1: a partition-agnostic ARN built with tokens is compliant', () => {
    // GIVEN arn:${Partition}:iam::${Account}:role/...
    const { app, stack } = newTestStack();
    const arn = stack.formatArn({ service: 'iam', region: '', resource: 'role', resourceName: 'service-role/AWSBatchServiceRole' });
    computeEnvironment(stack, 'Ce', { serviceRole: arn });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'IAM1')).toEqual([]);
  });

  test('IAM-1: a bare role name is flagged', () => {
    // GIVEN the name only, which loses the service-role/ path
    const { app, stack } = newTestStack();
    computeEnvironment(stack, 'Ce', { serviceRole: 'AWSBatchServiceRole' });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'IAM1')).toEqual(['Test/Ce']);
  });

  test('IAM-1: role.roleName (Ref of the role, its name) is flagged', () => {
    // GIVEN Ref of an AWS::IAM::Role, which CloudFormation renders as the role name
    const { app, stack } = newTestStack();
    computeEnvironment(stack, 'Ce', { serviceRole: serviceRole(stack).roleName });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'IAM1')).toEqual(['Test/Ce']);
  });

  test('IAM-1: a parameter cannot be checked and is reported as such', () => {
    // GIVEN a role ARN that only exists at deploy time
    const { app, stack } = newTestStack();
    const parameter = new cdk.CfnParameter(stack, 'ServiceRoleArn');
    computeEnvironment(stack, 'Ce', { serviceRole: parameter.valueAsString });

    // WHEN
    const violation = batchViolations(app).find((v) => v.ruleName === 'Batch-IAM1');

    // THEN cdk-nag reports that the rule could not validate the value
    expect(violation?.description).toMatch(/Rule threw an error/);
  });
});
