import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';

/** A stack with one queue and the seed's `echo-parameters` job definition, built on aws-cdk-lib L2. */
export interface BatchFixture {
  readonly stack: cdk.Stack;
  readonly jobQueue: batch.JobQueue;
  readonly jobDefinition: batch.EcsJobDefinition;
}

export function batchFixture(): BatchFixture {
  const app = new cdk.App();
  const stack = new cdk.Stack(app, 'Test', { env: { account: '123456789012', region: 'us-east-1' } });
  // An imported VPC keeps the template small: these tests are about the events resources.
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0123456789abcdef0',
    availabilityZones: ['us-east-1a'],
    privateSubnetIds: ['subnet-0123456789abcdef0'],
  });
  const computeEnvironment = new batch.ManagedEc2EcsComputeEnvironment(stack, 'Ce', { vpc });
  const jobQueue = new batch.JobQueue(stack, 'Queue', {
    computeEnvironments: [{ computeEnvironment, order: 1 }],
  });
  const jobDefinition = new batch.EcsJobDefinition(stack, 'EchoParameters', {
    jobDefinitionName: 'echo-parameters',
    container: new batch.EcsEc2ContainerDefinition(stack, 'Container', {
      image: ecs.ContainerImage.fromRegistry('busybox'),
      cpu: 2,
      memory: cdk.Size.mebibytes(2000),
      command: ['echo', 'Ref::S3bucket', 'Ref::S3key'],
    }),
  });
  return { stack, jobQueue, jobDefinition };
}
