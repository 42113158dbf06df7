/**
 * Three teams share one queue by fair share (FS-1..FS-6): `research` (weight 1), every
 * `analytics*` identifier (weight 2: half of research's share each) and `ops` (weight 4). Usage
 * decays over an hour, and 10 % of the queue is held for a team that is not active yet (with all
 * three active that is 0.1 %, well under Batch-FS6's 10 %). Each team gets a role that may submit
 * only with its own share identifier (`batch:ShareIdentifier`). The nightly housekeeping job is
 * scheduled on the environment's FIFO queue: an EventBridge target cannot give the share
 * identifier a fair-share queue requires (Batch-FS3). Clean under AwsSolutions and BatchChecks;
 * the job-definition prefix wildcard of the team roles is acknowledged with its reason.
 *
 *   CDK_OUTDIR=cdk.out npx ts-node --project examples/tsconfig.json examples/fair-share-teams.ts
 */
import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import { BatchEnvironment, BatchJobQueue, BatchPermissions } from '../src/constructs';
import { addComplianceChecks, runWhenExecuted } from './shared/run-example';
import { ScheduledJob } from '../src/constructs/events';

/** Every job definition of the teams is named with this prefix, so their roles can name them all. */
const PREFIX = 'teams_';

/** Who shares the queue, and with which share identifiers (a trailing `*` is a prefix). */
const TEAMS: ReadonlyArray<{ readonly name: string; readonly shares: batch.Share[] }> = [
  { name: 'Research', shares: [{ shareIdentifier: 'research', weightFactor: 1 }] },
  { name: 'Analytics', shares: [{ shareIdentifier: 'analytics*', weightFactor: 2 }] },
  { name: 'Ops', shares: [{ shareIdentifier: 'ops', weightFactor: 4 }] },
];

export class FairShareTeamsStack extends cdk.Stack {
  public readonly batch: BatchEnvironment;
  public readonly sharedQueue: BatchJobQueue;
  public readonly teamRoles: iam.Role[];

  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.batch = new BatchEnvironment(this, 'Batch', { maxvCpus: 64, jobQueueName: 'housekeeping' });

    // The fair-share queue on the same compute environment, served before the FIFO one (SCHED-2).
    this.sharedQueue = this.batch.addQueue('Shared', {
      jobQueueName: 'teams',
      priority: 10,
      fairShare: {
        shares: TEAMS.flatMap((team) => team.shares),
        shareDecay: cdk.Duration.hours(1),
        computeReservation: 10,
      },
    });

    // schedulingPriority orders jobs within one share (FS-5); a submission may override it.
    this.batch.addJobDefinition('Simulate', { jobDefinitionName: `${PREFIX}simulate`, command: ['sh', '-c', 'echo simulating; sleep 60'], cpu: 4, schedulingPriority: 50 });
    const report = this.batch.addJobDefinition('Report', { jobDefinitionName: `${PREFIX}report`, command: ['echo', 'report'], schedulingPriority: 10 });

    this.teamRoles = TEAMS.map((team) => {
      const role = new iam.Role(this, team.name, {
        assumedBy: new iam.AccountRootPrincipal(),
        description: `${team.name}: may submit ${PREFIX}* jobs to the teams queue with its own share identifier only`,
      });
      const policy = new iam.Policy(this, `${team.name}Policy`, {
        roles: [role],
        statements: [
          BatchPermissions.submitJob(this, {
            jobDefinitionNamePrefix: PREFIX,
            jobQueues: [this.sharedQueue],
            shareIdentifiers: team.shares.map((share) => share.shareIdentifier),
          }),
        ],
      });
      cdk.Validations.of(policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:batch:<AWS::Region>:<AWS::AccountId>:job-definition/${PREFIX}*]`,
        reason: 'Every job definition (and revision) named with the teams prefix (IAM-4); batch:ShareIdentifier limits whose share the job counts against (FS-3).',
      });
      return role;
    });

    // On the FIFO queue: a scheduled rule cannot give a shareIdentifier (FS-3, Batch-FS3).
    new ScheduledJob(this, 'Housekeeping', {
      description: 'Nightly housekeeping, outside the teams\' fair share',
      schedule: events.Schedule.cron({ minute: '0', hour: '3' }),
      jobQueue: this.batch.jobQueue,
      jobDefinition: report,
      jobName: 'housekeeping',
    });
  }
}

export async function main(): Promise<void> {
  const app = new cdk.App();
  new FairShareTeamsStack(app, 'FairShareTeams');
  addComplianceChecks(app);
  app.synth();
}

runWhenExecuted(module, main);
