import { Match, Template } from 'aws-cdk-lib/assertions';
import { BatchInstanceRole } from '../../../src/constructs';
import { newStack } from '../test-stack';

describe('BatchInstanceRole', () => {
  test('IAM-2: trusted by ec2.amazonaws.com, AmazonEC2ContainerServiceforEC2Role, inside an instance profile', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    const instanceRole = new BatchInstanceRole(stack, 'Instance');

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'ec2.amazonaws.com' } })] }),
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role']] }],
    });
    template.hasResourceProperties('AWS::IAM::InstanceProfile', { Roles: [{ Ref: stack.getLogicalId(instanceRole.role.node.defaultChild as any) }] });
  });
});
