import { demand, managedCe, newLoop, RecordingListener, T0 } from './capacity-fixtures';
import { getInstanceType, registeredMemoryMiB } from '../../../../src/instance-catalog/instance-catalog';
import { InstanceCapacity } from '../../../../src/runtime/core/capacity/instance-capacity';
import { InstanceLifecycleEvent } from '../../../../src/runtime/core/capacity/instance-lifecycle-listener';

describe('InstanceLifecycleListener', () => {
  test('SCHED-4, SCHED-8: a launch and a termination are told with the registered resources and times', () => {
    // GIVEN a lifecycle listener on a CE of c5.xlarge
    const loop = newLoop();
    const capacity = new InstanceCapacity(loop, new RecordingListener());
    const events: Array<[string, InstanceLifecycleEvent]> = [];
    capacity.addInstanceLifecycleListener({
      instanceLaunched: (event) => events.push(['launched', event]),
      instanceTerminated: (event) => events.push(['terminated', event]),
    });
    const ce = managedCe('ce', { instanceTypes: ['c5.xlarge'] });

    // WHEN a job is placed (an instance launches) and its instance is terminated 10 s later
    const placement = capacity.tryPlace(ce, demand(1, 1024), T0)!;
    loop.runUntil(T0 + 10_000);
    capacity.terminateInstance('ce', placement.instanceId!);

    // THEN
    const expected = {
      computeEnvironmentName: 'ce',
      instanceId: placement.instanceId,
      instanceType: 'c5.xlarge',
      containerInstanceArn: placement.containerInstanceArn,
      vcpus: 4,
      memoryMiB: registeredMemoryMiB(getInstanceType('c5.xlarge')),
      launchedAt: T0,
    };
    expect(events).toEqual([['launched', { ...expected, at: T0 }], ['terminated', { ...expected, at: T0 + 10_000 }]]);
  });

  test('without listeners no event is built', () => {
    // GIVEN no listener; WHEN an instance launches; THEN nothing fails and the stats still count it
    const capacity = new InstanceCapacity(newLoop(), new RecordingListener());
    capacity.tryPlace(managedCe('ce', { instanceTypes: ['c5.xlarge'] }), demand(1, 1024), T0);
    expect(capacity.stats().peakInstances).toBe(1);
  });
});
