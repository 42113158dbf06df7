/*
 * The one EC2 instance type catalog of cdk-batch-kit (issue #11 §1), used by the local runtime's
 * scheduler and checks (src/runtime/core), the constructs (EFA, CE-6) and the nag rules (GPU,
 * architecture). A leaf: it imports nothing outside this folder, and no aws-cdk-lib, so the runtime
 * core stays pure and the constructs and rules can share it.
 *
 * - `instance-types.ts`: one row per size the runtime can place (vCPUs, memory, GPUs, architecture,
 *   EFA, price); `instance-type-spec.ts` is the row's shape.
 * - `instance-catalog.ts`: lookups over the rows (keywords, families, registered memory, orders).
 * - `efa-instance-types.ts` and `instance-name-rules.ts`: what is known about names the rows lack
 *   (every EFA size EC2 lists; GPU and architecture from the family name).
 * - `instance-facts.ts`: the questions the constructs and rules ask, answered from the rows first.
 */
export * from './instance-type-spec';
export * from './instance-catalog';
export { EFA_DEVICE_PATH, GUIDE_EFA_INSTANCE_TYPES, KNOWN_EFA_INSTANCE_TYPES } from './efa-instance-types';
export type { Architecture } from './instance-name-rules';
export { instanceFamily } from './instance-name-rules';
export { instanceTypeArchitecture, isEfaInstanceType, isGpuInstanceType } from './instance-facts';
