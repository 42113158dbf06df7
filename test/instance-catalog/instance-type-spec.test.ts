import { InstanceArchitecture } from '../../src/instance-catalog/instance-type-spec';

describe('InstanceArchitecture', () => {
  test('LIM-3: values are the strings EC2 and the default_x86_64 / default_arm64 keywords use', () => {
    // GIVEN / WHEN / THEN: the values reach API responses and diagnostics as they are
    expect(Object.values(InstanceArchitecture).sort()).toEqual(['arm64', 'x86_64']);
    expect(`default_${InstanceArchitecture.X86_64}`).toBe('default_x86_64');
    expect(`default_${InstanceArchitecture.ARM64}`).toBe('default_arm64');
  });
});
