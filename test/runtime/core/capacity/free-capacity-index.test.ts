import { demand, managedCe } from './capacity-fixtures';
import { getInstanceType } from '../../../../src/instance-catalog/instance-catalog';
import { ContainerInstance, InstancePlacement } from '../../../../src/runtime/core/capacity/container-instance';
import { FreeCapacityIndex } from '../../../../src/runtime/core/capacity/free-capacity-index';

const CE = managedCe('ce', {});
const owner = { placementReleased: () => undefined };
let serial = 0;

function host(type: string, vcpus: number, memoryMiB: number, gpus = 0): ContainerInstance {
  serial++;
  return new ContainerInstance(`i-${serial}`, `arn:${serial}`, { spec: getInstanceType(type), vcpus, memoryMiB, gpus }, 0, 0);
}

function use(index: FreeCapacityIndex, instance: ContainerInstance, vcpus: number, memoryMiB: number): void {
  instance.take(new InstancePlacement(CE, instance, vcpus, memoryMiB, 0, 0, owner));
  index.file(instance);
}

describe('FreeCapacityIndex', () => {
  test('SCHED-4: finds the tightest fit: least free vCPUs, then least free memory', () => {
    // GIVEN instances with 3, 1 and 1 free vCPUs, the last with less free memory
    const index = new FreeCapacityIndex();
    const roomy = host('c5.xlarge', 4, 8000);
    const tight = host('c5.xlarge', 4, 8000);
    const tightest = host('c5.xlarge', 4, 8000);
    [roomy, tight, tightest].forEach((instance) => index.file(instance));
    use(index, roomy, 1, 0);
    use(index, tight, 3, 1000);
    use(index, tightest, 3, 4000);

    // WHEN / THEN a small job takes the tightest, a larger one the roomy one, a too-large one nothing
    expect(index.bestFit(demand(1, 1000))).toBe(tightest);
    expect(index.bestFit(demand(1, 5000))).toBe(tight);
    expect(index.bestFit(demand(2, 100))).toBe(roomy);
    expect(index.bestFit(demand(4, 100))).toBeUndefined();
  });

  test('SCHED-10: a pinned instance type only matches instances of that type', () => {
    const index = new FreeCapacityIndex();
    const c5 = host('c5.2xlarge', 8, 15000);
    index.file(c5);
    expect(index.bestFit(demand(1, 100, 0, 'm5.2xlarge'))).toBeUndefined();
    expect(index.bestFit(demand(1, 100, 0, 'c5.2xlarge'))).toBe(c5);
  });

  test('instances with equal free resources share one group, so a placement costs O(groups), not O(instances)', () => {
    // GIVEN 1,000 identical instances, half of them with one job
    const index = new FreeCapacityIndex();
    const instances = Array.from({ length: 1000 }, () => host('c5.large', 2, 3921));
    instances.forEach((instance) => index.file(instance));
    instances.slice(0, 500).forEach((instance) => use(index, instance, 1, 1024));

    // WHEN / THEN there are two groups, and the half-used instances are preferred
    expect(index.groupCount).toBe(2);
    expect(instances.slice(0, 500)).toContain(index.bestFit(demand(1, 1024)));

    // WHEN they are removed, THEN their groups go too
    instances.forEach((instance) => index.remove(instance));
    expect(index.groupCount).toBe(0);
    expect(index.bestFit(demand(1, 1))).toBeUndefined();
  });

  test('fractional resources fall back to string keys and are still found', () => {
    const index = new FreeCapacityIndex();
    const odd = host('c5.large', 0.5, 100.5);
    index.file(odd);
    expect(index.bestFit(demand(0.25, 100))).toBe(odd);
    expect(index.bestFit(demand(1, 100))).toBeUndefined();
  });
});
