import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  flattenToString,
  logicalIdOf,
  referencedAttribute,
  referencedLogicalId,
  referencedResource,
  referencesResource,
  resourcesOfStack,
} from '../../../src/nag/private/cfn-references';
import { computeEnvironment, newTestStack } from '../nag-fixtures';

describe('CloudFormation reference helpers', () => {
  test('Ref and GetAtt point at their logical id and attribute', () => {
    expect(referencedLogicalId({ Ref: 'Role1' })).toBe('Role1');
    expect(referencedAttribute({ Ref: 'Role1' })).toBe('Ref');
    expect(referencedLogicalId({ 'Fn::GetAtt': ['Role1', 'Arn'] })).toBe('Role1');
    expect(referencedAttribute({ 'Fn::GetAtt': ['Role1', 'Arn'] })).toBe('Arn');
    expect(referencedLogicalId('arn:aws:iam::1:role/x')).toBeUndefined();
    expect(referencedLogicalId({ 'Fn::Join': ['', []] })).toBeUndefined();
  });

  test('flattening writes tokens as <Name> and keeps literals', () => {
    const joined = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/X']] };
    expect(flattenToString(joined)).toBe('arn:<AWS::Partition>:iam::aws:policy/X');
    expect(flattenToString({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::b' })).toBe('arn:<AWS::Partition>:s3:::b');
    expect(flattenToString({ 'Fn::GetAtt': ['Role1', 'Arn'] })).toBe('<Role1.Arn>');
    expect(flattenToString({ 'Fn::ImportValue': 'x' })).toBeUndefined();
  });

  test('a property that references a resource of the stack finds it; a literal does not', () => {
    // GIVEN a role and a CE whose serviceRole is the role's ARN
    const { stack } = newTestStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('batch.amazonaws.com') });
    const ce = computeEnvironment(stack, 'Ce', { serviceRole: role.roleArn });
    const cfnRole = role.node.defaultChild as iam.CfnRole;

    // WHEN / THEN
    expect(referencedResource(ce, ce.serviceRole, iam.CfnRole)).toBe(cfnRole);
    expect(referencesResource(ce, ce.serviceRole, cfnRole)).toBe(true);
    expect(referencedResource(ce, 'arn:aws:iam::123456789012:role/r', iam.CfnRole)).toBeUndefined();
  });

  test('overridden logical ids are honoured and nested stacks are kept apart', () => {
    // GIVEN a renamed resource and a nested stack with its own resource
    const { stack } = newTestStack();
    const ce = computeEnvironment(stack, 'Ce');
    ce.overrideLogicalId('MyCe');
    const nested = new cdk.NestedStack(stack, 'Nested');
    computeEnvironment(nested, 'Inner');

    // WHEN / THEN
    expect(logicalIdOf(ce)).toBe('MyCe');
    expect(resourcesOfStack(stack)).toContain(ce);
    expect(resourcesOfStack(stack).some((resource) => resource.node.path.includes('Inner'))).toBe(false);
  });
});
