/**
 * Org-wide patterns: an organization wraps `BatchEnvironment` in its own construct,
 * `OrgBatchEnvironment`, which carries its defaults (On-Demand for urgent work, Spot for the
 * rest, two queues, tags propagated to jobs, failed jobs alerted on an encrypted topic), and
 * applies its guardrails to the whole app at once: cost tags (`Tags`), a permissions boundary on
 * every IAM role (`PermissionsBoundary`), and cdk-nag's AwsSolutions plus `BatchChecks` as
 * validation plugins. The guardrails reach every resource, including those aws-cdk-lib creates
 * inside the library's constructs (flow-log role, execution roles, Spot fleet role).
 * Clean under AwsSolutions and BatchChecks, with
 * no acknowledgments of its own: the constructs acknowledge their deliberate defaults (docs/nag-acknowledgments.md).
 *
 *   CDK_OUTDIR=cdk.out npx ts-node --project examples/tsconfig.json examples/org-wide-defaults.ts
 */
import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Construct } from 'constructs';
import { BatchEnvironment, ContainerJobDefinitionProps } from '../src/constructs';
import { BatchJobStatus } from '../src/constructs/events';
import { BatchChecks } from '../src/nag';
import { runWhenExecuted } from './shared/run-example';

/** The tags every resource of the organization carries. */
export const ORG_TAGS: Readonly<Record<string, string>> = {
  'org:cost-center': 'cc-4711',
  'org:data-classification': 'internal',
};

/** The permissions boundary every IAM role of the organization must carry (created by the platform team). */
export const ORG_PERMISSIONS_BOUNDARY = 'org-workload-boundary';

export interface OrgBatchEnvironmentProps {
  /** The owning team, tagged on everything of this environment. */
  readonly team: string;

  /**
   * The most vCPUs of the Spot compute environment.
   *
   * @default 256
   */
  readonly spotMaxvCpus?: number;
}

/**
 * The organization's Batch environment: On-Demand capacity for the `urgent` queue, Spot first
 * (falling back to On-Demand) for the `batch` queue, and an alert topic for failed jobs.
 */
export class OrgBatchEnvironment extends Construct {
  public readonly batch: BatchEnvironment;
  public readonly urgentQueue: batch.IJobQueue;
  public readonly bulkQueue: batch.IJobQueue;
  public readonly failedJobsTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: OrgBatchEnvironmentProps) {
    super(scope, id);
    this.batch = new BatchEnvironment(this, 'Batch', {
      jobQueueName: `${props.team}-urgent`,
      jobQueuePriority: 100,
      // Urgent work never waits for Spot capacity.
      defaultQueueUsesSpot: false,
      onDemand: { instanceClasses: [ec2.InstanceClass.M6I, ec2.InstanceClass.C6I], maxvCpus: 64 },
      spot: {
        instanceClasses: [ec2.InstanceClass.M6I, ec2.InstanceClass.C6I, ec2.InstanceClass.R6I],
        allocationStrategy: batch.AllocationStrategy.SPOT_PRICE_CAPACITY_OPTIMIZED,
        maxvCpus: props.spotMaxvCpus ?? 256,
      },
    });
    this.urgentQueue = this.batch.jobQueue;
    this.bulkQueue = this.batch.addQueue('Bulk', {
      jobQueueName: `${props.team}-bulk`,
      priority: 1,
      computeEnvironments: [
        { computeEnvironment: this.batch.spotComputeEnvironment!.computeEnvironment, order: 1 },
        { computeEnvironment: this.batch.computeEnvironment, order: 2 },
      ],
    });

    // EventBridge publishes to an encrypted topic only with a customer managed key it may use.
    const key = new kms.Key(this, 'AlertKey', { enableKeyRotation: true, description: `Encrypts ${props.team}'s failed-job alerts` });
    key.grant(new iam.ServicePrincipal('events.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.failedJobsTopic = new sns.Topic(this, 'FailedJobs', { enforceSSL: true, masterKey: key });
    this.batch.onJobStateChange('FailedJobRule', {
      description: `FAILED jobs of ${props.team}'s queues`,
      statuses: [BatchJobStatus.FAILED],
    }).addSnsAlert(this.failedJobsTopic);

    cdk.Tags.of(this).add('org:team', props.team);
  }

  /** A job definition with the organization's defaults: tags propagated to the ECS task, bounded retries and run time. */
  public addJobDefinition(id: string, props: ContainerJobDefinitionProps): batch.EcsJobDefinition {
    const definition = this.batch.addJobDefinition(id, {
      propagateTags: true,
      retryAttempts: 2,
      timeout: cdk.Duration.hours(12),
      ...props,
    });
    return definition;
  }
}

export class OrgWideDefaultsStack extends cdk.Stack {
  public readonly analytics: OrgBatchEnvironment;

  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.analytics = new OrgBatchEnvironment(this, 'Analytics', { team: 'analytics' });
    this.analytics.addJobDefinition('Aggregate', {
      jobDefinitionName: 'analytics-aggregate',
      command: ['sh', '-c', 'echo aggregating Ref::day'],
      parameters: { day: 'today' },
      cpu: 2,
      memory: cdk.Size.mebibytes(4096),
    });
  }
}

/**
 * The organization's guardrails, for every stack of `app`: tags, the permissions boundary, and
 * the AwsSolutions and BatchChecks packs (any unacknowledged finding then fails synthesis).
 */
export function applyOrgGuardrails(app: cdk.App): void {
  for (const [key, value] of Object.entries(ORG_TAGS)) {
    cdk.Tags.of(app).add(key, value);
  }
  // The boundary is imported once per stack: an imported policy belongs to a stack, and
  // importing it in each keeps stacks free of cross-stack references.
  for (const stack of app.node.children.filter(cdk.Stack.isStack)) {
    const boundary = iam.ManagedPolicy.fromManagedPolicyName(stack, 'OrgPermissionsBoundary', ORG_PERMISSIONS_BOUNDARY);
    iam.PermissionsBoundary.of(stack).apply(boundary);
  }
  cdk.Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new BatchChecks(app));
}

/** The app, with its guardrails applied (not yet synthesized). */
export function buildOrgWideDefaultsApp(): { app: cdk.App; stack: OrgWideDefaultsStack } {
  const app = new cdk.App();
  const stack = new OrgWideDefaultsStack(app, 'OrgWideDefaults');
  applyOrgGuardrails(app);
  return { app, stack };
}

export async function main(): Promise<void> {
  buildOrgWideDefaultsApp().app.synth();
}

runWhenExecuted(module, main);
