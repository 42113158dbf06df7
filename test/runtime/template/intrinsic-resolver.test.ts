import { DEFAULT_ENVIRONMENT } from '../../../src/runtime/core/model/arns';
import { CfnTemplate, IntrinsicResolver } from '../../../src/runtime/template/intrinsic-resolver';

function resolver(template: CfnTemplate, parameters: Record<string, string> = {}, imports: Record<string, string> = {}): IntrinsicResolver {
  return new IntrinsicResolver(template, { stackName: 'S', environment: DEFAULT_ENVIRONMENT, parameters, imports });
}

describe('IntrinsicResolver', () => {
  test('CFN-2: Ref of a list parameter is a list, of a Number parameter a number; Fn::Equals compares them as CloudFormation does, as text', () => {
    // GIVEN
    const template = { Parameters: { Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' }, Count: { Type: 'Number', Default: 0 } }, Resources: {} };
    const target = resolver(template, { Subnets: 'subnet-a,subnet-b' });

    // THEN
    expect(target.resolve({ Ref: 'Subnets' })).toEqual(['subnet-a', 'subnet-b']);
    expect(target.resolve({ 'Fn::Join': ['+', { Ref: 'Subnets' }] })).toBe('subnet-a+subnet-b');
    expect(target.resolve({ Ref: 'Count' })).toBe(0);
    expect(target.resolve({ 'Fn::Equals': [{ Ref: 'Count' }, '0'] })).toBe(true);
    expect(target.resolve({ 'Fn::Sub': 'n=${Count}' })).toBe('n=0');
  });

  test('CFN-4: Fn::ImportValue is the given value, else a stable placeholder', () => {
    const template = { Resources: {} };
    expect(resolver(template, {}, { 'net-Subnets': 'subnet-1,subnet-2' }).resolve({ 'Fn::Split': [',', { 'Fn::ImportValue': 'net-Subnets' }] }))
      .toEqual(['subnet-1', 'subnet-2']);
    expect(resolver(template).resolve({ 'Fn::ImportValue': { 'Fn::Sub': '${AWS::Region}-Subnets' } })).toBe('unresolved-import-us-east-1-Subnets');
  });

  test('CFN-1: Fn::GetAtt in its list form may compute the attribute; Fn::Cidr and Fn::Length resolve', () => {
    const template = { Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } } };
    const target = resolver(template);
    expect(target.resolve({ 'Fn::GetAtt': ['Vpc', { 'Fn::Join': ['', ['Cidr', 'Block']] }] })).toBe('10.0.0.0/16');
    expect(target.resolve({ 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 2, 8] })).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
    expect(target.resolve({ 'Fn::Length': [1, 2, 3] })).toBe(3);
  });

  test('PLAT-4: Fn::GetAtt of a consumable resource\'s quantities needs no runtime; its CreatedAt outside one is an error naming the path', () => {
    // GIVEN
    const template = {
      Resources: { Licences: { Type: 'AWS::Batch::ConsumableResource', Properties: { ResourceType: 'REPLENISHABLE', TotalQuantity: { Ref: 'Count' } } } },
      Parameters: { Count: { Type: 'Number', Default: 5 } },
    };
    const target = resolver(template);

    // THEN
    expect(target.resolve({ 'Fn::GetAtt': ['Licences', 'AvailableQuantity'] })).toBe(5);
    expect(target.resolve({ 'Fn::GetAtt': ['Licences', 'InUseQuantity'] })).toBe(0);
    expect(() => target.resolve({ 'Fn::GetAtt': ['Licences', 'CreatedAt'] }, 'Outputs.Created'))
      .toThrow('Outputs.Created.Fn::GetAtt: Licences.CreatedAt is known only when the template is loaded into a runtime');
  });
});

