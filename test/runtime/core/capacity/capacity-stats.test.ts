import { CapacityStatsRecorder } from '../../../../src/runtime/core/capacity/capacity-stats';

describe('CapacityStatsRecorder', () => {
  test('peak instances is the most at one time, across compute environments', () => {
    // GIVEN two instances in `a` and one in `b`, one of `a` ending before `b` starts
    const stats = new CapacityStatsRecorder();
    stats.launched('a', 2, 0);
    stats.launched('a', 4, 0);
    stats.terminated('a', 2, 0, 1000);
    stats.launched('b', 8, 1000);

    // WHEN / THEN peak overall 2, per CE 2 and 1; current 2
    const snapshot = stats.snapshot(1000);
    expect(snapshot.peakInstances).toBe(2);
    expect(snapshot.currentInstances).toBe(2);
    expect(snapshot.computeEnvironments.a).toMatchObject({
      peakInstances: 2, currentInstances: 1, currentvCpus: 4, launchedInstances: 2, terminatedInstances: 1,
    });
    expect(snapshot.computeEnvironments.b).toMatchObject({ peakInstances: 1, currentInstances: 1, currentvCpus: 8 });
  });

  test('instance-seconds count ended instances to their end and current ones to now', () => {
    const stats = new CapacityStatsRecorder();
    stats.launched('a', 2, 1000);
    stats.launched('a', 2, 3000);
    stats.terminated('a', 2, 1000, 6000);
    const snapshot = stats.snapshot(11_000);
    expect(snapshot.computeEnvironments.a.instanceSeconds).toBe(5 + 8);
    expect(snapshot.instanceSeconds).toBe(13);
  });
});
