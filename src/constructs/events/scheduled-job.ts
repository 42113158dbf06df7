import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { JobSubmissionProps } from './job-submission-props';
import { batchJobTarget } from './private/batch-job-target';

/**
 * Properties of a ScheduledJob.
 */
export interface ScheduledJobProps extends JobSubmissionProps {
  /**
   * When to submit: `events.Schedule.rate(Duration.hours(1))` or `events.Schedule.cron({...})`
   * (six fields, UTC).
   */
  readonly schedule: events.Schedule;

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
   * Whether the schedule is enabled.
   *
   * @default true
   */
  readonly enabled?: boolean;
}

/**
 * Submits an AWS Batch job on a schedule (the seed's "scheduled AWS Batch job", guide p.91):
 * an EventBridge rule with a rate or cron expression and a Batch job queue target (EVT-4).
 *
 * @example
 * new ScheduledJob(this, 'Hourly', { schedule: events.Schedule.rate(Duration.hours(1)), jobQueue, jobDefinition });
 */
export class ScheduledJob extends events.Rule {
  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id, {
      schedule: props.schedule,
      ruleName: props.ruleName,
      description: props.description,
      enabled: props.enabled,
    });
    this.addTarget(batchJobTarget(this, props));
  }
}
