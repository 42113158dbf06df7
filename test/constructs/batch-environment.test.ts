import * as cdk from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { BatchEnvironment } from '../../src/constructs';

function synth(build: (stack: cdk.Stack) => void): Template {
  const app = new cdk.App();
  const stack = new cdk.Stack(app, 'TestStack', { env: { account: '123456789012', region: 'us-east-1' } });
  build(stack);
  return Template.fromStack(stack);
}

describe('BatchEnvironment defaults', () => {
  test('NET-1: creates a VPC with 2 AZs, public and private subnets and one NAT gateway', () => {
    // GIVEN / WHEN
    const template = synth((stack) => new BatchEnvironment(stack, 'Batch'));

    // THEN
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    template.resourceCountIs('AWS::EC2::Subnet', 4);
    template.hasResourceProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: true });
    template.hasResourceProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false });
  });

  test('NET-1: the security group has no inbound rules', () => {
    // GIVEN / WHEN
    const template = synth((stack) => new BatchEnvironment(stack, 'Batch'));

    // THEN
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: Match.absent(),
    });
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
  });

  test('CE-1: a managed EC2 compute environment in the private subnets with 256 max vCPUs and optimal types', () => {
    // GIVEN / WHEN
    const template = synth((stack) => new BatchEnvironment(stack, 'Batch'));

    // THEN
    const privateSubnets = Object.keys(template.findResources('AWS::EC2::Subnet', {
      Properties: { MapPublicIpOnLaunch: false },
    }));
    template.hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      Type: 'managed',
      ComputeResources: Match.objectLike({
        Type: 'EC2',
        MaxvCpus: 256,
        InstanceTypes: ['optimal'],
        Subnets: Match.arrayWith(privateSubnets.map((id) => ({ Ref: id }))),
      }),
    });
  });

  test('LIM-2: one job queue that uses the compute environment', () => {
    // GIVEN / WHEN
    const template = synth((stack) => new BatchEnvironment(stack, 'Batch', { jobQueueName: 'my-queue' }));

    // THEN
    template.hasResourceProperties('AWS::Batch::JobQueue', {
      JobQueueName: 'my-queue',
      ComputeEnvironmentOrder: [{ ComputeEnvironment: Match.anyValue(), Order: 1 }],
    });
  });

  test('CE-1: given props are used instead of the defaults', () => {
    // GIVEN
    const template = synth((stack) => {
      const vpc = new ec2.Vpc(stack, 'MyVpc', { maxAzs: 3 });
      // WHEN
      new BatchEnvironment(stack, 'Batch', {
        vpc,
        maxvCpus: 16,
        instanceTypes: [new ec2.InstanceType('c5.large')],
        computeEnvironmentName: 'my-ce',
      });
    });

    // THEN
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      ComputeEnvironmentName: 'my-ce',
      ComputeResources: Match.objectLike({ MaxvCpus: 16, InstanceTypes: ['c5.large'] }),
    });
  });
});

describe('BatchEnvironment.addJobDefinition', () => {
  test('PARAM-1: a container job definition with defaults and Ref:: parameters', () => {
    // GIVEN
    const template = synth((stack) => {
      const env = new BatchEnvironment(stack, 'Batch');
      // WHEN
      env.addJobDefinition('Echo', {
        command: ['echo', 'Ref::message'],
        parameters: { message: 'hello' },
        environment: { GREETING: 'hi' },
        jobDefinitionName: 'echo',
        timeout: cdk.Duration.minutes(5),
      });
    });

    // THEN
    template.hasResourceProperties('AWS::Batch::JobDefinition', {
      Type: 'container',
      JobDefinitionName: 'echo',
      Parameters: { message: 'hello' },
      RetryStrategy: { Attempts: 1 },
      Timeout: { AttemptDurationSeconds: 300 },
      ContainerProperties: Match.objectLike({
        Image: 'public.ecr.aws/amazonlinux/amazonlinux:latest',
        Command: ['echo', 'Ref::message'],
        Environment: [{ Name: 'GREETING', Value: 'hi' }],
        ResourceRequirements: Match.arrayWith([
          { Type: 'MEMORY', Value: '2048' },
          { Type: 'VCPU', Value: '1' },
        ]),
      }),
    });
  });
});
