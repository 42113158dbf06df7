/**
 * A multi-node parallel job (MNP-1..8, LIM-12, CE-6): an EFA-ready On-Demand compute
 * environment (EFA sizes only, cluster placement group, all traffic within the security group)
 * behind its own queue, and a 4-node job definition whose main node runs its own container
 * inside the wide range (a nested range, which aws-cdk-lib alone would count as 5 nodes).
 * MNP jobs never run on Spot (MNP-8). Clean under AwsSolutions and BatchChecks.
 *
 *   CDK_OUTDIR=cdk.out npx ts-node --project examples/tsconfig.json examples/multi-node.ts
 */
import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { BatchEnvironment } from '../src/constructs';
import { addComplianceChecks, runWhenExecuted } from './shared/run-example';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/amazonlinux/amazonlinux:latest');
const EFA_INSTANCE = new ec2.InstanceType('c5n.18xlarge');

export class MultiNodeStack extends cdk.Stack {
  public readonly batch: BatchEnvironment;

  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.batch = new BatchEnvironment(this, 'Batch', {
      jobQueueName: 'mpi',
      onDemand: { computeEnvironmentName: 'mpi-efa', efa: true, instanceTypes: [EFA_INSTANCE], maxvCpus: 4 * 72 },
    });

    const efaDevice = (scopeId: string) => {
      const linuxParameters = new batch.LinuxParameters(this, `${scopeId}LinuxParameters`);
      linuxParameters.addDevices({
        hostPath: '/dev/infiniband/uverbs0',
        containerPath: '/dev/infiniband/uverbs0',
        permissions: [batch.DevicePermission.READ, batch.DevicePermission.WRITE, batch.DevicePermission.MKNOD],
      });
      return linuxParameters;
    };
    const worker = new batch.EcsEc2ContainerDefinition(this, 'Worker', {
      image: IMAGE,
      cpu: 72,
      memory: cdk.Size.gibibytes(180),
      command: ['sh', '-c', 'echo "node $AWS_BATCH_JOB_NODE_INDEX waits for $AWS_BATCH_JOB_MAIN_NODE_PRIVATE_IPV4_ADDRESS"'],
      linuxParameters: efaDevice('Worker'),
    });
    const mainNode = new batch.EcsEc2ContainerDefinition(this, 'Main', {
      image: IMAGE,
      cpu: 72,
      memory: cdk.Size.gibibytes(180),
      command: ['sh', '-c', 'echo "main node of $AWS_BATCH_JOB_NUM_NODES nodes"'],
      linuxParameters: efaDevice('Main'),
    });

    this.batch.addMultiNodeJobDefinition('Simulation', {
      jobDefinitionName: 'mpi-simulation',
      numNodes: 4,
      mainNode: 0,
      instanceType: EFA_INSTANCE,
      nodeRanges: [
        // Every node runs the worker, and an open end lets SubmitJob ask for more nodes (MNP-1)...
        { container: worker, startNode: 0 },
        // ...except the main node, which the narrower range overrides (LIM-12).
        { container: mainNode, startNode: 0, endNode: 0 },
      ],
      retryAttempts: 2,
      timeout: cdk.Duration.hours(4),
    });
  }
}

export async function main(): Promise<void> {
  const app = new cdk.App();
  new MultiNodeStack(app, 'MultiNode');
  addComplianceChecks(app);
  app.synth();
}

runWhenExecuted(module, main);
