import { App, Size, Stack } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/** A Batch stack written with plain aws-cdk-lib only; each test adds its rules to it. */
export interface EventsTestStack {
  readonly app: App;
  readonly stack: Stack;
  readonly queue: batch.JobQueue;
  /** The seed's `echo-parameters` job definition: `echo Ref::S3bucket Ref::S3key`. */
  readonly echoParameters: batch.EcsJobDefinition;
}

/** One compute environment, one queue and the seed's echo-parameters job definition. */
export function eventsTestStack(id: string = 'EventsTest'): EventsTestStack {
  const app = new App();
  const stack = new Stack(app, id, { env: { account: '111122223333', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 1,
    natGateways: 0,
    subnetConfiguration: [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC }],
  });
  const computeEnvironment = new batch.ManagedEc2EcsComputeEnvironment(stack, 'ComputeEnv', {
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    maxvCpus: 16,
  });
  const queue = new batch.JobQueue(stack, 'Queue', { computeEnvironments: [{ computeEnvironment, order: 1 }] });
  const echoParameters = new batch.EcsJobDefinition(stack, 'EchoParameters', {
    container: new batch.EcsEc2ContainerDefinition(stack, 'EchoContainer', {
      image: ecs.ContainerImage.fromRegistry('busybox'),
      cpu: 2,
      memory: Size.mebibytes(2000),
      command: ['echo', 'Ref::S3bucket', 'Ref::S3key'],
    }),
  });
  return { app, stack, queue, echoParameters };
}

/** A Lambda function the rules can target; its code never runs (a local handler stands in). */
export function listenerFunction(stack: Stack, id: string, functionName?: string): lambda.Function {
  return new lambda.Function(stack, id, {
    functionName,
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async (event) => console.log(JSON.stringify(event));'),
  });
}
