import { CfnResource } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { computeKindOf } from '../private/batch-topology';
import {
  LEGACY_SPOT_FLEET_POLICY,
  LEGACY_SPOT_FLEET_ROLE_NAME,
  hasAwsManagedPolicy,
  spotFleetRoleOf,
} from '../private/spot-fleet-role';

/**
 * DIAG-3: a SPOT compute environment's fleet role does not use the older
 * `service-role/AmazonEC2SpotFleetRole`, with which Spot instances are not tagged at creation.
 * A role of the stack is judged by its managed policies; an outside role by the name the EC2
 * console gives the legacy role (`aws-ec2-spot-fleet-role`).
 */
export function spotFleetRoleAvoidsLegacyPolicy(node: CfnResource): NagRuleResult {
  if (!(node instanceof batch.CfnComputeEnvironment) || computeKindOf(node) !== 'SPOT') {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const role = spotFleetRoleOf(node);
  switch (role.kind) {
    case 'absent':
      return NagRuleCompliance.NOT_APPLICABLE;
    case 'in-stack':
      return hasAwsManagedPolicy(role.managedPolicyArns, LEGACY_SPOT_FLEET_POLICY)
        ? NagRuleCompliance.NON_COMPLIANT
        : NagRuleCompliance.COMPLIANT;
    case 'external':
      return role.arn !== undefined && (role.arn === LEGACY_SPOT_FLEET_ROLE_NAME || role.arn.endsWith(`/${LEGACY_SPOT_FLEET_ROLE_NAME}`))
        ? NagRuleCompliance.NON_COMPLIANT
        : NagRuleCompliance.COMPLIANT;
  }
}
