import { CfnResource } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { flattenToString, referencedAttribute, referencedResource, resolveValue } from '../private/cfn-references';

/** A role ARN; partition and account may still be tokens (flattened to `<AWS::Partition>`). */
const ROLE_ARN = /^arn:[^:]+:iam::[^:]*:role\/.+/;

/**
 * IAM-1: a compute environment's `serviceRole` is a full role ARN, or absent (the service-linked
 * role). A bare name makes AWS Batch build `role/<name>`, losing the `service-role/` path of
 * `AWSBatchServiceRole`, and the CE becomes INVALID. `Ref` of an `AWS::IAM::Role` is its name.
 */
export function serviceRoleIsFullArn(node: CfnResource): NagRuleResult {
  if (!(node instanceof batch.CfnComputeEnvironment)) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const serviceRole = resolveValue(node, node.serviceRole);
  if (serviceRole === undefined) {
    return NagRuleCompliance.COMPLIANT;
  }
  const attribute = referencedAttribute(serviceRole);
  if (attribute === 'Arn') {
    return NagRuleCompliance.COMPLIANT;
  }
  if (attribute === 'Ref') {
    if (referencedResource(node, serviceRole, iam.CfnRole) !== undefined) {
      return NagRuleCompliance.NON_COMPLIANT;
    }
    throw new Error(`serviceRole ${JSON.stringify(serviceRole)} is a parameter or import; it cannot be checked at synth`);
  }
  const flattened = flattenToString(serviceRole);
  if (flattened === undefined) {
    throw new Error(`serviceRole ${JSON.stringify(serviceRole)} cannot be read at synth`);
  }
  // Tokens flatten to `<AWS::Partition>`; their colons must not count as ARN separators.
  const withoutTokens = flattened.replace(/<[^>]*>/g, 'token');
  return ROLE_ARN.test(withoutTokens) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
