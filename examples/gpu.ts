/**
 * GPU jobs (SCHED-9, CE-5): a compute environment limited to GPU families, where Batch picks the
 * ECS GPU-optimized AMI by itself, behind its own queue, and a job definition that reserves one
 * GPU. CPU-only work stays on the default queue. Clean under AwsSolutions and BatchChecks.
 *
 *   CDK_OUTDIR=cdk.out npx ts-node --project examples/tsconfig.json examples/gpu.ts
 */
import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { BatchEnvironment, BatchLaunchTemplate } from '../src/constructs';
import { addComplianceChecks, runWhenExecuted } from './shared/run-example';

export class GpuStack extends cdk.Stack {
  public readonly batch: BatchEnvironment;
  public readonly gpuQueue: batch.IJobQueue;

  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    // The default queue is created with the environment, so it holds only the CPU compute environment.
    this.batch = new BatchEnvironment(this, 'Batch', { jobQueueName: 'cpu', maxvCpus: 64 });

    const gpu = this.batch.addComputeEnvironment('Gpu', {
      computeEnvironmentName: 'gpu',
      instanceClasses: [ec2.InstanceClass.G4DN, ec2.InstanceClass.G5],
      maxvCpus: 64,
      // CUDA images are large: a bigger (still encrypted, IMDSv2-only) root volume.
      launchTemplate: new BatchLaunchTemplate(this, 'GpuLaunchTemplate', { rootVolumeSize: cdk.Size.gibibytes(100) }),
    });
    this.gpuQueue = this.batch.addQueue('GpuQueue', {
      jobQueueName: 'gpu',
      computeEnvironments: [{ computeEnvironment: gpu.computeEnvironment, order: 1 }],
    });

    this.batch.addJobDefinition('Train', {
      jobDefinitionName: 'train-model',
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/python:3.12-slim'),
      command: ['python', '-c', 'print("training on GPU", __import__("os").environ.get("NVIDIA_VISIBLE_DEVICES"))'],
      cpu: 4,
      memory: cdk.Size.gibibytes(15),
      gpu: 1,
      timeout: cdk.Duration.hours(12),
    });
  }
}

export async function main(): Promise<void> {
  const app = new cdk.App();
  new GpuStack(app, 'Gpu');
  addComplianceChecks(app);
  app.synth();
}

runWhenExecuted(module, main);
