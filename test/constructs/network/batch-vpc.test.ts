import { Match, Template } from 'aws-cdk-lib/assertions';
import { BatchVpc, BatchVpcEgress } from '../../../src/constructs';
import { newStack } from '../test-stack';

describe('BatchVpc', () => {
  test('NET-1: the reference VPC: 2 AZs, public + private subnets, one NAT gateway with an Elastic IP', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new BatchVpc(stack, 'Vpc');

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    template.resourceCountIs('AWS::EC2::EIP', 1);
    template.resourceCountIs('AWS::EC2::InternetGateway', 1);
    expect(Object.keys(template.findResources('AWS::EC2::Subnet', { Properties: { MapPublicIpOnLaunch: true } }))).toHaveLength(2);
    expect(Object.keys(template.findResources('AWS::EC2::Subnet', { Properties: { MapPublicIpOnLaunch: false } }))).toHaveLength(2);
  });

  test('NET-1: flow logs of all traffic are on by default', () => {
    const stack = newStack();
    new BatchVpc(stack, 'Vpc');
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::FlowLog', { ResourceType: 'VPC', TrafficType: 'ALL' });
  });

  test('NET-1: flow logs can be turned off', () => {
    const stack = newStack();
    new BatchVpc(stack, 'Vpc', { flowLogs: false });
    Template.fromStack(stack).resourceCountIs('AWS::EC2::FlowLog', 0);
  });

  test('NET-1: the NAT-less option has isolated subnets, the ECS/ECR/logs interface endpoints and an S3 gateway', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    const vpc = new BatchVpc(stack, 'Vpc', { egress: BatchVpcEgress.VPC_ENDPOINTS });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::InternetGateway', 0);
    expect(vpc.isolatedSubnets).toHaveLength(2);
    for (const service of ['ecs', 'ecs-agent', 'ecs-telemetry', 'ecr.api', 'ecr.dkr', 'logs']) {
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'Interface',
        ServiceName: `com.amazonaws.us-east-1.${service}`,
        PrivateDnsEnabled: true,
      });
    }
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [{ CidrIp: '10.0.0.0/16', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: Match.anyValue() }],
    });
    template.resourceCountIs('AWS::EC2::SecurityGroup', 1);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
    });
  });
});
