/**
 * The console's first-run wizard as a CDK app: the reference VPC (NET-1, flow logs on), a
 * security group without inbound rules, a managed EC2 compute environment in the private
 * subnets (launch template with IMDSv2 and encrypted volumes, version pinned), one job queue,
 * and the wizard's sample job definition. Clean under AwsSolutions and BatchChecks, with
 * no acknowledgments of its own: the constructs acknowledge their deliberate defaults (docs/nag-acknowledgments.md).
 *
 *   CDK_OUTDIR=cdk.out npx ts-node --project examples/tsconfig.json examples/wizard-equivalent.ts
 */
import * as cdk from 'aws-cdk-lib';
import { BatchEnvironment } from '../src/constructs';
import { addComplianceChecks, runWhenExecuted } from './shared/run-example';

export class WizardEquivalentStack extends cdk.Stack {
  public readonly batch: BatchEnvironment;

  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.batch = new BatchEnvironment(this, 'Batch', {
      computeEnvironmentName: 'first-run-compute-environment',
      jobQueueName: 'first-run-job-queue',
      maxvCpus: 256,
    });
    this.batch.addJobDefinition('FirstRun', {
      jobDefinitionName: 'first-run-job-definition',
      command: ['echo', 'hello world'],
      cpu: 1,
      memory: cdk.Size.mebibytes(2048),
    });
  }
}

export async function main(): Promise<void> {
  const app = new cdk.App();
  new WizardEquivalentStack(app, 'WizardEquivalent');
  addComplianceChecks(app);
  app.synth();
}

runWhenExecuted(module, main);
