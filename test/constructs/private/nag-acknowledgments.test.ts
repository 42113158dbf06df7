import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  generatedExecutionRole,
  jobLogStreamsFindingId,
  managedPolicyFindingId,
} from '../../../src/constructs/private/nag-acknowledgments';
import { newStack } from '../test-stack';

function container(stack: cdk.Stack, id: string, executionRole?: iam.IRole): batch.EcsEc2ContainerDefinition {
  return new batch.EcsEc2ContainerDefinition(stack, id, {
    image: ecs.ContainerImage.fromRegistry('busybox'), cpu: 1, memory: cdk.Size.mebibytes(512), executionRole,
  });
}

describe('nag acknowledgments', () => {
  test('IAM-2: the IAM4 id names the managed policy the way cdk-nag reports it', () => {
    // GIVEN / WHEN
    const id = managedPolicyFindingId('service-role/AmazonEC2ContainerServiceforEC2Role');

    // THEN
    expect(id).toBe('AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role]');
  });

  test('LOG-1: the log-stream id follows the stack: literal account and region when known, placeholders when not', () => {
    // GIVEN
    const concrete = newStack();
    const agnostic = new cdk.Stack(new cdk.App(), 'Agnostic');

    // WHEN / THEN
    expect(jobLogStreamsFindingId(concrete))
      .toBe('AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:us-east-1:123456789012:log-group:/aws/batch/job:*]');
    expect(jobLogStreamsFindingId(agnostic))
      .toBe('AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/batch/job:*]');
  });

  test('LOG-1: only the execution role aws-cdk-lib generated counts as a default, never a role the user passed', () => {
    // GIVEN
    const stack = newStack();
    const mine = new iam.Role(stack, 'Mine', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });

    // WHEN
    const generated = container(stack, 'Generated');
    const given = container(stack, 'Given', mine);

    // THEN
    expect(generatedExecutionRole(generated)).toBe(generated.executionRole);
    expect(generatedExecutionRole(given)).toBeUndefined();
  });
});
