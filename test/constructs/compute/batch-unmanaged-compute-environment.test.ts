import * as cdk from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { BatchServiceRole, BatchUnmanagedComputeEnvironment } from '../../../src/constructs';
import { parseUserData } from '../../../src/constructs/private/mime';
import { newStack, unacknowledgedFindings } from '../test-stack';

describe('BatchUnmanagedComputeEnvironment', () => {
  test('CE-2: an unmanaged CE without compute resources, plus an instance role and profile', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new BatchUnmanagedComputeEnvironment(stack, 'Ce', { computeEnvironmentName: 'own-instances', unmanagedvCpus: 16 });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      Type: 'unmanaged', ComputeEnvironmentName: 'own-instances', UnmanagedvCpus: 16, ComputeResources: Match.absent(),
    });
    template.resourceCountIs('AWS::IAM::InstanceProfile', 1);
  });

  test('CE-2: the registration user data writes the looked-up cluster ARN to /etc/ecs/ecs.config', () => {
    // GIVEN
    const stack = newStack();
    const ce = new BatchUnmanagedComputeEnvironment(stack, 'Ce');

    // WHEN
    const rendered = stack.resolve(ce.registrationUserData().render());

    // THEN the cluster ARN comes from a DescribeComputeEnvironments lookup
    const template = Template.fromStack(stack);
    const [lookupId] = Object.keys(template.findResources('Custom::AWS'));
    expect(JSON.stringify(template.toJSON().Resources[lookupId].Properties.Create)).toContain('describeComputeEnvironments');
    const joined = rendered['Fn::Join'][1].map((piece: unknown) => (typeof piece === 'string' ? piece : '<ARN>')).join('');
    expect(parseUserData(joined).parts).toEqual([
      { contentType: 'text/x-shellscript; charset="us-ascii"', transferEncoding: undefined, body: '#!/bin/bash\necho "ECS_CLUSTER=<ARN>" >> /etc/ecs/ecs.config' },
    ]);
    expect(rendered['Fn::Join'][1]).toContainEqual({ 'Fn::GetAtt': [lookupId, 'computeEnvironments.0.ecsClusterArn'] });
  });

  test('IAM-1: the service-linked role by default (aws-cdk-lib would create a role), or an explicit one', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new BatchUnmanagedComputeEnvironment(stack, 'Linked');
    new BatchUnmanagedComputeEnvironment(stack, 'Explicit', {
      serviceRole: BatchServiceRole.fromRoleArn('arn:aws:iam::123456789012:role/service-role/AWSBatchServiceRole'),
    });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Batch::ComputeEnvironment', { ServiceRole: Match.absent() });
    template.hasResourceProperties('AWS::Batch::ComputeEnvironment', { ServiceRole: 'arn:aws:iam::123456789012:role/service-role/AWSBatchServiceRole' });
    expect(Object.keys(template.findResources('AWS::IAM::Role', {
      Properties: { AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'batch.amazonaws.com' } })] }) },
    }))).toHaveLength(0);
  });

  test('LIM-8: an invalid name is rejected', () => {
    expect(() => new BatchUnmanagedComputeEnvironment(newStack(), 'Ce', { computeEnvironmentName: 'a/b' })).toThrow(/LIM-8/);
  });

  test('CE-2: the lookup is created once however often the ARN is read', () => {
    const stack = newStack();
    const ce = new BatchUnmanagedComputeEnvironment(stack, 'Ce');
    expect(stack.resolve(ce.ecsClusterArn)).toEqual(stack.resolve(ce.ecsClusterArn));
    Template.fromStack(stack).resourceCountIs('Custom::AWS', 1);
    expect(cdk.Token.isUnresolved(ce.computeEnvironmentArn)).toBe(true);
  });

  test('IAM-2: with defaults and the cluster lookup in use, no finding of either pack is left for the user', () => {
    // GIVEN an unmanaged CE whose cluster ARN is used (adds the lookup custom resource)
    const stack = newStack();
    const ce = new BatchUnmanagedComputeEnvironment(stack, 'Ce');

    // WHEN
    new cdk.CfnOutput(stack, 'Cluster', { value: ce.ecsClusterArn });

    // THEN
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });

  test('CE-2: the lookup\'s Resource::* acknowledgment is on the lookup only, not on other policies of the stack', () => {
    // GIVEN the lookup plus a user policy with a wildcard resource
    const stack = newStack();
    const ce = new BatchUnmanagedComputeEnvironment(stack, 'Ce');
    new cdk.CfnOutput(stack, 'Cluster', { value: ce.ecsClusterArn });
    const role = new iam.Role(stack, 'Mine', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['ec2:DescribeInstances'], resources: ['*'] }));

    // WHEN / THEN
    expect(unacknowledgedFindings(stack)).toEqual(['AwsSolutions-IAM5[Resource::*] TestStack/Mine/DefaultPolicy/Resource']);
  });
});
