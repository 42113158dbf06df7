import { KNOWN_EFA_INSTANCE_TYPES } from '../../src/instance-catalog/efa-instance-types';
import { instanceTypeArchitecture, isEfaInstanceType, isGpuInstanceType } from '../../src/instance-catalog/instance-facts';
import { architectureOf, isGpuInstanceType as gpuByName } from '../../src/instance-catalog/instance-name-rules';
import { INSTANCE_TYPES } from '../../src/instance-catalog/instance-types';

describe('instance facts: one catalog for the runtime, the constructs and the nag rules', () => {
  test('CE-6: every catalog row marks EFA exactly when the EFA size list has it', () => {
    // GIVEN the catalog rows (runtime) and the EFA size list (constructs before issue #11)
    // WHEN comparing each row's flag with the list
    const disagreeing = INSTANCE_TYPES
      .filter((spec) => spec.efaSupported !== KNOWN_EFA_INSTANCE_TYPES.has(spec.name))
      .map((spec) => `${spec.name}: row ${spec.efaSupported}, list ${KNOWN_EFA_INSTANCE_TYPES.has(spec.name)}`);

    // THEN they agree, so answering from the row first changes no construct's verdict
    expect(disagreeing).toEqual([]);
  });

  test('SCHED-9: every catalog row has GPUs exactly when the family-name rule says GPU', () => {
    // GIVEN the catalog rows and the name rule the nag rules used before issue #11
    // WHEN / THEN
    expect(INSTANCE_TYPES.filter((spec) => (spec.gpus > 0) !== gpuByName(spec.name)).map((spec) => spec.name)).toEqual([]);
  });

  test('LIM-3: every catalog row has the architecture the family-name rule gives', () => {
    // GIVEN the catalog rows and the name rule
    // WHEN / THEN
    expect(INSTANCE_TYPES.filter((spec) => spec.architecture !== architectureOf(spec.name)).map((spec) => spec.name)).toEqual([]);
  });

  test.each([
    ['c5n.18xlarge', true], // a catalog row with EFA
    ['c5n.4xlarge', false], // a catalog row without
    ['trn2.48xlarge', true], // in the EFA list only
    ['c6i.metal', true], // bare metal: never a catalog row
    ['c5n', false], // a family is never an EFA size
    ['optimal', false],
  ])('CE-6: isEfaInstanceType(%s) is %s', (type, expected) => {
    // GIVEN / WHEN / THEN
    expect(isEfaInstanceType(type)).toBe(expected);
  });

  test.each([
    ['p3.2xlarge', true], // a catalog row with GPUs
    ['c5.large', false], // a catalog row without
    ['gr6.8xlarge', true], // not a catalog row: the family rule answers
    ['P4D.24XLARGE', true], // names are case-insensitive for the rule
    ['g5g', true], // a family
    ['optimal', false],
  ])('SCHED-9: isGpuInstanceType(%s) is %s', (type, expected) => {
    // GIVEN / WHEN / THEN
    expect(isGpuInstanceType(type)).toBe(expected);
  });

  test.each([
    ['m6g.large', 'arm64'], // a catalog row
    ['c5.large', 'x86_64'],
    ['c8gn.48xlarge', 'arm64'], // not a catalog row: the family rule answers
    ['default_arm64', 'arm64'],
    ['optimal', 'x86_64'],
  ])('LIM-3: instanceTypeArchitecture(%s) is %s', (type, expected) => {
    // GIVEN / WHEN / THEN
    expect(instanceTypeArchitecture(type)).toBe(expected);
  });
});
