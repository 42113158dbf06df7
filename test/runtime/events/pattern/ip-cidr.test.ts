import { InvalidEventPatternException } from '../../../../src/runtime/events/events-errors';
import { cidrContains, parseCidrBlock, parseIpAddress } from '../../../../src/runtime/events/pattern/ip-cidr';

describe('parseIpAddress', () => {
  test.each([
    ['10.0.0.255', 4, 0x0a0000ffn],
    ['0.0.0.0', 4, 0n],
    ['255.255.255.255', 4, 0xffffffffn],
    ['::', 6, 0n],
    ['::1', 6, 1n],
    ['2001:db8::', 6, 0x20010db8n * 2n ** 96n],
    ['2001:0db8:1234:1a00:0000:0000:0000:0000', 6, 0x20010db812341a00n * 2n ** 64n],
    ['::ffff:10.0.0.1', 6, 0xffff0a000001n],
  ])('EVT-3: %s is IPv%s', (text, version, value) => {
    expect(parseIpAddress(text)).toEqual({ version, value });
  });

  test.each(['10.0.0.256', '10.0.0', 'xx.11.xx', '1:2:3:4:5:6:7', '1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', 'g::1', ''])(
    'EVT-3: %s is not an address', (text) => {
      expect(parseIpAddress(text)).toBeUndefined();
    });
});

describe('parseCidrBlock', () => {
  test('EVT-3: 10.0.0.0/24 covers 10.0.0.0 to 10.0.0.255', () => {
    // GIVEN the docs' CIDR WHEN parsed THEN the block spans 256 addresses
    const block = parseCidrBlock('10.0.0.0/24', 'p');
    expect(block.last - block.first).toBe(255n);
    expect(cidrContains(block, '10.0.0.0')).toBe(true);
    expect(cidrContains(block, '10.0.0.255')).toBe(true);
    expect(cidrContains(block, '10.0.1.0')).toBe(false);
    expect(cidrContains(block, '9.255.255.255')).toBe(false);
  });

  test('EVT-3: host bits below the mask are ignored', () => {
    expect(parseCidrBlock('10.0.0.77/24', 'p').first).toBe(parseCidrBlock('10.0.0.0/24', 'p').first);
  });

  test('EVT-3: /0 and /32 are the whole space and one address', () => {
    expect(cidrContains(parseCidrBlock('0.0.0.0/0', 'p'), '203.0.113.9')).toBe(true);
    expect(cidrContains(parseCidrBlock('10.1.2.3/32', 'p'), '10.1.2.3')).toBe(true);
    expect(cidrContains(parseCidrBlock('10.1.2.3/32', 'p'), '10.1.2.4')).toBe(false);
  });

  test('EVT-3: an IPv6 block never contains an IPv4 address', () => {
    expect(cidrContains(parseCidrBlock('::/0', 'p'), '10.0.0.1')).toBe(false);
    expect(cidrContains(parseCidrBlock('2001:db8:1234:1a00::/64', 'p'), '2001:db8:1234:1a00:ffff:ffff:ffff:ffff')).toBe(true);
  });

  test.each([
    ['bad-filter', "one '/' required"],
    ['10.0.0.0/8/8', "one '/' required"],
    ['10.0.0.0/x', 'mask bits must be an integer'],
    ['xx.11.xx/8', 'Nonstandard IP address: xx.11.xx'],
    ['10.0.0.0/33', 'mask bits 33 exceed the 32 bits of an IPv4 address'],
    ['::/129', 'mask bits 129 exceed the 128 bits of an IPv6 address'],
  ])('EVT-3: %s is refused', (text, reason) => {
    expect(() => parseCidrBlock(text, 'detail.ip[0].cidr')).toThrow(InvalidEventPatternException);
    expect(() => parseCidrBlock(text, 'detail.ip[0].cidr')).toThrow(reason);
  });
});
