import { validateFargateResourceRequirements } from './fargate-limits';
import { fail, isInteger } from './validation-error';

/** LIM-9: fewest vCPUs a container on EC2 resources may reserve. */
export const MIN_VCPUS = 1;
/** LIM-9: smallest memory hard limit, in MiB. */
export const MIN_MEMORY_MIB = 4;
/** LIM-11: prefix reserved for the variables AWS Batch sets itself. */
export const RESERVED_ENVIRONMENT_PREFIX = 'AWS_BATCH';
/** The `resourceRequirements[].type` values the Batch API knows (`ResourceType` in the service model). */
export const RESOURCE_REQUIREMENT_TYPES: readonly string[] = ['GPU', 'VCPU', 'MEMORY'];

/**
 * Where a container runs. Fargate takes fractional vCPUs from a fixed table and no GPUs, so the
 * same requirement list is valid on one and not on the other.
 */
export type ContainerPlatform = 'EC2' | 'FARGATE';

/** A decimal number as the API writes quantities in strings: digits, optionally a fraction. */
const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;
const DIGITS = /^[0-9]+$/;

/** LIM-9: `vcpus` (the deprecated integer field) is an integer >= 1. */
export function validateVcpus(field: string, vcpus: number): void {
  if (!isInteger(vcpus) || vcpus < MIN_VCPUS) {
    fail(field, vcpus, `an integer >= ${MIN_VCPUS}`, 'LIM-9');
  }
}

/** LIM-9: `memory` is an integer number of MiB >= 4. */
export function validateMemory(field: string, memoryMiB: number): void {
  if (!isInteger(memoryMiB) || memoryMiB < MIN_MEMORY_MIB) {
    fail(field, memoryMiB, `an integer >= ${MIN_MEMORY_MIB} (MiB)`, 'LIM-9');
  }
}

/** LIM-9: a GPU requirement is a positive integer written as a string, e.g. `"2"`. */
export function validateGpuCount(field: string, value: string): void {
  if (typeof value !== 'string' || !DIGITS.test(value) || Number(value) < 1) {
    fail(field, value, 'a positive integer as a string', 'LIM-9');
  }
}

/**
 * LIM-9: `resourceRequirements`: known types, each at most once (two VCPU entries would leave
 * the reservation ambiguous), and values valid for their type and platform.
 * On EC2: VCPU a number >= 1, MEMORY an integer >= 4 (MiB), GPU a positive integer.
 * On Fargate: see `validateFargateResourceRequirements`.
 */
export function validateResourceRequirements(
  field: string,
  reqs: Array<{ type: string; value: string }>,
  platform: ContainerPlatform = 'EC2',
): void {
  const seen = new Map<string, number>();
  reqs.forEach((req, index) => {
    const at = `${field}[${index}]`;
    if (!RESOURCE_REQUIREMENT_TYPES.includes(req.type)) {
      fail(`${at}.type`, req.type, `one of ${RESOURCE_REQUIREMENT_TYPES.join(', ')}`, 'LIM-9');
    }
    const earlier = seen.get(req.type);
    if (earlier !== undefined) {
      fail(`${at}.type`, req.type, 'each resource type at most once', 'LIM-9', `already given at ${field}[${earlier}]`);
    }
    seen.set(req.type, index);
    if (platform === 'EC2') {
      validateEc2Requirement(`${at}.value`, req.type, req.value);
    }
  });
  if (platform === 'FARGATE') {
    validateFargateResourceRequirements(field, reqs);
  }
}

function validateEc2Requirement(field: string, type: string, value: string): void {
  switch (type) {
    case 'GPU':
      validateGpuCount(field, value);
      return;
    case 'VCPU':
      if (typeof value !== 'string' || !DECIMAL.test(value) || Number(value) < MIN_VCPUS) {
        fail(field, value, `a number >= ${MIN_VCPUS} as a string (EC2)`, 'LIM-9');
      }
      return;
    case 'MEMORY':
      if (typeof value !== 'string' || !DIGITS.test(value) || Number(value) < MIN_MEMORY_MIB) {
        fail(field, value, `an integer >= ${MIN_MEMORY_MIB} (MiB) as a string`, 'LIM-9');
      }
      return;
  }
}

/**
 * LIM-11: no environment variable name starts with `AWS_BATCH` (job definitions and
 * `containerOverrides` alike). `names[i]` is reported as `${field}[i].name`, so pass the names
 * in the order of the environment list. The check is case-sensitive, like the variables.
 */
export function validateEnvironmentVariableNames(field: string, names: string[]): void {
  names.forEach((name, index) => {
    if (typeof name === 'string' && name.startsWith(RESERVED_ENVIRONMENT_PREFIX)) {
      fail(`${field}[${index}].name`, name, `must not start with ${RESERVED_ENVIRONMENT_PREFIX} (reserved for variables AWS Batch sets)`, 'LIM-11');
    }
  });
}
