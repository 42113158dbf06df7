import { CfnResource } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { NagRuleCompliance, NagRuleResult, NagRules } from 'cdk-nag';
import { resolveValue } from '../private/cfn-references';
import { isUsedByComputeEnvironment } from '../private/launch-template-usage';

/**
 * A launch template that a Batch compute environment uses maps its EBS volumes explicitly and
 * encrypts every one. Without a mapping the root volume comes from the AMI's snapshot, which is
 * unencrypted on the ECS-optimized AMIs unless the account turns on EBS encryption by default
 * (a fact outside the template: acknowledge the finding with that reason).
 */
export function launchTemplateEncryptsEbs(node: CfnResource): NagRuleResult {
  if (!(node instanceof ec2.CfnLaunchTemplate) || !isUsedByComputeEnvironment(node)) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const mappings = resolveValue(node, node.launchTemplateData)?.blockDeviceMappings;
  const ebsMappings = (Array.isArray(mappings) ? mappings : []).filter((mapping: any) => mapping?.ebs !== undefined);
  if (ebsMappings.length === 0) {
    return NagRuleCompliance.NON_COMPLIANT;
  }
  const allEncrypted = ebsMappings.every((mapping: any) => NagRules.resolveIfPrimitive(node, mapping.ebs.encrypted) === true);
  return allEncrypted ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
