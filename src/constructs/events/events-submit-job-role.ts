import * as batch from 'aws-cdk-lib/aws-batch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * Properties of an EventsSubmitJobRole.
 */
export interface EventsSubmitJobRoleProps {
  /** The queues EventBridge may submit to (at least one: SubmitJob is authorized on both the queue and the job definition). */
  readonly jobQueues: batch.IJobQueue[];

  /** The job definitions EventBridge may submit (at least one; these exact revisions). */
  readonly jobDefinitions: batch.IJobDefinition[];

  /**
   * A name for the role.
   *
   * @default - AWS CloudFormation generates a unique name
   */
  readonly roleName?: string;

  /**
   * A description of the role.
   *
   * @default - no description
   */
  readonly description?: string;
}

/**
 * The role EventBridge assumes to submit AWS Batch jobs (EVT-5, guide p.88): it trusts
 * `events.amazonaws.com` and may call `batch:SubmitJob`. Unlike the managed policy
 * `AWSBatchServiceEventTargetRole` (Resource `*`), it is limited to the given queues and job
 * definitions. For `events.CfnRule` targets and other places where no role is made for you;
 * ScheduledJob and EventTriggeredJob get an equivalent role from `targets.BatchJob`.
 */
export class EventsSubmitJobRole extends iam.Role {
  constructor(scope: Construct, id: string, props: EventsSubmitJobRoleProps) {
    super(scope, id, {
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com'),
      roleName: props.roleName,
      description: props.description,
    });
    if (props.jobQueues.length === 0 || props.jobDefinitions.length === 0) {
      const field = props.jobQueues.length === 0 ? 'jobQueues' : 'jobDefinitions';
      throw new Error(
        `${this.node.path}: ${field}: [] is invalid: at least one is required, SubmitJob is authorized on the queue and the job definition (IAM-4)`,
      );
    }
    this.addToPolicy(
      new iam.PolicyStatement({
        actions: ['batch:SubmitJob'],
        resources: [
          ...new Set([
            ...props.jobQueues.map((queue) => queue.jobQueueArn),
            ...props.jobDefinitions.map((jobDefinition) => jobDefinition.jobDefinitionArn),
          ]),
        ],
      }),
    );
  }
}
