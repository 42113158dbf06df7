/**
 * The seed's "scheduled AWS Batch job" (guide p.91) as a CDK app: an EventBridge rule submits a
 * job every hour (EVT-4) to the queue of a `BatchEnvironment` (reference VPC, an on-demand
 * compute environment), with a name, an array size and attempts, through a role that may only
 * submit this job to this queue (EVT-5). Clean under AwsSolutions and BatchChecks, with
 * no acknowledgments of its own: the constructs acknowledge their deliberate defaults (docs/nag-acknowledgments.md).
 *
 *   CDK_OUTDIR=cdk.out npx ts-node --project examples/tsconfig.json examples/scheduled-job.ts
 */
import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import { BatchEnvironment } from '../src/constructs';
import { addComplianceChecks, runWhenExecuted } from './shared/run-example';
import { ScheduledJob } from '../src/constructs/events';

export class ScheduledJobStack extends cdk.Stack {
  public readonly batch: BatchEnvironment;

  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    // The reference VPC (NET-1, flow logs on), an on-demand CE and its queue.
    this.batch = new BatchEnvironment(this, 'Batch', { maxvCpus: 16 });
    const report = this.batch.addJobDefinition('HourlyReport', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:latest'),
      cpu: 1,
      memory: cdk.Size.mebibytes(512),
      command: ['sh', '-c', 'echo "report shard $AWS_BATCH_JOB_ARRAY_INDEX of Ref::day"'],
      parameters: { day: 'today' },
    });

    new ScheduledJob(this, 'Hourly', {
      description: 'Submits the hourly report, 4 shards, up to 2 attempts each',
      schedule: events.Schedule.rate(cdk.Duration.hours(1)),
      jobQueue: this.batch.jobQueue,
      jobDefinition: report,
      jobName: 'hourly-report',
      arraySize: 4,
      attempts: 2,
    });

  }
}

export async function main(): Promise<void> {
  const app = new cdk.App();
  new ScheduledJobStack(app, 'ScheduledJob');
  addComplianceChecks(app);
  app.synth();
}

runWhenExecuted(module, main);
