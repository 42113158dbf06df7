import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { BatchInstanceRole } from '../../../src/constructs';
import { newStack, unacknowledgedFindings } from '../test-stack';

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

  test('IAM-2: AmazonEC2ContainerServiceforEC2Role is acknowledged by the construct, an additional managed policy is not', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new BatchInstanceRole(stack, 'InstanceRole', { additionalManagedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore')] });

    // THEN only the user's extra policy is left to review
    expect(unacknowledgedFindings(stack)).toEqual([
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore] TestStack/InstanceRole/Role/Resource',
    ]);
  });
});
