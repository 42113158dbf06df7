import * as iam from 'aws-cdk-lib/aws-iam';
import { batchViolations, computeEnvironment, newTestStack, pathsFlaggedBy } from '../nag-fixtures';

describe('Batch-DIAG3 Spot fleet role avoids the legacy AmazonEC2SpotFleetRole', () => {
  test('DIAG-3: a fleet role of the stack with AmazonEC2SpotFleetRole is a warning', () => {
    // GIVEN a SPOT CE whose fleet role uses the legacy policy
    const { app, stack } = newTestStack();
    const role = new iam.Role(stack, 'FleetRole', {
      assumedBy: new iam.ServicePrincipal('spotfleet.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonEC2SpotFleetRole')],
    });
    computeEnvironment(stack, 'Ce', { type: 'SPOT', spotIamFleetRole: role.roleArn });

    // WHEN
    const violation = batchViolations(app).find((v) => v.ruleName === 'Batch-DIAG3');

    // THEN
    expect(violation?.severity).toBe('warning');
    expect(pathsFlaggedBy(app, 'DIAG3')).toEqual(['Test/Ce']);
  });

  test('DIAG-3: a fleet role with AmazonEC2SpotFleetTaggingRole is compliant', () => {
    // GIVEN the tagging policy (whose name also starts with AmazonEC2SpotFleet)
    const { app, stack } = newTestStack();
    const role = new iam.Role(stack, 'FleetRole', {
      assumedBy: new iam.ServicePrincipal('spotfleet.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonEC2SpotFleetTaggingRole')],
    });
    computeEnvironment(stack, 'Ce', { type: 'SPOT', spotIamFleetRole: role.roleArn });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'DIAG3')).toEqual([]);
  });

  test('DIAG-3: an outside role named aws-ec2-spot-fleet-role (the legacy console role) is flagged', () => {
    // GIVEN the ARN of the role the EC2 console creates with the legacy policy
    const { app, stack } = newTestStack();
    computeEnvironment(stack, 'Ce', {
      type: 'SPOT',
      spotIamFleetRole: 'arn:aws:iam::123456789012:role/aws-ec2-spot-fleet-role',
    });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'DIAG3')).toEqual(['Test/Ce']);
  });

  test('DIAG-3: an outside role named aws-ec2-spot-fleet-tagging-role is not flagged', () => {
    // GIVEN the console's tagging role
    const { app, stack } = newTestStack();
    computeEnvironment(stack, 'Ce', {
      type: 'SPOT',
      spotIamFleetRole: 'arn:aws:iam::123456789012:role/aws-ec2-spot-fleet-tagging-role',
    });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'DIAG3')).toEqual([]);
  });
});
