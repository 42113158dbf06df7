import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { computeEnvironment, newTestStack, pathsFlaggedBy } from '../nag-fixtures';

function isolatedVpc(stack: cdk.Stack): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
}

function publicOnlyVpc(stack: cdk.Stack, mapPublicIpOnLaunch: boolean): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC, mapPublicIpOnLaunch }],
  });
}

describe('Batch-NET1 compute environment subnets reach the ECS endpoint', () => {
  test('NET-1: private subnets with a NAT gateway (the reference VPC) are compliant', () => {
    // GIVEN the seed's reference VPC: public + private subnets, NAT gateway
    const { app, stack } = newTestStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    new batch.ManagedEc2EcsComputeEnvironment(stack, 'Ce', { vpc });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'NET1')).toEqual([]);
  });

  test('NET-1: isolated subnets without endpoints are flagged', () => {
    // GIVEN subnets with only the local route
    const { app, stack } = newTestStack();
    const vpc = isolatedVpc(stack);
    new batch.ManagedEc2EcsComputeEnvironment(stack, 'Ce', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'NET1')).toEqual(['Test/Ce/Resource']);
  });

  test('NET-1: isolated subnets with ecs, ecs-agent and ecs-telemetry endpoints are compliant', () => {
    // GIVEN the NAT-less design: interface endpoints with private DNS
    const { app, stack } = newTestStack();
    const vpc = isolatedVpc(stack);
    for (const [id, service] of [
      ['Ecs', ec2.InterfaceVpcEndpointAwsService.ECS],
      ['EcsAgent', ec2.InterfaceVpcEndpointAwsService.ECS_AGENT],
      ['EcsTelemetry', ec2.InterfaceVpcEndpointAwsService.ECS_TELEMETRY],
    ] as const) {
      vpc.addInterfaceEndpoint(id, { service });
    }
    new batch.ManagedEc2EcsComputeEnvironment(stack, 'Ce', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'NET1')).toEqual([]);
  });

  test('NET-1: isolated subnets with the ecs endpoint but not ecs-agent are flagged', () => {
    // GIVEN only one of the three ECS endpoints
    const { app, stack } = newTestStack();
    const vpc = isolatedVpc(stack);
    vpc.addInterfaceEndpoint('Ecs', { service: ec2.InterfaceVpcEndpointAwsService.ECS });
    vpc.addInterfaceEndpoint('EcsTelemetry', { service: ec2.InterfaceVpcEndpointAwsService.ECS_TELEMETRY });
    new batch.ManagedEc2EcsComputeEnvironment(stack, 'Ce', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'NET1')).toEqual(['Test/Ce/Resource']);
  });

  test('NET-1: public subnets that assign public IPs are compliant for EC2', () => {
    // GIVEN public subnets with MapPublicIpOnLaunch, as in the seed's VPC wizard
    const { app, stack } = newTestStack();
    const vpc = publicOnlyVpc(stack, true);
    new batch.ManagedEc2EcsComputeEnvironment(stack, 'Ce', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'NET1')).toEqual([]);
  });

  test('NET-1: public subnets without public IPs are flagged for EC2', () => {
    // GIVEN an internet gateway route but no public IPv4 on launch
    const { app, stack } = newTestStack();
    const vpc = publicOnlyVpc(stack, false);
    new batch.ManagedEc2EcsComputeEnvironment(stack, 'Ce', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'NET1')).toEqual(['Test/Ce/Resource']);
  });

  test('NET-1: the same public subnets are compliant for Fargate (assignPublicIp lives on the job)', () => {
    // GIVEN a Fargate CE in public subnets without MapPublicIpOnLaunch
    const { app, stack } = newTestStack();
    const vpc = publicOnlyVpc(stack, false);
    new batch.FargateComputeEnvironment(stack, 'Ce', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'NET1')).toEqual([]);
  });

  test('NET-1: subnets outside the stack are not judged', () => {
    // GIVEN a literal subnet id, as from Vpc.fromLookup
    const { app, stack } = newTestStack();
    computeEnvironment(stack, 'Ce', { subnets: ['subnet-0aaaaaaaaaaaaaaaa'] });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'NET1')).toEqual([]);
  });
});
