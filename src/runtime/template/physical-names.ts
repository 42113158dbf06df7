/* eslint-disable no-bitwise */ // hashing and heap index arithmetic are bit operations by nature
/**
 * Physical names for resources a template leaves unnamed.
 *
 * Scheme (CloudFormation's generic one): `<stackName>-<logicalId>-<SUFFIX>`, where SUFFIX is 12
 * upper-case letters and digits, cut so the whole name fits the resource's limit (128 for Batch
 * names). CloudFormation draws SUFFIX at random; we derive it from a hash of the stack name and logical
 * id, so a template always loads with the same names and test output is reproducible. Code should not
 * depend on the exact name: reference resources by their CDK token, logical id or the name you gave.
 */
export function generatePhysicalName(stackName: string, logicalId: string, maxLength: number = 128): string {
  const suffix = hashSuffix(`${stackName}/${logicalId}`);
  const prefix = `${stackName}-${logicalId}`.slice(0, Math.max(1, maxLength - suffix.length - 1));
  return `${prefix}-${suffix}`;
}

/** 12 characters from a 64-bit FNV-1a hash, in base 36 upper case. */
function hashSuffix(input: string): string {
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let i = 0; i < input.length; i++) {
    low ^= input.charCodeAt(i);
    // 64-bit multiply by the FNV prime 0x100000001b3, split in 32-bit halves.
    const newLow = Math.imul(low, 0x1b3) >>> 0;
    const carry = Math.floor((low >>> 0) * 0x1b3 / 0x100000000);
    high = (Math.imul(high, 0x1b3) + Math.imul(low, 0x100) + carry) >>> 0;
    low = newLow;
  }
  const text = (high.toString(36) + low.toString(36)).toUpperCase().padStart(12, '0');
  return text.slice(-12);
}

/** A stable fake id for an EC2 resource (`subnet-0a1b...`), derived from its logical id. */
export function generateResourceId(prefix: string, stackName: string, logicalId: string): string {
  const hex = hashSuffix(`${stackName}/${logicalId}/${prefix}`).toLowerCase().split('').map((c) => c.charCodeAt(0).toString(16).slice(-1)).join('');
  return `${prefix}-0${hex.padEnd(16, '0').slice(0, 16)}`;
}
