/**
 * The seed's tutorial "send an Amazon SNS alert for failed job events" (guide p.95) as a CDK app:
 * a queue on the reference VPC, a job that exits 1, and a rule that publishes every FAILED job
 * state change to the SSL-only, KMS-encrypted topic `JobFailedAlert`. Clean under AwsSolutions
 * and BatchChecks; each acknowledgment says why.
 *
 *   CDK_OUTDIR=cdk.out npx ts-node --project examples/tsconfig.json examples/failed-job-alert.ts
 */
import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BatchJobStatus, JobStateChangeRule } from '../src/constructs/events';
import { BatchChecks } from '../src/nag';

export class FailedJobAlertStack extends cdk.Stack {
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
    const failingJob = new batch.EcsJobDefinition(this, 'ExitOne', {
      container: new batch.EcsEc2ContainerDefinition(this, 'ExitOneContainer', {
        image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:latest'),
        cpu: 1,
        memory: cdk.Size.mebibytes(512),
        command: ['/bin/sh', '-c', 'exit 1'],
      }),
    });

    // EventBridge publishes to an encrypted topic only with a customer managed key it may use.
    const key = new kms.Key(this, 'AlertKey', { enableKeyRotation: true, description: 'Encrypts JobFailedAlert' });
    const topic = new sns.Topic(this, 'JobFailedAlert', { topicName: 'JobFailedAlert', enforceSSL: true, masterKey: key });
    key.grant(new cdk.aws_iam.ServicePrincipal('events.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');

    const failed = new JobStateChangeRule(this, 'FailedJobs', {
      description: 'FAILED jobs of the queue, to JobFailedAlert',
      statuses: [BatchJobStatus.FAILED],
      jobQueues: [jobQueue],
    });
    failed.addSnsAlert(topic, {
      message: events.RuleTargetInput.fromText(
        `Job ${events.EventField.fromPath('$.detail.jobName')} (${events.EventField.fromPath('$.detail.jobId')}) ` +
          `failed: ${events.EventField.fromPath('$.detail.statusReason')}`,
      ),
    });

    cdk.Validations.of(computeEnvironment).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role]',
      reason: 'The ECS container instance role needs this AWS managed policy to register with ECS (IAM-2).',
    });
    cdk.Validations.of(failingJob.container).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/batch/job:*]',
      reason: 'Batch writes one log stream per job under /aws/batch/job (LOG-1); stream names are not known in advance.',
    });
  }
}

export async function main(): Promise<void> {
  const app = new cdk.App();
  new FailedJobAlertStack(app, 'FailedJobAlert');
  cdk.Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new BatchChecks(app));
  app.synth();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
