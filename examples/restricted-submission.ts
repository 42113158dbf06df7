/**
 * The user guide's example IAM policies (IAM-4) on a role that a team assumes: read-only access,
 * SubmitJob limited to job definitions named `JobDefA_*` (every revision) on one queue,
 * RegisterJobDefinition limited by `batch:User`, `batch:Image`, `batch:Privileged` and the same
 * prefix, and `iam:PassRole` of the job role to Batch only. Clean under AwsSolutions and
 * BatchChecks; the deliberate prefix wildcards are acknowledged with their reason.
 *
 *   CDK_OUTDIR=cdk.out npx ts-node --project examples/tsconfig.json examples/restricted-submission.ts
 */
import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { BatchEnvironment, BatchJobRole, BatchPermissions } from '../src/constructs';
import { addComplianceChecks, runWhenExecuted } from './shared/run-example';

const PREFIX = 'JobDefA_';

export class RestrictedSubmissionStack extends cdk.Stack {
  public readonly batch: BatchEnvironment;
  public readonly submitter: iam.Role;

  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.batch = new BatchEnvironment(this, 'Batch', { jobQueueName: 'team-a', maxvCpus: 32 });
    const jobRole = new BatchJobRole(this, 'JobRole', { description: 'What team A\'s jobs may do (nothing yet)' });
    this.batch.addJobDefinition('Nightly', { jobDefinitionName: `${PREFIX}nightly`, command: ['echo', 'nightly'], jobRole });

    this.submitter = new iam.Role(this, 'TeamA', {
      assumedBy: new iam.AccountRootPrincipal(),
      description: 'Team A: may read Batch, submit JobDefA_* jobs to team-a, and register JobDefA_* definitions',
    });
    const policy = new iam.Policy(this, 'TeamAPolicy', {
      roles: [this.submitter],
      statements: [
        BatchPermissions.readOnly(),
        BatchPermissions.submitJob(this, { jobDefinitionNamePrefix: PREFIX, jobQueues: [this.batch.jobQueue] }),
        ...BatchPermissions.registerJobDefinition(this, {
          jobDefinitionNamePrefix: PREFIX,
          users: ['1000'],
          images: [`${this.account}.dkr.ecr.${this.region}.amazonaws.com/team-a`],
        }),
        BatchPermissions.passRole([jobRole], ['batch.amazonaws.com']),
      ],
    });

    const wildcards: Array<[string, string]> = [
      ['Action::batch:Describe*', 'Read-only access (IAM-4): Batch has no resource-level permissions for Describe/List.'],
      ['Action::batch:List*', 'Read-only access (IAM-4): Batch has no resource-level permissions for Describe/List.'],
      ['Resource::*', 'Describe/List actions only support "*" as resource (IAM-4).'],
      [`Resource::arn:<AWS::Partition>:batch:<AWS::Region>:<AWS::AccountId>:job-definition/${PREFIX}*`,
        'The point of the policy: every job definition (and revision) named with the team prefix (IAM-4).'],
    ];
    for (const [finding, reason] of wildcards) {
      cdk.Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    }
  }
}

export async function main(): Promise<void> {
  const app = new cdk.App();
  new RestrictedSubmissionStack(app, 'RestrictedSubmission');
  addComplianceChecks(app);
  app.synth();
}

runWhenExecuted(module, main);
