import { CfnResource } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { computeEnvironmentsOfQueue, computeKindOf, isMultiNode, queuesForJobDefinition } from '../private/batch-topology';

/**
 * MNP-8 / LIM-14: a multi-node parallel job definition can reach a queue with a managed
 * on-demand EC2 compute environment. SPOT, Fargate and unmanaged CEs cannot run MNP jobs, so a
 * queue made only of those leaves the job RUNNABLE. The queues are chosen as for SCHED-9;
 * CEs outside the stack are given the benefit of the doubt.
 */
export function multiNodeJobDefinitionHasOnDemandQueue(node: CfnResource): NagRuleResult {
  if (!(node instanceof batch.CfnJobDefinition) || !isMultiNode(node)) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const { queues, linked } = queuesForJobDefinition(node);
  if (queues.length === 0) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const fits = queues.map(queueCanPlaceMultiNodeJobs);
  const compliant = linked ? fits.every(Boolean) : fits.some(Boolean);
  return compliant ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function queueCanPlaceMultiNodeJobs(queue: batch.CfnJobQueue): boolean {
  return computeEnvironmentsOfQueue(queue).some((ce) => {
    if (ce === undefined) {
      return true;
    }
    const kind = computeKindOf(ce);
    return kind === 'EC2' || kind === 'UNKNOWN';
  });
}
