import { CfnResource } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { instanceTypeArchitecture } from '../../instance-catalog';
import { computeEnvironmentsOfQueue, computeKindOf, instanceTypesOf } from '../private/batch-topology';
import { resolveValue } from '../private/cfn-references';

/**
 * LIM-3: the compute environments of one job queue share one architecture (x86_64 or arm64,
 * told by their instance types) and one platform: EC2/SPOT (or unmanaged) CEs are not mixed with
 * Fargate CEs, nor ECS CEs with EKS CEs. CEs outside the stack, or whose instance types are
 * tokens, are not counted.
 */
export function jobQueueHasSinglePlatform(node: CfnResource): NagRuleResult {
  if (!(node instanceof batch.CfnJobQueue)) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const computeEnvironments = computeEnvironmentsOfQueue(node).filter(
    (ce): ce is batch.CfnComputeEnvironment => ce !== undefined,
  );
  const platforms = new Set<string>();
  const architectures = new Set<string>();
  for (const ce of computeEnvironments) {
    const kind = computeKindOf(ce);
    if (kind === 'FARGATE' || kind === 'FARGATE_SPOT') {
      platforms.add('fargate');
    } else if (kind !== 'UNKNOWN') {
      platforms.add(resolveValue(ce, ce.eksConfiguration) === undefined ? 'ecs-ec2' : 'eks-ec2');
    }
    if (kind === 'EC2' || kind === 'SPOT') {
      for (const instanceType of instanceTypesOf(ce) ?? []) {
        architectures.add(instanceTypeArchitecture(instanceType));
      }
    }
  }
  return platforms.size > 1 || architectures.size > 1 ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
