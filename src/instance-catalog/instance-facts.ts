import { KNOWN_EFA_INSTANCE_TYPES } from './efa-instance-types';
import { findInstanceType } from './instance-catalog';
import { Architecture, architectureOf, isGpuInstanceType as gpuByName } from './instance-name-rules';
import { InstanceArchitecture } from './instance-type-spec';

/*
 * The questions the constructs (EFA, CE-6) and the nag rules (GPU: SCHED-9, CE-5; architecture:
 * LIM-3, LIM-15) ask about an instance type name, answered from the one catalog: the row of
 * `instance-types.ts` when the catalog has the size, else the name-only knowledge kept beside it
 * (the EFA size list, the family-name rules) for sizes, families and aliases the table lacks.
 * test/instance-catalog/instance-facts.test.ts checks that both sources agree on every row, so the
 * order only matters for names the table does not have.
 */

/** Whether `instanceType` (a size such as `c5n.18xlarge`) can attach an Elastic Fabric Adapter (CE-6). */
export function isEfaInstanceType(instanceType: string): boolean {
  return findInstanceType(instanceType)?.efaSupported ?? KNOWN_EFA_INSTANCE_TYPES.has(instanceType);
}

/** Whether a size, family or alias carries GPUs (SCHED-9, CE-5). `optimal` and `default_*` do not. */
export function isGpuInstanceType(instanceType: string): boolean {
  const spec = findInstanceType(instanceType);
  return spec ? spec.gpus > 0 : gpuByName(instanceType);
}

/** The architecture of a size, family or alias (`optimal`, `default_x86_64`, `default_arm64`). */
export function instanceTypeArchitecture(instanceType: string): Architecture {
  const spec = findInstanceType(instanceType);
  if (spec) {
    return spec.architecture === InstanceArchitecture.ARM64 ? 'arm64' : 'x86_64';
  }
  return architectureOf(instanceType);
}
