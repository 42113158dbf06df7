import { CfnResource } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { computeKindOf } from '../private/batch-topology';
import { referencedResource, resolveValue } from '../private/cfn-references';
import { assignsPublicIp, defaultRouteEgress, hasEcsInterfaceEndpoints } from '../private/subnet-egress';

/**
 * NET-1: every subnet of a managed compute environment reaches the ECS endpoint, through a
 * default route to a NAT (or another forwarding target), an internet gateway with public IPs,
 * or private-DNS interface endpoints for ecs, ecs-agent and ecs-telemetry in the VPC. On EC2 the
 * public IP comes from the subnet; on Fargate from the job definition (`assignPublicIp`), so an
 * internet gateway suffices there. Subnets outside the stack cannot be inspected.
 */
export function computeEnvironmentSubnetsReachEcs(node: CfnResource): NagRuleResult {
  if (!(node instanceof batch.CfnComputeEnvironment)) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const kind = computeKindOf(node);
  const subnetReferences = resolveValue(node, node.computeResources)?.subnets;
  if (kind === 'UNMANAGED' || !Array.isArray(subnetReferences)) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const subnets = subnetReferences
    .map((reference) => referencedResource(node, reference, ec2.CfnSubnet))
    .filter((subnet): subnet is ec2.CfnSubnet => subnet !== undefined);
  if (subnets.length === 0) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const onFargate = kind === 'FARGATE' || kind === 'FARGATE_SPOT';
  const allReach = subnets.every((subnet) => {
    const egress = defaultRouteEgress(subnet);
    if (egress === 'forwarded') {
      return true;
    }
    if (egress === 'internet-gateway' && (onFargate || assignsPublicIp(subnet))) {
      return true;
    }
    return hasEcsInterfaceEndpoints(subnet);
  });
  return allReach ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
