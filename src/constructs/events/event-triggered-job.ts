import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { JobSubmissionProps } from './job-submission-props';
import { batchJobTarget } from './private/batch-job-target';

/**
 * Properties of an EventTriggeredJob.
 */
export interface EventTriggeredJobProps extends JobSubmissionProps {
  /** The events that submit a job, e.g. `S3ObjectCreatedEvent.pattern(bucket)`. */
  readonly eventPattern: events.EventPattern;

  /**
   * The event bus the events arrive on.
   *
   * @default - the account's default event bus
   */
  readonly eventBus?: events.IEventBus;

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
}

/**
 * Submits an AWS Batch job for every matching event, passing event fields to the job as
 * `Parameters` through an input transformer (the seed's S3 example, guide p.92: the job's
 * command uses `Ref::S3bucket` and `Ref::S3key`).
 *
 * @example
 * new EventTriggeredJob(this, 'OnUpload', {
 *   eventPattern: S3ObjectCreatedEvent.pattern(bucket),
 *   jobQueue,
 *   jobDefinition,
 *   parameters: { S3bucket: S3ObjectCreatedEvent.bucketName(), S3key: S3ObjectCreatedEvent.objectKey() },
 * });
 */
export class EventTriggeredJob extends events.Rule {
  constructor(scope: Construct, id: string, props: EventTriggeredJobProps) {
    super(scope, id, {
      eventPattern: props.eventPattern,
      eventBus: props.eventBus,
      ruleName: props.ruleName,
      description: props.description,
      enabled: props.enabled,
    });
    this.addTarget(batchJobTarget(this, props));
  }
}
