import { CfnResource } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { computeKindOf } from '../private/batch-topology';
import { SPOT_FLEET_TAGGING_POLICY, hasAwsManagedPolicy, spotFleetRoleOf } from '../private/spot-fleet-role';

/**
 * IAM-3 / LIM-13: a SPOT compute environment that needs a Spot fleet role (allocation strategy
 * BEST_FIT or unset) has one, and a fleet role of the stack carries the AWS managed policy
 * `service-role/AmazonEC2SpotFleetTaggingRole`. aws-cdk-lib's L2 creates the role without any
 * policy. Roles from outside the stack cannot be inspected and are not judged here.
 */
export function spotFleetRoleHasTaggingPolicy(node: CfnResource): NagRuleResult {
  if (!(node instanceof batch.CfnComputeEnvironment) || computeKindOf(node) !== 'SPOT') {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const role = spotFleetRoleOf(node);
  switch (role.kind) {
    case 'absent':
      return role.allocationStrategy.toUpperCase() === 'BEST_FIT'
        ? NagRuleCompliance.NON_COMPLIANT
        : NagRuleCompliance.NOT_APPLICABLE;
    case 'in-stack':
      return hasAwsManagedPolicy(role.managedPolicyArns, SPOT_FLEET_TAGGING_POLICY)
        ? NagRuleCompliance.COMPLIANT
        : NagRuleCompliance.NON_COMPLIANT;
    case 'external':
      return NagRuleCompliance.NOT_APPLICABLE;
  }
}
