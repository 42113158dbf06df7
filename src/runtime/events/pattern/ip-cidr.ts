import { InvalidEventPatternException } from '../events-errors';

/** An IP address as a number, so a CIDR block is a plain numeric range. */
export interface IpAddress {
  readonly version: 4 | 6;
  readonly value: bigint;
}

/** The addresses a `cidr` value covers, both ends inclusive. */
export interface CidrBlock {
  readonly source: string;
  readonly version: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
}

const IPV4_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6_GROUP_PATTERN = /^[0-9a-fA-F]{1,4}$/;

/** Parses dotted-quad IPv4 or RFC 4291 IPv6 text (with `::` and an embedded IPv4 tail); undefined otherwise. */
export function parseIpAddress(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) {
    return { version: 4, value: v4 };
  }
  const v6 = parseIpv6(text);
  return v6 === undefined ? undefined : { version: 6, value: v6 };
}

/**
 * Parses an EventBridge `cidr` value such as `10.0.0.0/24` or `2001:db8::/64`. Host bits below the
 * mask are ignored, so `10.0.0.7/24` covers the same block as `10.0.0.0/24`.
 *
 * @param path where the value sits in the pattern, for the error message
 * @throws InvalidEventPatternException with EventBridge's reasons (one '/', integer mask, standard IP)
 */
export function parseCidrBlock(source: string, path: string): CidrBlock {
  const parts = source.split('/');
  if (parts.length !== 2) {
    throw new InvalidEventPatternException(`Malformed CIDR, one '/' required: "${source}"`, path);
  }
  const [addressText, maskText] = parts;
  if (!/^\d+$/.test(maskText)) {
    throw new InvalidEventPatternException(`Malformed CIDR, mask bits must be an integer: "${source}"`, path);
  }
  const address = parseIpAddress(addressText);
  if (!address) {
    throw new InvalidEventPatternException(`Nonstandard IP address: ${addressText}`, path);
  }
  const width = address.version === 4 ? 32 : 128;
  const maskBits = Number(maskText);
  if (maskBits > width) {
    throw new InvalidEventPatternException(
      `Malformed CIDR, mask bits ${maskBits} exceed the ${width} bits of an IPv${address.version} address: "${source}"`,
      path);
  }
  // Plain arithmetic on BigInt: the block size is 2^(host bits).
  const blockSize = 2n ** BigInt(width - maskBits);
  const first = (address.value / blockSize) * blockSize;
  const last = first + blockSize - 1n;
  return { source, version: address.version, first, last };
}

/** True when `text` is an IP address of the block's version inside the block. */
export function cidrContains(block: CidrBlock, text: string): boolean {
  const address = parseIpAddress(text);
  return address !== undefined
    && address.version === block.version
    && address.value >= block.first
    && address.value <= block.last;
}

function parseIpv4(text: string): bigint | undefined {
  const match = IPV4_PATTERN.exec(text);
  if (!match) {
    return undefined;
  }
  let value = 0n;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(match[i]);
    if (octet > 255) {
      return undefined;
    }
    value = value * 256n + BigInt(octet);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) {
    return undefined;
  }
  const head = parseIpv6Groups(halves[0]);
  const tail = halves.length === 2 ? parseIpv6Groups(halves[1]) : [];
  if (!head || !tail) {
    return undefined;
  }
  const missing = 8 - head.length - tail.length;
  // Without '::' all eight groups must be written; with it, it must stand for at least one group.
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) {
    return undefined;
  }
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return groups.reduce((value, group) => value * 65536n + BigInt(group), 0n);
}

/** Colon-separated hex groups; a final dotted-quad counts as two groups (`::ffff:10.0.0.1`). */
function parseIpv6Groups(text: string): number[] | undefined {
  if (text === '') {
    return [];
  }
  const parts = text.split(':');
  const groups: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (v4 === undefined) {
        return undefined;
      }
      groups.push(Number(v4 / 65536n), Number(v4 % 65536n));
    } else if (IPV6_GROUP_PATTERN.test(part)) {
      groups.push(parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}
