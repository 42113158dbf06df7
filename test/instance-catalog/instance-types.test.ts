import { InstanceArchitecture } from '../../src/instance-catalog/instance-type-spec';
import { INSTANCE_TYPES } from '../../src/instance-catalog/instance-types';

const byName = new Map(INSTANCE_TYPES.map((spec) => [spec.name, spec]));
const familiesInTable = [...new Set(INSTANCE_TYPES.map((spec) => spec.family))];

/** The families the brief asks for: the guide's, the keywords' (LIM-15), and today's GPU families (SCHED-9). */
const REQUIRED_FAMILIES = [
  'c4', 'c5', 'c5n', 'c5d', 'm4', 'm5', 'm5d', 'm5n', 'm5dn', 'r4', 'r5', 'r5d', 'r5n', 'r5dn', 'i3en', 'p2', 'p3',
  'p3dn', 'g3', 'g3s', 'g4dn', 'a1', 't2', 't3', 'm6i', 'c6i', 'r6i', 'c7i', 'm6g', 'c6g', 'r6g', 'c7g', 'p4d', 'p5', 'g5', 'g6',
];
const GPU_FAMILIES = ['p2', 'p3', 'p3dn', 'g3', 'g3s', 'g4dn', 'p4d', 'p5', 'g5', 'g6'];
const ARM64_FAMILIES = ['a1', 'm6g', 'c6g', 'r6g', 'c7g'];

describe('instance table', () => {
  test('LIM-15: covers every required family and nothing else, without .metal sizes', () => {
    expect([...familiesInTable].sort()).toEqual([...REQUIRED_FAMILIES].sort());
    expect(INSTANCE_TYPES.filter((spec) => spec.size.includes('metal'))).toEqual([]);
  });

  test('LIM-15: names are unique and are family.size', () => {
    expect(byName.size).toBe(INSTANCE_TYPES.length);
    for (const spec of INSTANCE_TYPES) {
      expect(spec.name).toBe(`${spec.family}.${spec.size}`);
    }
  });

  test('LIM-15: each family lists its sizes smallest first, contiguously', () => {
    const familyRuns = INSTANCE_TYPES.map((spec) => spec.family).filter((family, i, all) => i === 0 || all[i - 1] !== family);
    expect(familyRuns).toEqual(familiesInTable);
    INSTANCE_TYPES.forEach((spec, i) => {
      const previous = INSTANCE_TYPES[i - 1];
      if (previous?.family === spec.family) {
        expect(spec.vcpus * 1e7 + spec.memoryMiB).toBeGreaterThan(previous.vcpus * 1e7 + previous.memoryMiB);
      }
    });
  });

  test('LIM-3: arm64 exactly for the Graviton families', () => {
    for (const spec of INSTANCE_TYPES) {
      const expected = ARM64_FAMILIES.includes(spec.family) ? InstanceArchitecture.ARM64 : InstanceArchitecture.X86_64;
      expect([spec.name, spec.architecture]).toEqual([spec.name, expected]);
    }
  });

  test('SCHED-9: every size of a GPU family has GPUs, no other size has any', () => {
    for (const spec of INSTANCE_TYPES) {
      expect([spec.name, spec.gpus > 0]).toEqual([spec.name, GPU_FAMILIES.includes(spec.family)]);
    }
  });

  test('SCHED-9: GPU counts of the guide\'s GPU types', () => {
    const gpus = (name: string) => byName.get(name)?.gpus;
    expect([gpus('p2.xlarge'), gpus('p2.8xlarge'), gpus('p2.16xlarge')]).toEqual([1, 8, 16]);
    expect([gpus('p3.2xlarge'), gpus('p3.8xlarge'), gpus('p3.16xlarge'), gpus('p3dn.24xlarge')]).toEqual([1, 4, 8, 8]);
    expect([gpus('g3s.xlarge'), gpus('g3.4xlarge'), gpus('g3.8xlarge'), gpus('g3.16xlarge')]).toEqual([1, 1, 2, 4]);
    expect([gpus('g4dn.xlarge'), gpus('g4dn.12xlarge'), gpus('g4dn.16xlarge')]).toEqual([1, 4, 1]);
  });

  test('CE-6: the guide\'s EFA list, where the table has the type, is marked EFA', () => {
    const guideList = ['c5n.18xlarge', 'i3en.24xlarge', 'm5dn.24xlarge', 'm5n.24xlarge', 'r5dn.24xlarge', 'r5n.24xlarge', 'p3dn.24xlarge'];
    for (const name of guideList) {
      expect([name, byName.get(name)?.efaSupported]).toEqual([name, true]);
    }
  });

  test('SCHED-8: installed memory in whole MiB, matching the EC2 figures the guide uses', () => {
    for (const spec of INSTANCE_TYPES) {
      expect(Number.isInteger(spec.memoryMiB) && spec.memoryMiB > 0).toBe(true);
      expect(Number.isInteger(spec.vcpus) && spec.vcpus > 0).toBe(true);
    }
    expect(byName.get('m4.large')).toMatchObject({ vcpus: 2, memoryMiB: 8192 });
    expect(byName.get('g3s.xlarge')).toMatchObject({ vcpus: 4, memoryMiB: 31232 }); // 30.5 GiB
    expect(byName.get('c5n.large')).toMatchObject({ vcpus: 2, memoryMiB: 5376 }); // 5.25 GiB
  });

  test('SCHED-6: every type has a positive price, and a bigger size of a CPU family never costs less', () => {
    INSTANCE_TYPES.forEach((spec, i) => {
      expect(spec.onDemandUsdPerHour).toBeGreaterThan(0);
      const previous = INSTANCE_TYPES[i - 1];
      // Not for GPU families: g5.16xlarge (64 vCPUs, 1 GPU) really is cheaper than g5.12xlarge (48 vCPUs, 4 GPUs).
      if (previous?.family === spec.family && spec.gpus === 0) {
        expect([spec.name, spec.onDemandUsdPerHour >= previous.onDemandUsdPerHour]).toEqual([spec.name, true]);
      }
    });
  });

  test('LIM-15: the table and its rows cannot be changed by a caller', () => {
    expect(Object.isFrozen(INSTANCE_TYPES)).toBe(true);
    expect(INSTANCE_TYPES.every((spec) => Object.isFrozen(spec))).toBe(true);
  });
});
