import * as cdk from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { newStack, synthError, unacknowledgedFindings } from './test-stack';
import { BatchMultiNodeJobDefinition } from '../../src/constructs';

function container(scope: Construct, id: string, environment?: Record<string, string>) {
  return new batch.EcsEc2ContainerDefinition(scope, id, {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/amazonlinux/amazonlinux:latest'),
    cpu: 1,
    memory: cdk.Size.mebibytes(1024),
    command: ['hostname'],
    environment,
  });
}

describe('BatchMultiNodeJobDefinition', () => {
  test('LIM-12: nested ranges keep numNodes (aws-cdk-lib would sum them to 11)', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new BatchMultiNodeJobDefinition(stack, 'Mnp', {
      numNodes: 10,
      mainNode: 0,
      instanceType: new ec2.InstanceType('c5.xlarge'),
      nodeRanges: [
        { container: container(stack, 'Workers'), startNode: 0, endNode: 9 },
        { container: container(stack, 'Main', { ROLE: 'main' }), startNode: 0, endNode: 0 },
      ],
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::JobDefinition', {
      Type: 'multinode',
      NodeProperties: {
        NumNodes: 10,
        MainNode: 0,
        NodeRangeProperties: [
          { TargetNodes: '0:9', Container: Match.objectLike({ InstanceType: 'c5.xlarge' }) },
          { TargetNodes: '0:0', Container: Match.objectLike({ Environment: [{ Name: 'ROLE', Value: 'main' }] }) },
        ],
      },
    });
    expect(synthError(stack)).toBe('');
  });

  test('MNP-1: open-ended ranges render as a: and :b', () => {
    // GIVEN
    const stack = newStack();
    const mnp = new BatchMultiNodeJobDefinition(stack, 'Mnp', { numNodes: 4, nodeRanges: [{ container: container(stack, 'Main'), endNode: 0 }] });

    // WHEN
    mnp.addNodeRange({ container: container(stack, 'Rest'), startNode: 1 });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::JobDefinition', {
      NodeProperties: Match.objectLike({ NumNodes: 4, NodeRangeProperties: [Match.objectLike({ TargetNodes: ':0' }), Match.objectLike({ TargetNodes: '1:' })] }),
    });
  });

  test('LIM-12: ranges that leave a node uncovered are rejected at synth with the path', () => {
    const stack = newStack();
    new BatchMultiNodeJobDefinition(stack, 'Mnp', { numNodes: 4, nodeRanges: [{ container: container(stack, 'C'), startNode: 0, endNode: 2 }] });
    expect(synthError(stack)).toMatch(/\[TestStack\/Mnp\] nodeProperties\.nodeRangeProperties: 3 is invalid: the ranges together cover nodes 0\.\.numNodes-1 = 0\.\.3 \(LIM-12\)/);
  });

  test('LIM-12: partially overlapping ranges are rejected', () => {
    const stack = newStack();
    new BatchMultiNodeJobDefinition(stack, 'Mnp', {
      numNodes: 4,
      nodeRanges: [{ container: container(stack, 'A'), startNode: 0, endNode: 2 }, { container: container(stack, 'B'), startNode: 2, endNode: 3 }],
    });
    expect(synthError(stack)).toMatch(/LIM-12.*partially overlaps/);
  });

  test('LIM-12: more than 5 node ranges are rejected', () => {
    const stack = newStack();
    const ranges = Array.from({ length: 6 }, (_, index) => ({ container: container(stack, `C${index}`), startNode: index, endNode: index }));
    new BatchMultiNodeJobDefinition(stack, 'Mnp', { numNodes: 6, nodeRanges: ranges });
    expect(synthError(stack)).toMatch(/1\.\.5 node ranges.*LIM-12/);
  });

  test('LIM-12: mainNode outside [0, numNodes) is rejected', () => {
    const stack = newStack();
    new BatchMultiNodeJobDefinition(stack, 'Mnp', { numNodes: 2, mainNode: 2, nodeRanges: [{ container: container(stack, 'C') }] });
    expect(synthError(stack)).toMatch(/nodeProperties\.mainNode: 2 is invalid.*LIM-12/);
  });

  test('LIM-12: numNodes over 1000 is rejected at construction', () => {
    expect(() => new BatchMultiNodeJobDefinition(newStack(), 'Mnp', { numNodes: 1001 }))
      .toThrow(/^TestStack\/Mnp: nodeProperties\.numNodes: 1001 is invalid: an integer 1\.\.1000 \(LIM-12\)/);
  });

  test('LIM-11: a reserved variable in a node container is rejected', () => {
    const stack = newStack();
    new BatchMultiNodeJobDefinition(stack, 'Mnp', { numNodes: 1, nodeRanges: [{ container: container(stack, 'C', { AWS_BATCH_X: '1' }) }] });
    expect(synthError(stack)).toMatch(/nodeRangeProperties\[0\]\.container\.environment\[0\]\.name: "AWS_BATCH_X".*LIM-11/);
  });

  test('LIM-10: the whole-job timeout is checked', () => {
    const stack = newStack();
    new BatchMultiNodeJobDefinition(stack, 'Mnp', { numNodes: 1, timeout: cdk.Duration.seconds(59), nodeRanges: [{ container: container(stack, 'C') }] });
    expect(synthError(stack)).toMatch(/timeout\.attemptDurationSeconds: 59.*LIM-10/);
  });

  test('LIM-12: aws-cdk-lib\'s addContainer still works and renders a closed range', () => {
    const stack = newStack();
    const mnp = new BatchMultiNodeJobDefinition(stack, 'Mnp', { numNodes: 2 });
    mnp.addContainer({ container: container(stack, 'C'), startNode: 0, endNode: 1 });
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::JobDefinition', {
      NodeProperties: Match.objectLike({ NumNodes: 2, NodeRangeProperties: [Match.objectLike({ TargetNodes: '0:1' })] }),
    });
  });

  test('LOG-1: containers with aws-cdk-lib\'s default execution role are acknowledged, also when one serves two ranges', () => {
    // GIVEN a worker container in a wide range and a nested main-node range, both without execution roles
    const stack = newStack();
    const worker = container(stack, 'Worker');

    // WHEN
    new BatchMultiNodeJobDefinition(stack, 'Mnp', {
      numNodes: 3,
      nodeRanges: [{ container: worker }, { container: worker, startNode: 0, endNode: 0 }, { container: container(stack, 'Main'), startNode: 1, endNode: 1 }],
    });

    // THEN
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });

  test('LOG-1: a container given the user\'s own execution role is not acknowledged', () => {
    // GIVEN
    const stack = newStack();
    const executionRole = new iam.Role(stack, 'MyExecutionRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    executionRole.addToPolicy(new iam.PolicyStatement({
      actions: ['logs:PutLogEvents'],
      resources: [stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: '/aws/batch/job:*', arnFormat: cdk.ArnFormat.COLON_RESOURCE_NAME })],
    }));
    const node = new batch.EcsEc2ContainerDefinition(stack, 'Node', {
      image: ecs.ContainerImage.fromRegistry('busybox'), cpu: 1, memory: cdk.Size.mebibytes(1024), executionRole,
    });

    // WHEN
    new BatchMultiNodeJobDefinition(stack, 'Mnp', { numNodes: 2, nodeRanges: [{ container: node }] });

    // THEN
    expect(unacknowledgedFindings(stack)).toEqual([
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:us-east-1:123456789012:log-group:/aws/batch/job:*] TestStack/MyExecutionRole/DefaultPolicy/Resource',
    ]);
  });
});
