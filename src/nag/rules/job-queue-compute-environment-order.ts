import { CfnResource } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { NagRuleCompliance, NagRuleResult, NagRules } from 'cdk-nag';
import { resolveValue } from '../private/cfn-references';

/** LIM-2: the most compute environments one job queue may list. */
export const MAX_COMPUTE_ENVIRONMENTS_PER_QUEUE = 3;

/**
 * LIM-2: a job queue lists 1 to 3 compute environments and each `order` is unique (the order
 * decides which CE is tried first, SCHED-3). A queue of service environments (SageMaker) has no
 * compute environment order and is not judged.
 */
export function jobQueueComputeEnvironmentOrderIsValid(node: CfnResource): NagRuleResult {
  if (!(node instanceof batch.CfnJobQueue)) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const order = resolveValue(node, node.computeEnvironmentOrder);
  if (order === undefined && resolveValue(node, node.serviceEnvironmentOrder) !== undefined) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  if (!Array.isArray(order)) {
    throw new Error(`computeEnvironmentOrder ${JSON.stringify(order)} cannot be read at synth`);
  }
  if (order.length < 1 || order.length > MAX_COMPUTE_ENVIRONMENTS_PER_QUEUE) {
    return NagRuleCompliance.NON_COMPLIANT;
  }
  const orders = order.map((entry: any) => NagRules.resolveIfPrimitive(node, entry?.order));
  return new Set(orders).size === orders.length ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
