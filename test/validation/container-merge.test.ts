import { mergeContainer } from '../../src/validation/container-merge';

describe('mergeContainer', () => {
  test('LIM-12: an override replaces the fields it sets and keeps the others', () => {
    // GIVEN
    const base = { image: 'a', vcpus: 2, memory: 1024, command: ['x'] };

    // WHEN
    const merged = mergeContainer(base, { memory: 4096, command: ['y', 'z'] });

    // THEN
    expect(merged).toEqual({ image: 'a', vcpus: 2, memory: 4096, command: ['y', 'z'] });
  });

  test('LIM-12: a field set to undefined does not clear the base value', () => {
    expect(mergeContainer({ vcpus: 2 }, { vcpus: undefined })).toEqual({ vcpus: 2 });
  });

  test('LIM-12: resource requirements merge by type, so overriding MEMORY keeps VCPU', () => {
    const merged = mergeContainer(
      { resourceRequirements: [{ type: 'VCPU', value: '2' }, { type: 'MEMORY', value: '1024' }] },
      { resourceRequirements: [{ type: 'MEMORY', value: '8192' }, { type: 'GPU', value: '1' }] },
    );
    expect(merged.resourceRequirements).toEqual([
      { type: 'VCPU', value: '2' }, { type: 'MEMORY', value: '8192' }, { type: 'GPU', value: '1' },
    ]);
  });

  test('ENV-2: environment merges by name', () => {
    const merged = mergeContainer(
      { environment: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
      { environment: [{ name: 'B', value: 'two' }, { name: 'C', value: '3' }] },
    );
    expect(merged.environment).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: 'two' }, { name: 'C', value: '3' }]);
  });

  test('LIM-12: neither input is modified and arrays are not shared', () => {
    // GIVEN
    const base = { command: ['a'], resourceRequirements: [{ type: 'VCPU', value: '1' }] };
    const override = { command: ['b'], resourceRequirements: [{ type: 'MEMORY', value: '4' }] };
    const before = JSON.stringify([base, override]);

    // WHEN
    const merged = mergeContainer(base, override);
    (merged.command as string[]).push('mutated');

    // THEN
    expect(JSON.stringify([base, override])).toBe(before);
    expect(merged.resourceRequirements).not.toBe(base.resourceRequirements);
  });
});
