import * as iam from 'aws-cdk-lib/aws-iam';
import { hasAwsManagedPolicy, spotFleetRoleOf } from '../../../src/nag/private/spot-fleet-role';
import { computeEnvironment, newTestStack } from '../nag-fixtures';

describe('Spot fleet role of a compute environment', () => {
  test('IAM-3: a role of the stack exposes its managed policy ARNs, flattened', () => {
    // GIVEN a fleet role with the tagging policy
    const { stack } = newTestStack();
    const role = new iam.Role(stack, 'Role', {
      assumedBy: new iam.ServicePrincipal('spotfleet.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonEC2SpotFleetTaggingRole')],
    });
    const ce = computeEnvironment(stack, 'Ce', { type: 'SPOT', spotIamFleetRole: role.roleArn });

    // WHEN
    const found = spotFleetRoleOf(ce);

    // THEN
    expect(found).toEqual({
      kind: 'in-stack',
      managedPolicyArns: ['arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonEC2SpotFleetTaggingRole'],
    });
  });

  test('LIM-13: an absent role reports the allocation strategy, BEST_FIT by default', () => {
    const { stack } = newTestStack();
    expect(spotFleetRoleOf(computeEnvironment(stack, 'Ce', { type: 'SPOT' }))).toEqual({ kind: 'absent', allocationStrategy: 'BEST_FIT' });
  });

  test('DIAG-3: the legacy policy is not mistaken for the tagging policy', () => {
    const tagging = ['arn:aws:iam::aws:policy/service-role/AmazonEC2SpotFleetTaggingRole'];
    expect(hasAwsManagedPolicy(tagging, 'service-role/AmazonEC2SpotFleetRole')).toBe(false);
    expect(hasAwsManagedPolicy(tagging, 'service-role/AmazonEC2SpotFleetTaggingRole')).toBe(true);
  });
});
