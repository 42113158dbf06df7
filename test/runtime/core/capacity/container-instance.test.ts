import { demand, managedCe } from './capacity-fixtures';
import { getInstanceType } from '../../../../src/instance-catalog/instance-catalog';
import { ContainerInstance, fitsResources, InstancePlacement, PlacementOwner } from '../../../../src/runtime/core/capacity/container-instance';

const CE = managedCe('ce', {});

function instance(): ContainerInstance {
  const spec = getInstanceType('p3.2xlarge');
  return new ContainerInstance('i-1', 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/1', { spec, vcpus: 8, memoryMiB: 60_000, gpus: 1 }, 0, 0);
}

class CountingOwner implements PlacementOwner {
  releases = 0;
  placementReleased(placement: InstancePlacement): void {
    this.releases++;
    placement.instance.give(placement);
  }
}

describe('ContainerInstance', () => {
  test('SCHED-4: taking and giving back resources keeps free = registered - placed', () => {
    // GIVEN an instance and a placement of 2 vCPUs, 1000 MiB and its GPU
    const owner = new CountingOwner();
    const host = instance();
    const placement = new InstancePlacement(CE, host, 2, 1000, 1, 0, owner);

    // WHEN it is taken, THEN the GPU is pinned and the rest reduced
    host.take(placement);
    expect(host.free).toEqual({ vcpus: 6, memoryMiB: 59_000, gpus: 0 });
    expect(host.isIdle).toBe(false);

    // WHEN it is released twice, THEN the resources come back once
    placement.release();
    placement.release();
    expect(owner.releases).toBe(1);
    expect(host.free).toEqual({ vcpus: 8, memoryMiB: 60_000, gpus: 1 });
    expect(host.isIdle).toBe(true);
  });

  test('SCHED-4: over-committing throws instead of going negative', () => {
    const host = instance();
    host.take(new InstancePlacement(CE, host, 1, 10, 1, 0, new CountingOwner()));
    expect(() => host.take(new InstancePlacement(CE, host, 1, 10, 1, 0, new CountingOwner()))).toThrow(/i-1 \(p3.2xlarge\) would be over-committed/);
    expect(host.free.gpus).toBe(0);
  });

  test('a placement reports its instance\'s id, type and container instance ARN', () => {
    const host = instance();
    const placement = new InstancePlacement(CE, host, 1, 10, 0, 5, new CountingOwner());
    expect([placement.instanceId, placement.instanceType, placement.containerInstanceArn, placement.readyAt])
      .toEqual(['i-1', 'p3.2xlarge', host.containerInstanceArn, 5]);
  });
});

describe('fitsResources', () => {
  test('SCHED-4: a demand fits when vCPUs, memory and GPUs all fit', () => {
    const free = { vcpus: 2, memoryMiB: 1000, gpus: 0 };
    expect(fitsResources(free, demand(2, 1000))).toBe(true);
    expect(fitsResources(free, demand(3, 1000))).toBe(false);
    expect(fitsResources(free, demand(2, 1001))).toBe(false);
    expect(fitsResources(free, demand(1, 10, 1))).toBe(false);
  });
});
