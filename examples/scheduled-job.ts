/**
 * The seed's "scheduled AWS Batch job" (guide p.91) as a CDK app: an EventBridge rule submits a
 * job every hour (EVT-4) to a queue on the reference VPC, with a name, an array size and
 * attempts, through a role that may only submit this job to this queue (EVT-5). Clean under
 * AwsSolutions and BatchChecks; each acknowledgment says why.
 *
 *   CDK_OUTDIR=cdk.out npx ts-node --project examples/tsconfig.json examples/scheduled-job.ts
 */
import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ScheduledJob } from '../src/constructs/events';
import { BatchChecks } from '../src/nag';

export class ScheduledJobStack extends cdk.Stack {
  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    // The reference VPC (NET-1): private subnets reach ECS through a NAT gateway; flow logs on.
    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 1,
      flowLogs: { All: { trafficType: ec2.FlowLogTrafficType.ALL } },
    });
    const computeEnvironment = new batch.ManagedEc2EcsComputeEnvironment(this, 'OnDemand', {
      vpc,
      maxvCpus: 16,
    });
    const jobQueue = new batch.JobQueue(this, 'Queue', {
      computeEnvironments: [{ computeEnvironment, order: 1 }],
    });
    const report = new batch.EcsJobDefinition(this, 'HourlyReport', {
      container: new batch.EcsEc2ContainerDefinition(this, 'HourlyReportContainer', {
        image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:latest'),
        cpu: 1,
        memory: cdk.Size.mebibytes(512),
        command: ['sh', '-c', 'echo "report shard $AWS_BATCH_JOB_ARRAY_INDEX of Ref::day"'],
      }),
      parameters: { day: 'today' },
    });

    new ScheduledJob(this, 'Hourly', {
      description: 'Submits the hourly report, 4 shards, up to 2 attempts each',
      schedule: events.Schedule.rate(cdk.Duration.hours(1)),
      jobQueue,
      jobDefinition: report,
      jobName: 'hourly-report',
      arraySize: 4,
      attempts: 2,
    });

    cdk.Validations.of(computeEnvironment).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role]',
      reason: 'The ECS container instance role needs this AWS managed policy to register with ECS (IAM-2).',
    });
    cdk.Validations.of(report.container).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/batch/job:*]',
      reason: 'Batch writes one log stream per job under /aws/batch/job (LOG-1); stream names are not known in advance.',
    });
  }
}

export async function main(): Promise<void> {
  const app = new cdk.App();
  new ScheduledJobStack(app, 'ScheduledJob');
  cdk.Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new BatchChecks(app));
  app.synth();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
