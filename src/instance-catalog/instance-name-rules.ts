/**
 * What a family name alone tells about an instance type: GPU (SCHED-9, CE-5) and architecture
 * (LIM-3, LIM-15). The catalog's fallback for names its rows lack (instance-facts.ts); the nag
 * rules used it alone before issue #11.
 */

/** CPU architecture of a compute environment's instances. */
export type Architecture = 'x86_64' | 'arm64';

/**
 * GPU families. The guide lists p2, p3, g3, g3s, g4; AWS today adds p4, p5, p6, g5, g6 and
 * variants (p3dn, p4d, p6-b200, g4dn, g4ad, g5g, g6e, gr6). `g5g` is an arm64 GPU family.
 */
const GPU_FAMILY = /^(p[2-6]|g[3-6]|gr6)[a-z]*(-[a-z0-9]+)*$/;

/** Graviton families carry a `g` right after the generation digit (m6g, c7gn, x2gd, im4gn, t4g). */
const ARM64_FAMILY = /^[a-z]+\d+g[a-z]*$/;

/** The family part of an instance type (`c5` for `c5.large`), lowercased. */
export function instanceFamily(instanceType: string): string {
  return instanceType.toLowerCase().split('.')[0];
}

/** True for types and families that carry GPUs. `optimal` and the `default_*` aliases do not. */
export function isGpuInstanceType(instanceType: string): boolean {
  return GPU_FAMILY.test(instanceFamily(instanceType));
}

/** The architecture of a type, family or alias (`optimal`, `default_x86_64`, `default_arm64`). */
export function architectureOf(instanceType: string): Architecture {
  const family = instanceFamily(instanceType);
  if (family === 'default_arm64' || family === 'a1' || ARM64_FAMILY.test(family)) {
    return 'arm64';
  }
  return 'x86_64';
}
