/**
 * `Fn::Cidr [ipBlock, count, cidrBits]`: the first `count` subnets of `ipBlock` with `cidrBits` host
 * bits each (CloudFormation's definition: a /16 with cidrBits 8 gives /24s). IPv4 only; an IPv6 block
 * is an error naming the path (the local runtime models no IPv6 addressing).
 */
export function cidrBlocks(block: string, count: number, cidrBits: number, path: string): string[] {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(block.trim());
  if (!match) throw new Error(`${path}: Fn::Cidr takes an IPv4 block such as 10.0.0.0/16, not ${JSON.stringify(block)}`);
  const prefix = Number(match[5]);
  const newPrefix = 32 - cidrBits;
  if (!Number.isInteger(count) || count < 1 || count > 256 || newPrefix < prefix || newPrefix > 32) {
    throw new Error(`${path}: Fn::Cidr of ${block} cannot give ${count} subnets of ${cidrBits} host bits`);
  }
  if (count > 2 ** (newPrefix - prefix)) throw new Error(`${path}: ${block} holds ${2 ** (newPrefix - prefix)} subnets of /${newPrefix}, not ${count}`);
  const base = match.slice(1, 5).reduce((address, octet) => address * 256 + Number(octet), 0);
  const size = 2 ** cidrBits;
  return Array.from({ length: count }, (_, i) => `${toDotted(base + i * size)}/${newPrefix}`);
}

function toDotted(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}
