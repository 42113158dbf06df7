import * as batch from 'aws-cdk-lib/aws-batch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { flattenToString, referencedResource, resolveValue } from './cfn-references';

/** IAM-3: the policy a Spot fleet role must carry so that Spot instances are tagged at launch. */
export const SPOT_FLEET_TAGGING_POLICY = 'service-role/AmazonEC2SpotFleetTaggingRole';
/** DIAG-3: the older policy, which cannot tag Spot instances. */
export const LEGACY_SPOT_FLEET_POLICY = 'service-role/AmazonEC2SpotFleetRole';
/** The name the EC2 console gives a role created with the legacy policy. */
export const LEGACY_SPOT_FLEET_ROLE_NAME = 'aws-ec2-spot-fleet-role';

/** What the stack tells about the Spot fleet role of a SPOT compute environment. */
export type SpotFleetRole =
  | { readonly kind: 'absent'; readonly allocationStrategy: string }
  | { readonly kind: 'in-stack'; readonly managedPolicyArns: string[] }
  | { readonly kind: 'external'; readonly arn: string | undefined };

/** Reads the `spotIamFleetRole` of a compute environment and, when it is in the stack, its managed policies. */
export function spotFleetRoleOf(ce: batch.CfnComputeEnvironment): SpotFleetRole {
  const resources = resolveValue(ce, ce.computeResources);
  const roleReference = resources?.spotIamFleetRole;
  if (roleReference === undefined) {
    const strategy = resources?.allocationStrategy;
    return { kind: 'absent', allocationStrategy: typeof strategy === 'string' ? strategy : 'BEST_FIT' };
  }
  const role = referencedResource(ce, roleReference, iam.CfnRole);
  if (role === undefined) {
    return { kind: 'external', arn: flattenToString(roleReference) };
  }
  const arns = resolveValue(role, role.managedPolicyArns);
  const managedPolicyArns = (Array.isArray(arns) ? arns : [])
    .map(flattenToString)
    .filter((arn): arn is string => arn !== undefined);
  return { kind: 'in-stack', managedPolicyArns };
}

/** True when one of `arns` is the AWS managed policy `policy` (e.g. `service-role/X`), in any partition. */
export function hasAwsManagedPolicy(arns: string[], policy: string): boolean {
  return arns.some((arn) => arn.endsWith(`:iam::aws:policy/${policy}`));
}
