import { CfnResource } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { isGpuInstanceType } from '../../instance-catalog';
import {
  computeEnvironmentsOfQueue,
  computeKindOf,
  instanceTypesOf,
  queuesForJobDefinition,
  requiresGpu,
} from '../private/batch-topology';

/**
 * SCHED-9: a job definition that asks for GPUs can reach a queue with GPU instance types; on any
 * other queue its jobs stay RUNNABLE forever. The queues are the ones EventBridge targets pair
 * it with (each must fit), else those of its stack (one must fit). Unmanaged CEs, CEs outside
 * the stack and tokenized instance types are given the benefit of the doubt.
 */
export function gpuJobDefinitionHasGpuQueue(node: CfnResource): NagRuleResult {
  if (!(node instanceof batch.CfnJobDefinition) || !requiresGpu(node)) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const { queues, linked } = queuesForJobDefinition(node);
  if (queues.length === 0) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const fits = queues.map(queueCanPlaceGpuJobs);
  const compliant = linked ? fits.every(Boolean) : fits.some(Boolean);
  return compliant ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function queueCanPlaceGpuJobs(queue: batch.CfnJobQueue): boolean {
  return computeEnvironmentsOfQueue(queue).some((ce) => {
    if (ce === undefined) {
      return true;
    }
    const kind = computeKindOf(ce);
    if (kind === 'FARGATE' || kind === 'FARGATE_SPOT') {
      return false;
    }
    if (kind === 'UNMANAGED' || kind === 'UNKNOWN') {
      return true;
    }
    const instanceTypes = instanceTypesOf(ce);
    return instanceTypes === undefined || instanceTypes.some(isGpuInstanceType);
  });
}
