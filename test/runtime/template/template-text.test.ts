import { looksLikeJson, parseTemplateText } from '../../../src/runtime/template/template-text';

describe('parseTemplateText', () => {
  test('CFN-1: every short-form tag becomes its long form, as a scalar, a list or a map', () => {
    // GIVEN
    const yaml = [
      'Values:',
      '  Ref: !Ref Subnets',
      '  GetAtt: !GetAtt Role.Arn',
      '  GetAttDotted: !GetAtt Child.Outputs.QueueArn',
      '  GetAttList: [!GetAtt [Role, Arn]]',
      '  Sub: !Sub "${AWS::StackName}-x"',
      '  SubList: !Sub ["${A}-y", { A: !Ref P }]',
      '  Join: !Join [",", [a, b]]',
      '  If: !If [IsProd, !Ref AWS::NoValue, 2]',
      '  Select: !Select [0, !GetAZs ""]',
      '  Split: !Split [",", !ImportValue Shared-Subnets]',
      '  FindInMap: !FindInMap [Types, !Ref "AWS::Region", Gpu]',
      '  Base64: !Base64 { "Fn::Sub": "echo ${X}" }',
      '  Equals: !Equals [a, b]',
      '  Not: !Not [!Condition IsProd]',
      '  And: !And [!Condition A, !Or [!Condition B, !Condition C]]',
      '  Cidr: !Cidr [10.0.0.0/16, 2, 8]',
      '  GetAZs: !GetAZs',
    ].join('\n');

    // WHEN
    const parsed = parseTemplateText(yaml, 't.yaml') as any;

    // THEN
    expect(parsed.Values).toEqual({
      Ref: { Ref: 'Subnets' },
      GetAtt: { 'Fn::GetAtt': ['Role', 'Arn'] },
      GetAttDotted: { 'Fn::GetAtt': ['Child', 'Outputs.QueueArn'] },
      GetAttList: [{ 'Fn::GetAtt': ['Role', 'Arn'] }],
      Sub: { 'Fn::Sub': '${AWS::StackName}-x' },
      SubList: { 'Fn::Sub': ['${A}-y', { A: { Ref: 'P' } }] },
      Join: { 'Fn::Join': [',', ['a', 'b']] },
      If: { 'Fn::If': ['IsProd', { Ref: 'AWS::NoValue' }, 2] },
      Select: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      Split: { 'Fn::Split': [',', { 'Fn::ImportValue': 'Shared-Subnets' }] },
      FindInMap: { 'Fn::FindInMap': ['Types', { Ref: 'AWS::Region' }, 'Gpu'] },
      Base64: { 'Fn::Base64': { 'Fn::Sub': 'echo ${X}' } },
      Equals: { 'Fn::Equals': ['a', 'b'] },
      Not: { 'Fn::Not': [{ Condition: 'IsProd' }] },
      And: { 'Fn::And': [{ Condition: 'A' }, { 'Fn::Or': [{ Condition: 'B' }, { Condition: 'C' }] }] },
      Cidr: { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] },
      GetAZs: { 'Fn::GetAZs': '' },
    });
  });

  test('CFN-1: an unquoted date and yes/no stay strings (core schema, as templates mean them)', () => {
    expect(parseTemplateText('AWSTemplateFormatVersion: 2010-09-09\nA: yes\nY: 1\n', 't.yaml')).toEqual({ AWSTemplateFormatVersion: '2010-09-09', A: 'yes', Y: 1 });
  });

  test('CFN-1: JSON takes the JSON path, with line and column in its errors', () => {
    expect(looksLikeJson('\uFEFF  {"Resources": {}}')).toBe(true);
    expect(looksLikeJson('Resources: {}')).toBe(false);
    expect(parseTemplateText('{"Resources": {"A": 1}}', 't.json')).toEqual({ Resources: { A: 1 } });
    expect(() => parseTemplateText('{\n "Resources": }', 't.json')).toThrow(/^t\.json: not valid JSON \(line 2/);
  });
});
