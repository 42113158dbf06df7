import { isSsmParameter, parameterValue } from '../../../src/runtime/template/parameter-values';

describe('parameterValue', () => {
  test('CFN-2: List<...> and CommaDelimitedList values are lists split on commas, an empty value an empty list', () => {
    expect(parameterValue('S', { Type: 'List<AWS::EC2::Subnet::Id>' }, 'subnet-a, subnet-b')).toEqual(['subnet-a', 'subnet-b']);
    expect(parameterValue('L', { Type: 'CommaDelimitedList', Default: 'a,b,c' }, undefined)).toEqual(['a', 'b', 'c']);
    expect(parameterValue('E', { Type: 'CommaDelimitedList', Default: '' }, undefined)).toEqual([]);
    expect(parameterValue('N', { Type: 'List<Number>' }, '1,2')).toEqual([1, 2]);
  });

  test('CFN-2: Number is a number; AWS-specific types and String are strings', () => {
    expect(parameterValue('N', { Type: 'Number', Default: '48' }, undefined)).toBe(48);
    expect(parameterValue('N', { Type: 'Number' }, '0.5')).toBe(0.5);
    expect(parameterValue('V', { Type: 'AWS::EC2::VPC::Id' }, 'vpc-1')).toBe('vpc-1');
    expect(parameterValue('S', { Default: 7 }, undefined)).toBe('7');
  });

  test('CFN-2: a value that is no number, or not among AllowedValues, is an error naming the parameter', () => {
    expect(() => parameterValue('Cpus', { Type: 'Number' }, 'four')).toThrow('Parameter Cpus (Number): "four" is not a number');
    expect(() => parameterValue('Env', { AllowedValues: ['dev', 'prod'] }, 'test')).toThrow('Parameter Env: "test" is not one of its AllowedValues ["dev","prod"]');
  });

  test('CFN-2: an SSM parameter\'s Default is a parameter name, never its value: only a given value counts', () => {
    const ami = { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id' };
    expect(isSsmParameter(ami)).toBe(true);
    expect(parameterValue('Ami', ami, undefined)).toBeUndefined();
    expect(parameterValue('Ami', ami, 'ami-123')).toBe('ami-123');
    expect(parameterValue('Ids', { Type: 'AWS::SSM::Parameter::Value<List<String>>' }, 'a,b')).toEqual(['a', 'b']);
  });
});
