import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { computeEnvironment, newTestStack, pathsFlaggedBy } from '../nag-fixtures';

function fleetRole(stack: cdk.Stack, policy?: string): iam.Role {
  return new iam.Role(stack, 'FleetRole', {
    assumedBy: new iam.ServicePrincipal('spotfleet.amazonaws.com'),
    managedPolicies: policy === undefined ? [] : [iam.ManagedPolicy.fromAwsManagedPolicyName(policy)],
  });
}

describe('Batch-IAM3 Spot fleet role carries AmazonEC2SpotFleetTaggingRole', () => {
  test('IAM-3: a fleet role with service-role/AmazonEC2SpotFleetTaggingRole is compliant', () => {
    // GIVEN a SPOT CE whose fleet role has the tagging policy
    const { app, stack } = newTestStack();
    const role = fleetRole(stack, 'service-role/AmazonEC2SpotFleetTaggingRole');
    computeEnvironment(stack, 'Ce', { type: 'SPOT', spotIamFleetRole: role.roleArn });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'IAM3')).toEqual([]);
  });

  test('IAM-3: the aws-cdk-lib L2 Spot CE (fleet role without any policy) is flagged', () => {
    // GIVEN aws-cdk-lib's ManagedEc2EcsComputeEnvironment with spot: true
    const { app, stack } = newTestStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    new batch.ManagedEc2EcsComputeEnvironment(stack, 'Ce', {
      vpc,
      spot: true,
      allocationStrategy: batch.AllocationStrategy.BEST_FIT,
    });

    // WHEN / THEN the gap the issue names is caught
    expect(pathsFlaggedBy(app, 'IAM3')).toEqual(['Test/Ce/Resource']);
  });

  test('IAM-3: a fleet role with only the legacy policy is flagged', () => {
    // GIVEN the older AmazonEC2SpotFleetRole
    const { app, stack } = newTestStack();
    const role = fleetRole(stack, 'service-role/AmazonEC2SpotFleetRole');
    computeEnvironment(stack, 'Ce', { type: 'SPOT', spotIamFleetRole: role.roleArn });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'IAM3')).toEqual(['Test/Ce']);
  });

  test('LIM-13: a BEST_FIT SPOT CE without a fleet role is flagged', () => {
    // GIVEN SPOT with the default allocation strategy and no spotIamFleetRole
    const { app, stack } = newTestStack();
    computeEnvironment(stack, 'Ce', { type: 'SPOT' });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'IAM3')).toEqual(['Test/Ce']);
  });

  test('LIM-13: SPOT_CAPACITY_OPTIMIZED without a fleet role is not flagged', () => {
    // GIVEN an allocation strategy that does not use a Spot fleet role
    const { app, stack } = newTestStack();
    computeEnvironment(stack, 'Ce', { type: 'SPOT', allocationStrategy: 'SPOT_CAPACITY_OPTIMIZED' });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'IAM3')).toEqual([]);
  });

  test('IAM-3: an on-demand EC2 CE is not judged', () => {
    // GIVEN an EC2 CE without any fleet role
    const { app, stack } = newTestStack();
    computeEnvironment(stack, 'Ce', { type: 'EC2' });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'IAM3')).toEqual([]);
  });
});
