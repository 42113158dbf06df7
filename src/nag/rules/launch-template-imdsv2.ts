import { CfnResource } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { NagRuleCompliance, NagRuleResult, NagRules } from 'cdk-nag';
import { resolveValue } from '../private/cfn-references';
import { isUsedByComputeEnvironment } from '../private/launch-template-usage';

/**
 * A launch template that a Batch compute environment uses requires IMDSv2
 * (`MetadataOptions.HttpTokens: required`), so containers cannot read instance credentials
 * through a plain GET to the metadata service.
 */
export function launchTemplateRequiresImdsv2(node: CfnResource): NagRuleResult {
  if (!(node instanceof ec2.CfnLaunchTemplate) || !isUsedByComputeEnvironment(node)) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const data = resolveValue(node, node.launchTemplateData);
  const httpTokens = NagRules.resolveIfPrimitive(node, data?.metadataOptions?.httpTokens);
  return httpTokens === 'required' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
