import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { assignsPublicIp, defaultRouteEgress, hasEcsInterfaceEndpoints } from '../../../src/nag/private/subnet-egress';
import { newTestStack } from '../nag-fixtures';

function cfnSubnets(vpc: ec2.Vpc, subnetType: ec2.SubnetType): ec2.CfnSubnet[] {
  return vpc.selectSubnets({ subnetType }).subnets.map((subnet) => subnet.node.defaultChild as ec2.CfnSubnet);
}

describe('subnet egress', () => {
  test('NET-1: private subnets route through the NAT, public ones through the internet gateway', () => {
    // GIVEN the reference VPC
    const { stack } = newTestStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });

    // WHEN / THEN
    for (const subnet of cfnSubnets(vpc, ec2.SubnetType.PRIVATE_WITH_EGRESS)) {
      expect(defaultRouteEgress(subnet)).toBe('forwarded');
    }
    for (const subnet of cfnSubnets(vpc, ec2.SubnetType.PUBLIC)) {
      expect(defaultRouteEgress(subnet)).toBe('internet-gateway');
      expect(assignsPublicIp(subnet)).toBe(true);
    }
  });

  test('NET-1: a subnet without a route table association has no egress', () => {
    const { stack } = newTestStack();
    const subnet = new ec2.CfnSubnet(stack, 'Subnet', { vpcId: 'vpc-1', cidrBlock: '10.0.0.0/24' });
    expect(defaultRouteEgress(subnet)).toBe('none');
  });

  test('NET-1: endpoints count only in the subnet VPC and only with private DNS', () => {
    // GIVEN the three ECS endpoints, one of them without private DNS
    const { stack } = newTestStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      maxAzs: 1,
      subnetConfiguration: [{ name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    vpc.addInterfaceEndpoint('Ecs', { service: ec2.InterfaceVpcEndpointAwsService.ECS });
    vpc.addInterfaceEndpoint('Agent', { service: ec2.InterfaceVpcEndpointAwsService.ECS_AGENT });
    const telemetry = vpc.addInterfaceEndpoint('Telemetry', {
      service: ec2.InterfaceVpcEndpointAwsService.ECS_TELEMETRY,
      privateDnsEnabled: false,
    });
    const [subnet] = cfnSubnets(vpc, ec2.SubnetType.PRIVATE_ISOLATED);
    expect(hasEcsInterfaceEndpoints(subnet)).toBe(false);

    // WHEN private DNS is turned on
    (telemetry.node.defaultChild as ec2.CfnVPCEndpoint).privateDnsEnabled = true;

    // THEN
    expect(hasEcsInterfaceEndpoints(subnet)).toBe(true);
  });
});
