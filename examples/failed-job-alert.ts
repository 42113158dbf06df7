/**
 * The seed's tutorial "send an Amazon SNS alert for failed job events" (guide p.95) as a CDK app:
 * a `BatchEnvironment` (reference VPC, an on-demand compute environment, one queue), a job that
 * exits 1, and its `onJobStateChange` rule that publishes every FAILED job state change to the
 * SSL-only, KMS-encrypted topic `JobFailedAlert`. Clean under AwsSolutions and BatchChecks, with
 * no acknowledgments of its own: the constructs acknowledge their deliberate defaults (docs/nag-acknowledgments.md).
 *
 *   CDK_OUTDIR=cdk.out npx ts-node --project examples/tsconfig.json examples/failed-job-alert.ts
 */
import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { BatchEnvironment } from '../src/constructs';
import { addComplianceChecks, runWhenExecuted } from './shared/run-example';
import { BatchJobStatus } from '../src/constructs/events';

export class FailedJobAlertStack extends cdk.Stack {
  public readonly batch: BatchEnvironment;

  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    // The reference VPC (NET-1, flow logs on), an on-demand CE and its queue.
    this.batch = new BatchEnvironment(this, 'Batch', { maxvCpus: 16 });
    this.batch.addJobDefinition('ExitOne', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:latest'),
      cpu: 1,
      memory: cdk.Size.mebibytes(512),
      command: ['/bin/sh', '-c', 'exit 1'],
    });

    // EventBridge publishes to an encrypted topic only with a customer managed key it may use.
    const key = new kms.Key(this, 'AlertKey', { enableKeyRotation: true, description: 'Encrypts JobFailedAlert' });
    const topic = new sns.Topic(this, 'JobFailedAlert', { topicName: 'JobFailedAlert', enforceSSL: true, masterKey: key });
    key.grant(new iam.ServicePrincipal('events.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');

    // FAILED state changes of this environment's queue (EVT-1).
    const failed = this.batch.onJobStateChange('FailedJobs', {
      description: 'FAILED jobs of the queue, to JobFailedAlert',
      statuses: [BatchJobStatus.FAILED],
    });
    failed.addSnsAlert(topic, {
      message: events.RuleTargetInput.fromText(
        `Job ${events.EventField.fromPath('$.detail.jobName')} (${events.EventField.fromPath('$.detail.jobId')}) ` +
          `failed: ${events.EventField.fromPath('$.detail.statusReason')}`,
      ),
    });

  }
}

export async function main(): Promise<void> {
  const app = new cdk.App();
  new FailedJobAlertStack(app, 'FailedJobAlert');
  addComplianceChecks(app);
  app.synth();
}

runWhenExecuted(module, main);
