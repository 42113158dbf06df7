import { Match, Template } from 'aws-cdk-lib/assertions';
import { SpotFleetRole } from '../../../src/constructs';
import { newStack, unacknowledgedFindings } from '../test-stack';

describe('SpotFleetRole', () => {
  test('IAM-3: trusted by spotfleet.amazonaws.com with AmazonEC2SpotFleetTaggingRole (not the older AmazonEC2SpotFleetRole)', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new SpotFleetRole(stack, 'Role', { roleName: 'spot-fleet' });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'spot-fleet',
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'spotfleet.amazonaws.com' } })] }),
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonEC2SpotFleetTaggingRole']] }],
    });
  });

  test('IAM-3: the role acknowledges its own AmazonEC2SpotFleetTaggingRole finding, so it is clean under both packs', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new SpotFleetRole(stack, 'Role');

    // THEN
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});
