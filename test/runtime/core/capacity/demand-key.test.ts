import { demand } from './capacity-fixtures';
import { demandKey, resourceKey } from '../../../../src/runtime/core/capacity/demand-key';

describe('resourceKey', () => {
  test('distinct integral resources get distinct numeric keys; fractional or huge ones none', () => {
    const keys = new Set<number | undefined>();
    for (const vcpus of [0, 1, 96]) {
      for (const memory of [0, 1, 2048, 3_000_000]) {
        for (const gpus of [0, 1, 8]) keys.add(resourceKey(vcpus, memory, gpus));
      }
    }
    expect(keys.size).toBe(36);
    expect(resourceKey(0.5, 1, 0)).toBeUndefined();
    expect(resourceKey(1, 2 ** 26, 0)).toBeUndefined();
  });
});

describe('demandKey', () => {
  test('SCHED-10: a pinned instance type makes a different shape; equal shapes share a key', () => {
    expect(demandKey(demand(1, 2048))).toBe(demandKey({ vcpus: 1, memoryMiB: 2048, gpus: 0 }));
    expect(demandKey(demand(1, 2048, 0, 'c5.large'))).not.toBe(demandKey(demand(1, 2048)));
    expect(demandKey(demand(1, 2048, 0, 'c5.large'))).not.toBe(demandKey(demand(1, 2048, 0, 'c5.xlarge')));
    expect(demandKey(demand(0.5, 2048))).toBe('0.5/2048/0/');
  });
});
