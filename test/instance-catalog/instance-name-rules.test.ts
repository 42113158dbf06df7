import { architectureOf, instanceFamily, isGpuInstanceType } from '../../src/instance-catalog/instance-name-rules';

describe('instance type facts', () => {
  test('the family is the part before the dot, lowercased', () => {
    expect(instanceFamily('C5.Large')).toBe('c5');
    expect(instanceFamily('m6g')).toBe('m6g');
  });

  test.each(['p2.xlarge', 'p3', 'p3dn.24xlarge', 'p4d.24xlarge', 'p5.48xlarge', 'p6-b200.48xlarge', 'g3s.xlarge', 'g4dn', 'g4ad.xlarge', 'g5g', 'g6e.xlarge', 'gr6.4xlarge'])(
    'SCHED-9: %s is a GPU type',
    (type) => {
      expect(isGpuInstanceType(type)).toBe(true);
    },
  );

  test.each(['optimal', 'default_x86_64', 'default_arm64', 'c5', 'm5.large', 'r6g', 'inf1.xlarge', 'trn1.2xlarge'])(
    'SCHED-9: %s is not a GPU type',
    (type) => {
      expect(isGpuInstanceType(type)).toBe(false);
    },
  );

  test.each(['a1.large', 'm6g', 'c6gn.large', 'c7g', 'r6gd.xlarge', 't4g.micro', 'x2gd', 'im4gn.large', 'g5g.xlarge', 'default_arm64'])(
    'LIM-3: %s is arm64',
    (type) => {
      expect(architectureOf(type)).toBe('arm64');
    },
  );

  test.each(['optimal', 'default_x86_64', 'c5', 'g4dn.xlarge', 'p4d', 'm7i-flex.large', 'c6in', 'gr6'])('LIM-3: %s is x86_64', (type) => {
    expect(architectureOf(type)).toBe('x86_64');
  });
});
