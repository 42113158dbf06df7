import { CfnResource } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { isFairShareQueue, queuesTargetedByRule } from '../private/batch-topology';

/**
 * FS-3: an EventBridge rule (ScheduledJob, EventTriggeredJob, or any `AWS::Events::Rule`) must
 * not submit to a fair-share queue. A Batch target's `BatchParameters` hold only `JobDefinition`,
 * `JobName`, `ArrayProperties` and `RetryStrategy`, and its input becomes the job's `Parameters`
 * (EVT-3): there is no way to give the `shareIdentifier` that SubmitJob to a fair-share queue
 * requires, so every submission the rule makes is refused. Targets outside the
 * stack are not judged; a rule that submits only to FIFO queues is compliant.
 */
export function eventRuleSubmitsOnlyToFifoQueues(node: CfnResource): NagRuleResult {
  if (!(node instanceof events.CfnRule)) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const queues = queuesTargetedByRule(node);
  if (queues.length === 0) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  return queues.some(isFairShareQueue) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
