import { InstanceArchitecture, InstanceTypeSpec } from './instance-type-spec';
import { INSTANCE_TYPES } from './instance-types';

/*
 * Lookups over the instance table (`instance-types.ts`) for the scheduler and the compute
 * environment checks: keyword and family expansion (LIM-15), one architecture per CE (LIM-3,
 * DIAG-1), registered memory (SCHED-8), GPU families (SCHED-9, CE-5), EFA (CE-6), and the orders
 * the allocation strategies walk. Pure: no I/O, no clock; every answer depends on its arguments only.
 */

/** The families `optimal` expands to (LIM-15). AWS announced that from 2025-11-01 it follows `default_x86_64`. */
export const OPTIMAL_FAMILIES: readonly string[] = Object.freeze(['c4', 'm4', 'r4', 'c5', 'm5', 'r5']);

/** The families `default_x86_64` expands to today (LIM-15). */
export const DEFAULT_X86_64_FAMILIES: readonly string[] = Object.freeze(['m6i', 'c6i', 'r6i', 'c7i']);

/** The families `default_arm64` expands to today (LIM-15). */
export const DEFAULT_ARM64_FAMILIES: readonly string[] = Object.freeze(['m6g', 'c6g', 'r6g', 'c7g']);

const KEYWORD_FAMILIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['optimal', OPTIMAL_FAMILIES],
  ['default_x86_64', DEFAULT_X86_64_FAMILIES],
  ['default_arm64', DEFAULT_ARM64_FAMILIES],
]);

/** `ECS_RESERVED_MEMORY` on the default AWS Batch AMI (SCHED-8). */
export const DEFAULT_ECS_RESERVED_MEMORY_MIB = 32;

const BY_NAME: ReadonlyMap<string, InstanceTypeSpec> = new Map(INSTANCE_TYPES.map((spec) => [spec.name, spec]));

/** Family -> its sizes, smallest first, as the table lists them. Built once: expansion is a map read. */
const BY_FAMILY: ReadonlyMap<string, readonly InstanceTypeSpec[]> = groupByFamily(INSTANCE_TYPES);

/**
 * A requested instance type, family or keyword the catalog does not know (LIM-15). The API layer
 * maps it to `ClientException`; `value` is the string as requested.
 */
export class UnknownInstanceTypeError extends Error {
  readonly rule = 'LIM-15';

  constructor(readonly value: string, message: string) {
    super(message);
    this.name = 'UnknownInstanceTypeError';
  }
}

/** The instance type called `name` (e.g. `c5.large`), or `undefined` when the catalog lacks it. */
export function findInstanceType(name: string): InstanceTypeSpec | undefined {
  return BY_NAME.get(name);
}

/** The instance type called `name`; throws `UnknownInstanceTypeError` naming the known sizes when unknown. */
export function getInstanceType(name: string): InstanceTypeSpec {
  const spec = BY_NAME.get(name);
  if (!spec) {
    throw unknown(name);
  }
  return spec;
}

/** Every family in the catalog, in table order. */
export function knownFamilies(): string[] {
  return [...BY_FAMILY.keys()];
}

/** The family part of an instance type name (`c5n.9xlarge` -> `c5n`); a bare family is returned as is. */
export function familyOf(instanceType: string): string {
  const dot = instanceType.indexOf('.');
  return dot < 0 ? instanceType : instanceType.slice(0, dot);
}

/**
 * Expands a compute environment's `instanceTypes` into instance types (LIM-15). Each entry is a
 * size (`c5.8xlarge`), a family (`c5`: all its sizes, never `.metal`), `optimal`,
 * `default_x86_64` or `default_arm64`. The result keeps the order of the request (a family's sizes
 * smallest first) and lists each instance type once, where it first appears.
 *
 * Throws `UnknownInstanceTypeError` for an entry the catalog does not know; the message lists
 * the keywords and families, or the family's sizes when only the size is wrong.
 */
export function expandInstanceTypes(requested: readonly string[]): InstanceTypeSpec[] {
  const seen = new Set<string>();
  const result: InstanceTypeSpec[] = [];
  const add = (spec: InstanceTypeSpec): void => {
    if (!seen.has(spec.name)) {
      seen.add(spec.name);
      result.push(spec);
    }
  };
  for (const entry of requested) {
    if (typeof entry !== 'string') {
      // Requests arrive as JSON: guard here so the message below can treat the entry as text.
      throw new UnknownInstanceTypeError(String(entry), `instanceTypes: ${JSON.stringify(entry)} is not a string (LIM-15)`);
    }
    const keywordFamilies = KEYWORD_FAMILIES.get(entry);
    const families = keywordFamilies ?? (BY_FAMILY.has(entry) ? [entry] : undefined);
    if (families) {
      families.forEach((name) => BY_FAMILY.get(name)!.forEach(add));
    } else {
      add(getInstanceType(entry));
    }
  }
  return result;
}

/** Result of `checkSingleArchitecture`. */
export interface ArchitectureCheck {
  /** The architecture most of the instance types have (the first listed on a tie); `undefined` for none. */
  readonly architecture: InstanceArchitecture | undefined;

  /** The instance types of any other architecture, in input order; empty when all agree. */
  readonly offending: InstanceTypeSpec[];
}

/**
 * Checks that instance types share one architecture, as one compute environment's must (LIM-3;
 * a CE that mixes them is INVALID, DIAG-1). The majority architecture is taken as the intended
 * one, so that one stray `a1.large` among x86 families is the type reported, not the families.
 */
export function checkSingleArchitecture(types: readonly InstanceTypeSpec[]): ArchitectureCheck {
  const counts = new Map<InstanceArchitecture, number>();
  for (const spec of types) {
    counts.set(spec.architecture, (counts.get(spec.architecture) ?? 0) + 1);
  }
  let architecture: InstanceArchitecture | undefined;
  for (const [candidate, count] of counts) {
    // Map iteration follows first insertion, so on a tie the architecture listed first wins.
    if (architecture === undefined || count > counts.get(architecture)!) {
      architecture = candidate;
    }
  }
  return { architecture, offending: types.filter((spec) => spec.architecture !== architecture) };
}

/**
 * The one architecture of `types` (LIM-3). Throws when `types` is empty or mixes architectures,
 * naming the offending types; use `checkSingleArchitecture` to report rather than throw.
 */
export function architectureOf(types: readonly InstanceTypeSpec[]): InstanceArchitecture {
  const { architecture, offending } = checkSingleArchitecture(types);
  if (architecture === undefined) {
    throw new Error('instanceTypes: [] has no architecture: at least one instance type is needed (LIM-3)');
  }
  if (offending.length > 0) {
    const names = offending.map((spec) => `${spec.name} (${spec.architecture})`).join(', ');
    throw new Error(`instanceTypes mix architectures: most are ${architecture}, but ${names} are not; one compute environment has one architecture (LIM-3)`);
  }
  return architecture;
}

/*
 * SCHED-8: the memory the OS reports is less than the installed memory. A fit of 23 instance types
 * measured on the ECS-optimized Amazon Linux AMI (Sentia, "ECS calculator", 2018,
 * https://www.sentialabs.io/2018/05/25/ecs-calculator.html: t2, m4, c4 and r4 sizes) gives
 *   reported = installed - installed / 64 - fixed
 * where installed / 64 is the kernel's page table (a 64-byte `struct page` per 4 KiB page) and
 * `fixed` is kernel image and firmware reservations, which step with instance size:
 *   15 MiB below 4 GiB installed; 79 MiB up to 8 vCPUs; 95 MiB from 16 vCPUs.
 * The 79 is chosen to reproduce the AWS Batch guide's example exactly (m4.large: 8 GiB installed,
 * `free -b` 8373026816 bytes = 7985 MiB; the 2018 table says 7984). The fit matches all 23 measured
 * sizes within 1 MiB. Nitro instances (m5, c6i, ...) with newer kernels may differ by tens of MiB:
 * the formula is an estimate there, not a measurement.
 */
const PAGE_TABLE_FRACTION = 1 / 64;
const SMALL_INSTANCE_MIB = 4096;
const SMALL_INSTANCE_OVERHEAD_MIB = 15;
const MEDIUM_INSTANCE_MAX_VCPUS = 8;
const MEDIUM_INSTANCE_OVERHEAD_MIB = 79;
const LARGE_INSTANCE_OVERHEAD_MIB = 95;

/** Memory in MiB the OS of `spec` reports (what the ECS agent reads with `ReadMemInfo()`), per the fit above. */
export function osVisibleMemoryMiB(spec: InstanceTypeSpec): number {
  const installed = spec.memoryMiB;
  let fixed = LARGE_INSTANCE_OVERHEAD_MIB;
  if (installed < SMALL_INSTANCE_MIB) {
    fixed = SMALL_INSTANCE_OVERHEAD_MIB;
  } else if (spec.vcpus <= MEDIUM_INSTANCE_MAX_VCPUS) {
    fixed = MEDIUM_INSTANCE_OVERHEAD_MIB;
  }
  return Math.floor(installed - installed * PAGE_TABLE_FRACTION - fixed);
}

/**
 * Memory in MiB an instance of `spec` registers with ECS, the most a job on it can ask for
 * (SCHED-8): OS-visible memory minus `ECS_RESERVED_MEMORY` (32 MiB on the default AMI; launch
 * template user data can change it). m4.large: 7985 - 32 = 7953, so an 8192 MiB job never fits.
 * Never negative. Throws when `ecsReservedMemoryMiB` is not an integer >= 0.
 */
export function registeredMemoryMiB(spec: InstanceTypeSpec, ecsReservedMemoryMiB: number = DEFAULT_ECS_RESERVED_MEMORY_MIB): number {
  if (!Number.isInteger(ecsReservedMemoryMiB) || ecsReservedMemoryMiB < 0) {
    throw new RangeError(`ECS_RESERVED_MEMORY: ${ecsReservedMemoryMiB} is invalid: an integer number of MiB >= 0 (SCHED-8)`);
  }
  return Math.max(0, osVisibleMemoryMiB(spec) - ecsReservedMemoryMiB);
}

/** GPU generations outside the catalog that still count as GPU families (SCHED-9, CE-5): p2..p6, g3..g6. */
const GPU_FAMILY_PATTERN = /^(?:p[2-6]|g[3-6])(?![0-9])/;

/**
 * Whether `family` (e.g. `p3`, `g4dn`) is a GPU family: GPU jobs are placed only there (SCHED-9)
 * and managed CEs give it the ECS GPU-optimized AMI (CE-5). A catalog family is a GPU family when
 * its sizes have GPUs; any other family when it is a p2..p6 or g3..g6 variant (`p4de`, `g6e`,
 * `p6-b200`), as the spec lists them.
 */
export function isGpuFamily(family: string): boolean {
  const sizes = BY_FAMILY.get(family);
  if (sizes) {
    return sizes.some((spec) => spec.gpus > 0);
  }
  return GPU_FAMILY_PATTERN.test(family);
}

/**
 * Whether an instance type supports EFA (CE-6). Takes a name (throws `UnknownInstanceTypeError`
 * when the catalog lacks it) or a spec.
 */
export function supportsEfa(instanceType: string | InstanceTypeSpec): boolean {
  const spec = typeof instanceType === 'string' ? getInstanceType(instanceType) : instanceType;
  return spec.efaSupported;
}

/**
 * The largest of `types`: most vCPUs, then most memory, then most GPUs; the first listed on a
 * tie. `undefined` for none.
 */
export function largestInstance(types: readonly InstanceTypeSpec[]): InstanceTypeSpec | undefined {
  let largest: InstanceTypeSpec | undefined;
  for (const spec of types) {
    if (largest === undefined || compareSize(spec, largest) > 0) {
      largest = spec;
    }
  }
  return largest;
}

/**
 * A copy of `types`, cheapest on-demand price first (the order BEST_FIT tries). Ties go to the
 * smaller type, then by name, so the order never depends on how the CE listed its types.
 */
export function cheapestFirst(types: readonly InstanceTypeSpec[]): InstanceTypeSpec[] {
  return [...types].sort((a, b) => a.onDemandUsdPerHour - b.onDemandUsdPerHour || compareSize(a, b) || compareNames(a, b));
}

/** Costs per vCPU closer than this (USD/h) are a tie: prices are decimal, their quotients are not exact. */
const COST_PER_VCPU_RESOLUTION = 1e-9;

/**
 * A copy of `types`, lowest on-demand price per vCPU first (the order BEST_FIT_PROGRESSIVE
 * prefers). Ties go to the cheaper type overall (less capacity bought for the same rate), then by name.
 */
export function lowestCostPerVcpuFirst(types: readonly InstanceTypeSpec[]): InstanceTypeSpec[] {
  const perVcpu = (spec: InstanceTypeSpec): number => Math.round(spec.onDemandUsdPerHour / spec.vcpus / COST_PER_VCPU_RESOLUTION);
  return [...types].sort((a, b) => perVcpu(a) - perVcpu(b) || a.onDemandUsdPerHour - b.onDemandUsdPerHour || compareNames(a, b));
}

function compareSize(a: InstanceTypeSpec, b: InstanceTypeSpec): number {
  return a.vcpus - b.vcpus || a.memoryMiB - b.memoryMiB || a.gpus - b.gpus;
}

function compareNames(a: InstanceTypeSpec, b: InstanceTypeSpec): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function groupByFamily(types: readonly InstanceTypeSpec[]): Map<string, InstanceTypeSpec[]> {
  const byFamily = new Map<string, InstanceTypeSpec[]>();
  for (const spec of types) {
    const sizes = byFamily.get(spec.family) ?? [];
    sizes.push(spec);
    byFamily.set(spec.family, sizes);
  }
  return byFamily;
}

/** The error for an unknown entry, listing what would have been accepted in its place. */
function unknown(value: string): UnknownInstanceTypeError {
  const sizes = BY_FAMILY.get(familyOf(value));
  const quoted = JSON.stringify(value);
  if (sizes) {
    const family = familyOf(value);
    const known = sizes.map((spec) => spec.size).join(', ');
    const why = value.endsWith('.metal')
      ? 'is not in the local instance catalog: .metal sizes are not modelled, and a family never includes them (LIM-15)'
      : `is not a known ${family} size (LIM-15)`;
    return new UnknownInstanceTypeError(value, `instanceTypes: ${quoted} ${why}; known ${family} sizes: ${known}`);
  }
  return new UnknownInstanceTypeError(
    value,
    `instanceTypes: ${quoted} is not a known instance type, family or keyword (LIM-15); ` +
      `keywords: ${[...KEYWORD_FAMILIES.keys()].join(', ')}; families: ${knownFamilies().join(', ')}`,
  );
}
