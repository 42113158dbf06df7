import * as batch from 'aws-cdk-lib/aws-batch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { BatchJobStatus } from './batch-job-status';
import { jobDefinitionArnPrefix } from './private/job-definition-arn-prefix';

/**
 * Properties of a JobStateChangeRule. Every filter given narrows the rule; filters left out
 * match everything.
 */
export interface JobStateChangeRuleProps {
  /**
   * Only jobs entering one of these states, e.g. `[BatchJobStatus.FAILED]` for the seed's
   * failed-job alert.
   *
   * @default - every state change
   */
  readonly statuses?: BatchJobStatus[];

  /**
   * Only jobs of these queues (matched on `detail.jobQueue`, the queue ARN).
   *
   * @default - jobs of every queue
   */
  readonly jobQueues?: batch.IJobQueue[];

  /**
   * Only jobs of these job definitions, any revision (matched on the prefix of `detail.jobDefinition`).
   *
   * @default - jobs of every job definition
   */
  readonly jobDefinitions?: batch.IJobDefinition[];

  /**
   * A name for the rule.
   *
   * @default - AWS CloudFormation generates a unique name
   */
  readonly ruleName?: string;

  /**
   * A description of the rule.
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Whether the rule is enabled.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The event bus that receives the Batch events.
   *
   * @default - the account's default event bus, where AWS Batch sends its events
   */
  readonly eventBus?: events.IEventBus;
}

/**
 * An EventBridge rule matching AWS Batch "Batch Job State Change" events (EVT-1), with
 * shortcuts for the seed's two tutorials: an SNS alert for failed jobs and a Lambda listener
 * (aws-cdk#12551 asks for such `onStateChange` helpers).
 *
 * @example
 * const rule = new JobStateChangeRule(this, 'Failed', { statuses: [BatchJobStatus.FAILED], jobQueues: [queue] });
 * rule.addSnsAlert(topic);
 */
export class JobStateChangeRule extends events.Rule {
  /** The `source` of AWS Batch events. */
  public static readonly EVENT_SOURCE = 'aws.batch';
  /** The `detail-type` of job state change events. */
  public static readonly DETAIL_TYPE = 'Batch Job State Change';

  constructor(scope: Construct, id: string, props: JobStateChangeRuleProps = {}) {
    super(scope, id, {
      ruleName: props.ruleName,
      description: props.description,
      enabled: props.enabled,
      eventBus: props.eventBus,
      eventPattern: {
        source: [JobStateChangeRule.EVENT_SOURCE],
        detailType: [JobStateChangeRule.DETAIL_TYPE],
        detail: jobStateChangeDetail(props),
      },
    });
  }

  /**
   * Publishes each matching event to an SNS topic (the seed's failed-job alert). The topic's
   * resource policy is extended to let EventBridge publish.
   *
   * @param topic the topic to publish to
   * @param options the message (default: the whole event as JSON) and delivery options
   */
  public addSnsAlert(topic: sns.ITopic, options: targets.SnsTopicProps = {}): void {
    this.addTarget(new targets.SnsTopic(topic, options));
  }

  /**
   * Invokes a Lambda function with each matching event (the seed's event listener tutorial).
   * EventBridge is given permission to invoke the function.
   *
   * @param handler the function to invoke
   * @param options the payload (default: the whole event) and delivery options
   */
  public addLambda(handler: lambda.IFunction, options: targets.LambdaFunctionProps = {}): void {
    this.addTarget(new targets.LambdaFunction(handler, options));
  }
}

/** The `detail` part of the pattern; undefined when no filter narrows it. */
function jobStateChangeDetail(props: JobStateChangeRuleProps): Record<string, unknown> | undefined {
  const detail: Record<string, unknown> = {};
  if (props.statuses !== undefined && props.statuses.length > 0) {
    detail.status = [...new Set(props.statuses)];
  }
  if (props.jobQueues !== undefined && props.jobQueues.length > 0) {
    detail.jobQueue = props.jobQueues.map((queue) => queue.jobQueueArn);
  }
  if (props.jobDefinitions !== undefined && props.jobDefinitions.length > 0) {
    detail.jobDefinition = events.Match.anyOf(
      ...props.jobDefinitions.map((jobDefinition) => events.Match.prefix(jobDefinitionArnPrefix(jobDefinition))),
    );
  }
  return Object.keys(detail).length > 0 ? detail : undefined;
}
