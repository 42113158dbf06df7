import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { NagRules } from 'cdk-nag';
import {
  flattenToString,
  logicalIdOf,
  referencedLogicalId,
  referencedResource,
  resolveValue,
  stackResourcesOfType,
} from './cfn-references';

/**
 * NET-1: container instances must reach the ECS endpoint, through a NAT (gateway or instance),
 * a public IP behind an internet gateway, or the ECS interface endpoints of their VPC.
 */

/** The ECS interface endpoints an instance without internet access needs to register and run tasks. */
export const ECS_ENDPOINT_SUFFIXES = ['.ecs', '.ecs-agent', '.ecs-telemetry'];

/** How a subnet's default route leaves the VPC, as far as the stack shows it. */
export type SubnetEgress = 'forwarded' | 'internet-gateway' | 'none';

/** The default route (0.0.0.0/0) of a subnet of the stack, through its route table association. */
export function defaultRouteEgress(subnet: ec2.CfnSubnet): SubnetEgress {
  const subnetId = logicalIdOf(subnet);
  const routeTableIds = stackResourcesOfType(subnet, ec2.CfnSubnetRouteTableAssociation)
    .filter((association) => referencedLogicalId(resolveValue(association, association.subnetId)) === subnetId)
    .map((association) => referencedLogicalId(resolveValue(association, association.routeTableId)));
  // A subnet without an association uses the VPC's main route table, which a template cannot
  // give a default route: it has only the local route.
  const defaultRoutes = stackResourcesOfType(subnet, ec2.CfnRoute).filter(
    (route) =>
      routeTableIds.includes(referencedLogicalId(resolveValue(route, route.routeTableId))) &&
      resolveValue(route, route.destinationCidrBlock) === '0.0.0.0/0',
  );
  let egress: SubnetEgress = 'none';
  for (const route of defaultRoutes) {
    if (forwardsToInternet(route)) {
      return 'forwarded';
    }
    if (isInternetGateway(route, route.gatewayId)) {
      egress = 'internet-gateway';
    }
  }
  return egress;
}

/**
 * A NAT gateway, NAT instance (instance or ENI), transit gateway, Cloud WAN core network or
 * firewall endpoint may carry the traffic on to the internet; the stack cannot show more, so
 * such routes count as egress.
 */
function forwardsToInternet(route: ec2.CfnRoute): boolean {
  return [
    route.natGatewayId,
    route.instanceId,
    route.networkInterfaceId,
    route.transitGatewayId,
    route.coreNetworkArn,
    route.vpcEndpointId,
  ].some((target) => target !== undefined);
}

function isInternetGateway(route: ec2.CfnRoute, gatewayId: unknown): boolean {
  if (gatewayId === undefined) {
    return false;
  }
  if (referencedResource(route, gatewayId, ec2.CfnInternetGateway) !== undefined) {
    return true;
  }
  const literal = resolveValue(route, gatewayId);
  return typeof literal === 'string' && literal.startsWith('igw-');
}

/** True when instances launched in the subnet get a public IPv4 address. */
export function assignsPublicIp(subnet: ec2.CfnSubnet): boolean {
  return NagRules.resolveIfPrimitive(subnet, subnet.mapPublicIpOnLaunch) === true;
}

/** True when the subnet's VPC has private-DNS interface endpoints for ecs, ecs-agent and ecs-telemetry. */
export function hasEcsInterfaceEndpoints(subnet: ec2.CfnSubnet): boolean {
  const vpc = flattenToString(resolveValue(subnet, subnet.vpcId));
  const services = stackResourcesOfType(subnet, ec2.CfnVPCEndpoint)
    .filter((endpoint) => flattenToString(resolveValue(endpoint, endpoint.vpcId)) === vpc)
    .filter((endpoint) => resolveValue(endpoint, endpoint.vpcEndpointType) === 'Interface')
    .filter((endpoint) => resolveValue(endpoint, endpoint.privateDnsEnabled) === true)
    .map((endpoint) => flattenToString(resolveValue(endpoint, endpoint.serviceName)) ?? '');
  return ECS_ENDPOINT_SUFFIXES.every((suffix) => services.some((service) => service.endsWith(suffix)));
}
