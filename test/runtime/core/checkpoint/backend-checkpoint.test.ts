import { BatchBackend } from '../../../../src/runtime/core/backend';
import { VirtualClock } from '../../../../src/runtime/core/clock';
import { JobRunner } from '../../../../src/runtime/core/executor';
import { SeededIdGenerator } from '../../../../src/runtime/core/id-generator';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { SimulatedRunner } from '../../../../src/runtime/executors/simulated/simulated-runner';

const T0 = Date.UTC(2026, 0, 1);

function backendWith(runner: JobRunner): BatchBackend {
  return new BatchBackend({ clock: new VirtualClock(T0), ids: new SeededIdGenerator(3), runner });
}

describe('backendCheckpointParts', () => {
  test('#21 §2: GIVEN a backend whose runner carries state WHEN its checkpoint parts are listed THEN the live work follows the jobs and capacity, and the events come last', () => {
    // GIVEN
    const backend = backendWith(new SimulatedRunner({ behaviorFor: () => JobBehavior.succeed() }));

    // WHEN
    const keys = backend.checkpointParts().map((part) => part.key);

    // THEN restoring in this order puts live work onto restored jobs and instances, and events onto everything they act on
    expect(keys.slice(0, 2)).toEqual(['jobs', 'logs']);
    expect(keys.indexOf('jobs.live')).toBeGreaterThan(keys.indexOf('capacity.instances'));
    expect(keys).toContain('runner');
    expect(keys.slice(-2)).toEqual(['events', 'loop']);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('#21 §2: GIVEN a runner with no state of its own WHEN the parts are listed THEN there is no runner part', () => {
    // GIVEN a runner that does not implement checkpointState
    const inner = new SimulatedRunner({ behaviorFor: () => JobBehavior.succeed() });
    const stateless: JobRunner = { realTime: false, start: (launch, sink) => inner.start(launch, sink) };

    // WHEN
    const keys = backendWith(stateless).checkpointParts().map((part) => part.key);

    // THEN
    expect(keys).not.toContain('runner');
  });
});
