/**
 * On-demand + Spot with two queues sharing them (SCHED-2, SCHED-3): the high-priority queue
 * runs on On-Demand capacity only; the low-priority queue tries Spot first and falls back to
 * On-Demand. The Spot compute environment gets a Spot Fleet role with
 * AmazonEC2SpotFleetTaggingRole (IAM-3). Clean under AwsSolutions and BatchChecks.
 *
 *   CDK_OUTDIR=cdk.out npx ts-node --project examples/tsconfig.json examples/on-demand-and-spot.ts
 */
import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { BatchEnvironment } from '../src/constructs';
import { addComplianceChecks, runWhenExecuted } from './shared/run-example';

export class OnDemandAndSpotStack extends cdk.Stack {
  public readonly batch: BatchEnvironment;
  public readonly lowPriorityQueue: batch.IJobQueue;

  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.batch = new BatchEnvironment(this, 'Batch', {
      jobQueueName: 'high-priority',
      jobQueuePriority: 100,
      // High-priority work never waits for Spot capacity.
      defaultQueueUsesSpot: false,
      onDemand: { computeEnvironmentName: 'on-demand', instanceClasses: [ec2.InstanceClass.M5, ec2.InstanceClass.C5], maxvCpus: 64 },
      spot: {
        computeEnvironmentName: 'spot',
        instanceClasses: [ec2.InstanceClass.M5, ec2.InstanceClass.C5, ec2.InstanceClass.R5],
        allocationStrategy: batch.AllocationStrategy.SPOT_PRICE_CAPACITY_OPTIMIZED,
        maxvCpus: 512,
      },
    });

    this.lowPriorityQueue = this.batch.addQueue('LowPriority', {
      jobQueueName: 'low-priority',
      priority: 1,
      computeEnvironments: [
        { computeEnvironment: this.batch.spotComputeEnvironment!.computeEnvironment, order: 1 },
        { computeEnvironment: this.batch.computeEnvironment, order: 2 },
      ],
    });

    this.batch.addJobDefinition('Render', {
      jobDefinitionName: 'render-frame',
      command: ['sh', '-c', 'echo rendering frame $AWS_BATCH_JOB_ARRAY_INDEX'],
      cpu: 2,
      memory: cdk.Size.mebibytes(4096),
      // Spot reclaims are worth retrying; a bad exit code is not.
      retryAttempts: 3,
      retryStrategies: [
        batch.RetryStrategy.of(batch.Action.RETRY, batch.Reason.SPOT_INSTANCE_RECLAIMED),
        batch.RetryStrategy.of(batch.Action.EXIT, batch.Reason.NON_ZERO_EXIT_CODE),
      ],
      timeout: cdk.Duration.hours(2),
    });
  }
}

export async function main(): Promise<void> {
  const app = new cdk.App();
  new OnDemandAndSpotStack(app, 'OnDemandAndSpot');
  addComplianceChecks(app);
  app.synth();
}

runWhenExecuted(module, main);
