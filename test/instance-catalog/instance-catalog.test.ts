import * as fc from 'fast-check';
import {
  architectureOf,
  checkSingleArchitecture,
  cheapestFirst,
  DEFAULT_ARM64_FAMILIES,
  DEFAULT_X86_64_FAMILIES,
  expandInstanceTypes,
  familyOf,
  findInstanceType,
  getInstanceType,
  isGpuFamily,
  knownFamilies,
  largestInstance,
  lowestCostPerVcpuFirst,
  OPTIMAL_FAMILIES,
  osVisibleMemoryMiB,
  registeredMemoryMiB,
  supportsEfa,
  UnknownInstanceTypeError,
} from '../../src/instance-catalog/instance-catalog';
import { InstanceArchitecture, InstanceTypeSpec } from '../../src/instance-catalog/instance-type-spec';
import { INSTANCE_TYPES } from '../../src/instance-catalog/instance-types';

const names = (types: readonly { name: string }[]): string[] => types.map((spec) => spec.name);
const specs = (...typeNames: string[]) => typeNames.map(getInstanceType);

function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the action to throw');
}

describe('expandInstanceTypes', () => {
  test('LIM-15: a family expands to all its sizes, smallest first, without .metal', () => {
    // GIVEN / WHEN
    const expanded = expandInstanceTypes(['c5']);

    // THEN
    expect(names(expanded)).toEqual([
      'c5.large', 'c5.xlarge', 'c5.2xlarge', 'c5.4xlarge', 'c5.9xlarge', 'c5.12xlarge', 'c5.18xlarge', 'c5.24xlarge',
    ]);
  });

  test('LIM-15: a size expands to itself', () => {
    expect(names(expandInstanceTypes(['m5.8xlarge']))).toEqual(['m5.8xlarge']);
  });

  test('LIM-15: optimal expands to the c4, m4, r4, c5, m5 and r5 families, in that order', () => {
    // GIVEN / WHEN
    const expanded = expandInstanceTypes(['optimal']);

    // THEN
    const familiesInOrder = [...new Set(expanded.map((spec) => spec.family))];
    expect(familiesInOrder).toEqual(['c4', 'm4', 'r4', 'c5', 'm5', 'r5']);
    expect(expanded).toHaveLength(OPTIMAL_FAMILIES.map((family) => expandInstanceTypes([family]).length).reduce((a, b) => a + b));
  });

  test('LIM-15: default_x86_64 and default_arm64 expand to today\'s families, one architecture each', () => {
    // GIVEN / WHEN
    const x86 = expandInstanceTypes(['default_x86_64']);
    const arm = expandInstanceTypes(['default_arm64']);

    // THEN
    expect([...new Set(x86.map((spec) => spec.family))]).toEqual(['m6i', 'c6i', 'r6i', 'c7i']);
    expect([...new Set(arm.map((spec) => spec.family))]).toEqual(['m6g', 'c6g', 'r6g', 'c7g']);
    expect(new Set(x86.map((spec) => spec.architecture))).toEqual(new Set([InstanceArchitecture.X86_64]));
    expect(new Set(arm.map((spec) => spec.architecture))).toEqual(new Set([InstanceArchitecture.ARM64]));
  });

  test('LIM-15: every family a keyword names is in the catalog', () => {
    for (const family of [...OPTIMAL_FAMILIES, ...DEFAULT_X86_64_FAMILIES, ...DEFAULT_ARM64_FAMILIES]) {
      expect(knownFamilies()).toContain(family);
    }
  });

  test('LIM-15: duplicates are dropped where they first appear, and request order is kept', () => {
    // GIVEN / WHEN
    const expanded = expandInstanceTypes(['m5.large', 'c4', 'optimal', 'c4.large']);

    // THEN
    expect(expanded[0].name).toBe('m5.large');
    expect(expanded[1].name).toBe('c4.large');
    expect(new Set(names(expanded)).size).toBe(expanded.length);
    expect(expanded).toHaveLength(expandInstanceTypes(['optimal']).length);
  });

  test('LIM-15: expansion is deduplicated and stable for any mix of requests', () => {
    const entries = fc.constantFrom('optimal', 'default_x86_64', 'default_arm64', ...knownFamilies(), ...names(INSTANCE_TYPES));
    fc.assert(
      fc.property(fc.array(entries, { maxLength: 8 }), fc.array(entries, { maxLength: 8 }), (first, second) => {
        // GIVEN / WHEN
        const head = names(expandInstanceTypes(first));
        const whole = names(expandInstanceTypes([...first, ...second]));

        // THEN: no duplicates, and appending requests never reorders what was already there
        expect(new Set(whole).size).toBe(whole.length);
        expect(whole.slice(0, head.length)).toEqual(head);
      }),
    );
  });

  test('LIM-15: an empty request expands to nothing', () => {
    expect(expandInstanceTypes([])).toEqual([]);
  });

  test('LIM-15: an unknown family names the value and lists the keywords and families', () => {
    // GIVEN / WHEN
    const error = thrown(() => expandInstanceTypes(['c5', 'x99']));

    // THEN
    expect(error).toBeInstanceOf(UnknownInstanceTypeError);
    expect((error as UnknownInstanceTypeError).value).toBe('x99');
    expect(error.message).toContain('"x99"');
    expect(error.message).toContain('keywords: optimal, default_x86_64, default_arm64');
    expect(error.message).toContain('c5n');
    expect(error.message).toContain('LIM-15');
  });

  test('LIM-15: an unknown size of a known family lists that family\'s sizes', () => {
    const error = thrown(() => expandInstanceTypes(['c5.13xlarge']));
    expect(error.message).toContain('"c5.13xlarge" is not a known c5 size');
    expect(error.message).toContain('known c5 sizes: large, xlarge, 2xlarge, 4xlarge, 9xlarge, 12xlarge, 18xlarge, 24xlarge');
  });

  test('LIM-15: a .metal size is not in the catalog, and the message says why', () => {
    const error = thrown(() => expandInstanceTypes(['c5n.metal']));
    expect(error).toBeInstanceOf(UnknownInstanceTypeError);
    expect(error.message).toContain('.metal sizes are not modelled');
  });

  test('LIM-15: names are case-sensitive, as EC2\'s are', () => {
    expect(() => expandInstanceTypes(['C5'])).toThrow(UnknownInstanceTypeError);
    expect(() => expandInstanceTypes(['Optimal'])).toThrow(UnknownInstanceTypeError);
  });

  test('LIM-15: a non-string entry from JSON is rejected with its value', () => {
    const error = thrown(() => expandInstanceTypes([42 as unknown as string]));
    expect(error).toBeInstanceOf(UnknownInstanceTypeError);
    expect(error.message).toBe('instanceTypes: 42 is not a string (LIM-15)');
  });
});

describe('lookups', () => {
  test('LIM-15: findInstanceType returns undefined for an unknown name, getInstanceType throws', () => {
    expect(findInstanceType('c5.large')?.vcpus).toBe(2);
    expect(findInstanceType('c5.huge')).toBeUndefined();
    expect(() => getInstanceType('c5.huge')).toThrow(/"c5.huge" is not a known c5 size/);
  });

  test('LIM-15: familyOf takes the part before the dot', () => {
    expect(familyOf('c5n.9xlarge')).toBe('c5n');
    expect(familyOf('p3dn')).toBe('p3dn');
  });
});

describe('architecture', () => {
  test('LIM-3: one architecture is returned when all types agree', () => {
    expect(architectureOf(expandInstanceTypes(['default_arm64', 'a1']))).toBe(InstanceArchitecture.ARM64);
    expect(architectureOf(expandInstanceTypes(['optimal']))).toBe(InstanceArchitecture.X86_64);
  });

  test('LIM-3 / DIAG-1: a stray arm64 type among x86_64 ones is the offending type', () => {
    // GIVEN
    const types = [...expandInstanceTypes(['m5']), getInstanceType('a1.large')];

    // WHEN
    const check = checkSingleArchitecture(types);

    // THEN
    expect(check.architecture).toBe(InstanceArchitecture.X86_64);
    expect(names(check.offending)).toEqual(['a1.large']);
  });

  test('LIM-3: on a tie the architecture listed first is taken', () => {
    const check = checkSingleArchitecture(specs('c6g.large', 'c6i.large'));
    expect(check.architecture).toBe(InstanceArchitecture.ARM64);
    expect(names(check.offending)).toEqual(['c6i.large']);
  });

  test('LIM-3: architectureOf throws naming the offending types and their architecture', () => {
    const error = thrown(() => architectureOf(specs('m5.large', 'c5.large', 'c6g.large')));
    expect(error.message).toContain('most are x86_64');
    expect(error.message).toContain('c6g.large (arm64)');
    expect(error.message).toContain('LIM-3');
  });

  test('LIM-3: no types have no architecture', () => {
    expect(checkSingleArchitecture([])).toEqual({ architecture: undefined, offending: [] });
    expect(() => architectureOf([])).toThrow(/at least one instance type/);
  });
});

describe('registered memory', () => {
  test('SCHED-8: m4.large reports 7985 MiB to the OS and registers 7953 MiB', () => {
    // GIVEN the guide's example: 8 GiB installed, `free -b` 8373026816 bytes
    const m4Large = getInstanceType('m4.large');

    // WHEN / THEN
    expect(m4Large.memoryMiB).toBe(8192);
    expect(osVisibleMemoryMiB(m4Large)).toBe(Math.floor(8373026816 / 1024 / 1024));
    expect(registeredMemoryMiB(m4Large)).toBe(7953);
  });

  test('SCHED-8: 8192 MiB never fits m4.large', () => {
    const jobMemoryMiB = 8192;
    expect(registeredMemoryMiB(getInstanceType('m4.large'))).toBeLessThan(jobMemoryMiB);
    expect(registeredMemoryMiB(getInstanceType('m4.large'), 0)).toBeLessThan(jobMemoryMiB);
  });

  test('SCHED-8: ECS_RESERVED_MEMORY from user data replaces the default 32 MiB', () => {
    const m4Large = getInstanceType('m4.large');
    expect(registeredMemoryMiB(m4Large, 0)).toBe(7985);
    expect(registeredMemoryMiB(m4Large, 256)).toBe(7729);
  });

  test('SCHED-8: registered memory is never negative', () => {
    expect(registeredMemoryMiB(getInstanceType('t2.nano'), 100_000)).toBe(0);
  });

  test('SCHED-8: a reserved amount that is not an integer >= 0 is rejected with its value', () => {
    const m4Large = getInstanceType('m4.large');
    expect(() => registeredMemoryMiB(m4Large, -1)).toThrow('ECS_RESERVED_MEMORY: -1 is invalid: an integer number of MiB >= 0 (SCHED-8)');
    expect(() => registeredMemoryMiB(m4Large, 1.5)).toThrow(RangeError);
    expect(() => registeredMemoryMiB(m4Large, Number.NaN)).toThrow(RangeError);
  });

  test.each([
    // Measured on the ECS-optimized Amazon Linux AMI (Sentia "ECS calculator", 2018): [type, MiB reported].
    ['t2.micro', 993], ['t2.small', 2001], ['t2.medium', 3952], ['t2.large', 7984], ['t2.xlarge', 16048],
    ['t2.2xlarge', 32176], ['m4.xlarge', 16048], ['m4.2xlarge', 32176], ['m4.4xlarge', 64417],
    ['m4.10xlarge', 161185], ['m4.16xlarge', 257953], ['c4.large', 3765], ['c4.xlarge', 7480],
    ['c4.2xlarge', 15040], ['c4.4xlarge', 30145], ['c4.8xlarge', 60385], ['r4.large', 15292],
    ['r4.xlarge', 30664], ['r4.2xlarge', 61408], ['r4.4xlarge', 122881], ['r4.8xlarge', 245857],
    ['r4.16xlarge', 491809],
  ])('SCHED-8: the OS-visible memory of %s is within 1 MiB of the measured %d MiB', (type, measuredMiB) => {
    expect(Math.abs(osVisibleMemoryMiB(getInstanceType(type)) - measuredMiB)).toBeLessThanOrEqual(1);
  });

  test('SCHED-8: every instance type registers less than it has installed; the OS sees more than 95% of it', () => {
    for (const spec of INSTANCE_TYPES) {
      expect(registeredMemoryMiB(spec)).toBeLessThan(spec.memoryMiB);
      expect(osVisibleMemoryMiB(spec)).toBeGreaterThan(spec.memoryMiB * 0.95);
    }
  });
});

describe('GPU families', () => {
  test.each(['p2', 'p3', 'p3dn', 'p4d', 'p5', 'g3', 'g3s', 'g4dn', 'g5', 'g6'])('SCHED-9: %s is a GPU family', (family) => {
    expect(isGpuFamily(family)).toBe(true);
  });

  test.each(['c5', 'm5', 'r5', 't3', 'a1', 'i3en', 'c7g', 'm6i'])('SCHED-9: %s is not a GPU family', (family) => {
    expect(isGpuFamily(family)).toBe(false);
  });

  test.each(['p4de', 'p5en', 'p6-b200', 'g4ad', 'g5g', 'g6e'])('CE-5: %s, outside the catalog, is a GPU family by its generation', (family) => {
    expect(isGpuFamily(family)).toBe(true);
  });

  test.each(['c7gn', 'p', 'g', 'p21', 'x2idn', ''])('CE-5: %s, outside the catalog, is not a GPU family', (family) => {
    expect(isGpuFamily(family)).toBe(false);
  });
});

describe('EFA', () => {
  test.each(['c5n.18xlarge', 'i3en.24xlarge', 'm5dn.24xlarge', 'm5n.24xlarge', 'r5dn.24xlarge', 'r5n.24xlarge', 'p3dn.24xlarge'])(
    'CE-6: %s, on the guide\'s list, supports EFA',
    (type) => {
      expect(supportsEfa(type)).toBe(true);
    },
  );

  test.each(['c5n.large', 'm5.24xlarge', 'p3.16xlarge', 't3.micro', 'm5dn.12xlarge'])('CE-6: %s does not support EFA', (type) => {
    expect(supportsEfa(type)).toBe(false);
  });

  test('CE-6: a spec is answered from its own figure, an unknown name throws', () => {
    expect(supportsEfa({ ...getInstanceType('c5.large'), efaSupported: true })).toBe(true);
    expect(() => supportsEfa('c5n.metal')).toThrow(UnknownInstanceTypeError);
  });
});

describe('size and cost orders', () => {
  test('SCHED-6: the largest instance has the most vCPUs, then the most memory', () => {
    expect(largestInstance(expandInstanceTypes(['c5', 'm5.large']))?.name).toBe('c5.24xlarge');
    expect(largestInstance(specs('m5.large', 'r5.large', 'c5.large'))?.name).toBe('r5.large');
    expect(largestInstance(specs('c5.large', 'c6i.large'))?.name).toBe('c5.large');
    expect(largestInstance([])).toBeUndefined();
  });

  test('SCHED-6: cheapestFirst orders by on-demand price without touching its input', () => {
    // GIVEN
    const types = specs('m5.large', 't3.nano', 'c5.large');

    // WHEN
    const ordered = cheapestFirst(types);

    // THEN
    expect(names(ordered)).toEqual(['t3.nano', 'c5.large', 'm5.large']);
    expect(names(types)).toEqual(['m5.large', 't3.nano', 'c5.large']);
  });

  test('SCHED-6: cheapestFirst breaks price ties by size, then name, whatever the input order', () => {
    // m6i.large and m5.large cost the same; c5.large and c6i.large too.
    const expected = ['c5.large', 'c6i.large', 'm5.large', 'm6i.large'];
    expect(names(cheapestFirst(specs('m6i.large', 'c6i.large', 'm5.large', 'c5.large')))).toEqual(expected);
    expect(names(cheapestFirst(specs('c5.large', 'm5.large', 'c6i.large', 'm6i.large')))).toEqual(expected);
  });

  test('SCHED-6: lowestCostPerVcpuFirst orders by price per vCPU, equal rates cheapest first', () => {
    // c6g.medium 0.034/vCPU; every c5 size 0.0425/vCPU; m5.24xlarge 0.048/vCPU
    const ordered = lowestCostPerVcpuFirst(specs('m5.24xlarge', 'c5.9xlarge', 'c5.large', 'c6g.medium', 'c5.xlarge'));
    expect(names(ordered)).toEqual(['c6g.medium', 'c5.large', 'c5.xlarge', 'c5.9xlarge', 'm5.24xlarge']);
  });

  test('SCHED-6: both orders are permutations sorted by their key', () => {
    const rate = (spec: InstanceTypeSpec): number => spec.onDemandUsdPerHour / spec.vcpus;
    const sortedBy = (ordered: InstanceTypeSpec[], key: (spec: InstanceTypeSpec) => number): boolean =>
      ordered.every((spec, i) => i === 0 || key(spec) >= key(ordered[i - 1]) - 1e-9);
    fc.assert(
      fc.property(fc.subarray([...INSTANCE_TYPES]), (types) => {
        // GIVEN any subset of the catalog / WHEN ordered both ways
        const byPrice = cheapestFirst(types);
        const byRate = lowestCostPerVcpuFirst(types);

        // THEN each is the same set of types, sorted by its key
        const sameTypes = (ordered: InstanceTypeSpec[]) => [...names(ordered)].sort().join() === [...names(types)].sort().join();
        return sameTypes(byPrice) && sameTypes(byRate) &&
          sortedBy(byPrice, (spec) => spec.onDemandUsdPerHour) && sortedBy(byRate, rate);
      }),
    );
  });
});
