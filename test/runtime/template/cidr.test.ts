import { cidrBlocks } from '../../../src/runtime/template/cidr';

describe('cidrBlocks', () => {
  test('CFN-1: Fn::Cidr gives the first COUNT blocks with CIDRBITS host bits each', () => {
    expect(cidrBlocks('10.20.0.0/16', 3, 8, 'p')).toEqual(['10.20.0.0/24', '10.20.1.0/24', '10.20.2.0/24']);
    expect(cidrBlocks('192.168.0.0/24', 2, 6, 'p')).toEqual(['192.168.0.0/26', '192.168.0.64/26']);
  });

  test('CFN-1: a block that is no IPv4 CIDR or too small is an error naming the path', () => {
    expect(() => cidrBlocks('fd00::/56', 1, 64, 'CE.Cidr')).toThrow('CE.Cidr: Fn::Cidr takes an IPv4 block');
    expect(() => cidrBlocks('10.0.0.0/24', 4, 7, 'CE.Cidr')).toThrow('CE.Cidr: 10.0.0.0/24 holds 2 subnets of /25, not 4');
  });
});
