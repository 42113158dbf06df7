import * as fc from 'fast-check';
import { demand, managedCe, newLoop, RecordingListener, T0 } from './capacity-fixtures';
import { getInstanceType } from '../../../../src/instance-catalog/instance-catalog';
import { InstanceCapacityOptions, REALISTIC_INSTANCE_START } from '../../../../src/runtime/core/capacity/capacity-options';
import { InstanceCapacity } from '../../../../src/runtime/core/capacity/instance-capacity';
import { ContainerDemand } from '../../../../src/runtime/core/types/demand';
import { Placement } from '../../../../src/runtime/core/types/placement';

/*
 * The fleet of one compute environment, seen through InstanceCapacity (which gives it its clock,
 * listener and settings): managed scaling (SCHED-5), allocation strategies (SCHED-6), instance
 * start delay, idle scale-down, and the no-over-commit property (SCHED-4).
 */

function setup(options: InstanceCapacityOptions = {}) {
  const loop = newLoop();
  const listener = new RecordingListener();
  const capacity = new InstanceCapacity(loop, listener, options);
  return { loop, listener, capacity };
}

const vcpusOf = (capacity: InstanceCapacity, ce: string) => capacity.instances(ce).reduce((sum, view) => sum + view.registeredvCpus, 0);

describe('managed scaling (SCHED-5)', () => {
  test('SCHED-5: a managed CE starts at desiredvCpus', () => {
    const { capacity } = setup();
    capacity.computeEnvironmentCreated(managedCe('ce', { instanceTypes: ['c5.large'], desiredvCpus: 8 }));
    expect(capacity.instances('ce').map((view) => view.instanceType)).toEqual(['c5.large', 'c5.large', 'c5.large', 'c5.large']);
  });

  test('SCHED-5: idle instances are scaled down after the idle time, never below minvCpus', () => {
    // GIVEN 8 vCPUs at start, minvCpus 4, idle time 60 s
    const { capacity, loop, listener } = setup({ scaleDownIdleMs: 60_000 });
    capacity.computeEnvironmentCreated(managedCe('ce', { instanceTypes: ['c5.large'], minvCpus: 4, desiredvCpus: 8 }));

    // WHEN just under the idle time passes, THEN nothing is terminated
    loop.runUntil(T0 + 59_999);
    expect(vcpusOf(capacity, 'ce')).toBe(8);

    // WHEN the idle time is reached, THEN the CE shrinks to minvCpus and the scheduler is told
    const changesBefore = listener.changes;
    loop.runUntil(T0 + 60_000);
    expect(vcpusOf(capacity, 'ce')).toBe(4);
    expect(listener.changes).toBeGreaterThan(changesBefore);
  });

  test('SCHED-5: an instance that worked meanwhile is measured from when it went idle again', () => {
    // GIVEN one idle instance, idle time 60 s, min 0
    const { capacity, loop } = setup({ scaleDownIdleMs: 60_000 });
    const ce = managedCe('ce', { instanceTypes: ['c5.large'], desiredvCpus: 2 });
    capacity.computeEnvironmentCreated(ce);

    // WHEN it runs a job from 30 s to 50 s
    loop.runUntil(T0 + 30_000);
    const placement = capacity.tryPlace(ce, demand(1, 1024), loop.now())!;
    loop.runUntil(T0 + 50_000);
    placement.release();

    // THEN it survives its first deadline and goes 60 s after the job ended
    loop.runUntil(T0 + 109_999);
    expect(capacity.instances('ce')).toHaveLength(1);
    loop.runUntil(T0 + 110_000);
    expect(capacity.instances('ce')).toHaveLength(0);
  });

  test('SCHED-5: on-demand BEST_FIT grows with demand up to maxvCpus and never beyond', () => {
    const { capacity } = setup();
    const ce = managedCe('ce', { instanceTypes: ['c5'], maxvCpus: 3 });
    expect(capacity.tryPlace(ce, demand(2, 1024), T0)).toBeDefined();
    expect(capacity.tryPlace(ce, demand(2, 1024), T0)).toBeUndefined();
    expect(vcpusOf(capacity, 'ce')).toBe(2);
  });

  test('SCHED-5: BEST_FIT_PROGRESSIVE may exceed maxvCpus by one instance', () => {
    // GIVEN maxvCpus 3 and 2-vCPU jobs
    const { capacity } = setup();
    const ce = managedCe('ce', { instanceTypes: ['c5'], maxvCpus: 3, allocationStrategy: 'BEST_FIT_PROGRESSIVE' });

    // WHEN three are placed
    const placed = [1, 2, 3].map(() => capacity.tryPlace(ce, demand(2, 1024), T0));

    // THEN the second instance takes the CE to 4 vCPUs (one instance over), the third job waits
    expect(placed.map((placement) => placement?.instanceType)).toEqual(['c5.large', 'c5.large', undefined]);
    expect(vcpusOf(capacity, 'ce')).toBe(4);
  });

  test.each([
    ['BEST_FIT', 'SPOT'],
    ['SPOT_CAPACITY_OPTIMIZED', 'SPOT'],
    ['SPOT_PRICE_CAPACITY_OPTIMIZED', 'SPOT'],
  ])('SCHED-5: %s on %s may exceed maxvCpus by one instance', (allocationStrategy, type) => {
    const { capacity } = setup();
    const ce = managedCe('ce', { type, instanceTypes: ['c5.large'], maxvCpus: 3, allocationStrategy });
    const placed = [1, 2, 3].map(() => capacity.tryPlace(ce, demand(2, 1024), T0));
    expect(placed.filter((placement) => placement !== undefined)).toHaveLength(2);
    expect(vcpusOf(capacity, 'ce')).toBe(4);
  });

  test('SCHED-5: a job shape that could not be placed is placed once capacity grows (release, raised maxvCpus, EC2 capacity back)', () => {
    // GIVEN a full CE of one c5.large, and EC2 able to provide only one c5.large
    const { capacity } = setup({ instanceTypeAvailability: [{ instanceType: 'c5.large', maxInstances: 1 }] });
    const ce = managedCe('ce', { instanceTypes: ['c5.large'], maxvCpus: 2 });
    const first = capacity.tryPlace(ce, demand(2, 1024), T0)!;
    expect(capacity.tryPlace(ce, demand(2, 1024), T0)).toBeUndefined();
    expect(capacity.tryPlace(ce, demand(2, 1024), T0)).toBeUndefined();

    // WHEN the job ends, THEN the same shape fits again
    first.release();
    const second = capacity.tryPlace(ce, demand(2, 1024), T0)!;
    expect(second.instanceId).toBe(first.instanceId);

    // WHEN maxvCpus is raised in the record, THEN a launch is tried again, and waits for EC2
    ce.computeResources = { ...ce.computeResources!, maxvCpus: 4 };
    expect(capacity.tryPlace(ce, demand(2, 1024), T0)).toBeUndefined();

    // WHEN EC2 gets its c5.large back (the instance is terminated), THEN a new one is launched
    capacity.terminateInstance('ce', first.instanceId!);
    expect(capacity.tryPlace(ce, demand(2, 1024), T0)).toBeDefined();
    expect(capacity.tryPlace(ce, demand(2, 1024), T0)).toBeUndefined();
  });

  test('SCHED-5: BEST_FIT_PROGRESSIVE takes a further type within maxvCpus before exceeding it', () => {
    // GIVEN c5.xlarge (cheapest per vCPU) and m5.large, maxvCpus 6, one c5.xlarge running
    const { capacity } = setup();
    const ce = managedCe('ce', { instanceTypes: ['c5.xlarge', 'm5.large'], maxvCpus: 6, allocationStrategy: 'BEST_FIT_PROGRESSIVE' });
    expect(capacity.tryPlace(ce, demand(4, 1024), T0)!.instanceType).toBe('c5.xlarge');

    // WHEN a job needs a new instance and only 2 vCPUs of maxvCpus are left
    const next = capacity.tryPlace(ce, demand(1, 2048), T0)!;

    // THEN it gets an m5.large (within maxvCpus), not a second c5.xlarge (over it)
    expect(next.instanceType).toBe('m5.large');
    expect(vcpusOf(capacity, 'ce')).toBe(6);
  });
});

describe('allocation strategies (SCHED-6)', () => {
  test('SCHED-6: BEST_FIT launches the cheapest type that fits the job', () => {
    const { capacity } = setup();
    const ce = managedCe('ce', { instanceTypes: ['optimal'] });
    expect(capacity.tryPlace(ce, demand(1, 1024), T0)!.instanceType).toBe('c5.large');
    expect(capacity.tryPlace(ce, demand(3, 1024), T0)!.instanceType).toBe('c5.xlarge');
    expect(capacity.tryPlace(ce, demand(1, 15_000), T0)!.instanceType).toBe('r5.large');
  });

  test('SCHED-6: BEST_FIT waits when EC2 has no more of its type; BEST_FIT_PROGRESSIVE moves on to the next', () => {
    // GIVEN EC2 can provide a single c5.large, shared by two CEs
    const { capacity } = setup({ instanceTypeAvailability: [{ instanceType: 'c5.large', maxInstances: 1 }] });
    const bestFit = managedCe('best-fit', { instanceTypes: ['c5'] });
    const progressive = managedCe('progressive', { instanceTypes: ['c5'], allocationStrategy: 'BEST_FIT_PROGRESSIVE' });
    expect(capacity.tryPlace(bestFit, demand(2, 1024), T0)!.instanceType).toBe('c5.large');

    // WHEN each CE needs another instance for a 2-vCPU job
    const waiting = capacity.tryPlace(bestFit, demand(2, 1024), T0);
    const movedOn = capacity.tryPlace(progressive, demand(2, 1024), T0);

    // THEN BEST_FIT waits (and says why), BEST_FIT_PROGRESSIVE launches the next type by cost per vCPU
    expect(waiting).toBeUndefined();
    expect(capacity.explainWait(bestFit, demand(2, 1024))).toBe(
      'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - EC2 has no more capacity of c5.large for compute environment best-fit (SCHED-6)');
    expect(movedOn!.instanceType).toBe('c5.xlarge');
  });

  test('SCHED-6: SPOT_CAPACITY_OPTIMIZED takes the least interrupted type; SPOT_PRICE_CAPACITY_OPTIMIZED the cheapest of the least interrupted band', () => {
    // GIVEN c5.large (cheapest per vCPU, risk 4%), m5.large (risk 1%), c4.large (risk 12%)
    const spotInterruptionRisks = [
      { instanceType: 'c5.large', risk: 0.04 },
      { instanceType: 'm5.large', risk: 0.01 },
      { instanceType: 'c4.large', risk: 0.12 },
    ];
    const { capacity } = setup({ spotInterruptionRisks });
    const types = { type: 'SPOT', instanceTypes: ['c5.large', 'm5.large', 'c4.large'] };
    const capacityOptimized = managedCe('co', { ...types, allocationStrategy: 'SPOT_CAPACITY_OPTIMIZED' });
    const priceCapacityOptimized = managedCe('pco', { ...types, allocationStrategy: 'SPOT_PRICE_CAPACITY_OPTIMIZED' });

    // WHEN / THEN both in the < 5% band; capacity-optimized takes the lowest risk, price-capacity the lower price
    expect(capacity.tryPlace(capacityOptimized, demand(1, 1024), T0)!.instanceType).toBe('m5.large');
    expect(capacity.tryPlace(priceCapacityOptimized, demand(1, 1024), T0)!.instanceType).toBe('c5.large');
  });
});

describe('instance start delay', () => {
  test('placements on a starting instance are ready when the instance is; running instances place at once', () => {
    // GIVEN instances that take 90 s to start
    const { capacity, loop } = setup({ instanceStart: { baseDelayMs: 90_000 } });
    const ce = managedCe('ce', { instanceTypes: ['c5.xlarge'] });

    // WHEN a job launches an instance and another job joins it 10 s later
    const first = capacity.tryPlace(ce, demand(1, 1024), T0)!;
    loop.runUntil(T0 + 10_000);
    const second = capacity.tryPlace(ce, demand(1, 1024), loop.now())!;

    // THEN both start when the instance is up
    expect(first.readyAt).toBe(T0 + 90_000);
    expect(second.instanceId).toBe(first.instanceId);
    expect(second.readyAt).toBe(T0 + 90_000);

    // WHEN a job arrives after it is up, THEN it is ready at once
    loop.runUntil(T0 + 100_000);
    expect(capacity.tryPlace(ce, demand(1, 1024), loop.now())!.readyAt).toBe(T0 + 100_000);
  });

  test('the realistic profile adds the GPU AMI and the Spot request to the base delay', () => {
    const { capacity } = setup({ instanceStart: REALISTIC_INSTANCE_START });
    const spotGpu = managedCe('spot-gpu', { type: 'SPOT', instanceTypes: ['g4dn.xlarge'], allocationStrategy: 'SPOT_CAPACITY_OPTIMIZED' });
    const onDemandCpu = managedCe('cpu', { instanceTypes: ['c5.large'] });
    expect(capacity.tryPlace(spotGpu, demand(1, 1024, 1), T0)!.readyAt).toBe(T0 + 120_000 + 60_000 + 30_000);
    expect(capacity.tryPlace(onDemandCpu, demand(1, 1024), T0)!.readyAt).toBe(T0 + 120_000);
  });
});

describe('idle scale-down and scheduling passes', () => {
  test('SCHED-5: at zero idle time a released instance is reused by the pass its release asked for, not terminated first', () => {
    // GIVEN a core that, when told capacity changed, runs a pass at the same instant placing a waiting job
    const loop = newLoop();
    const waiting: ContainerDemand[] = [];
    const placed: Placement[] = [];
    const ce = managedCe('ce', { instanceTypes: ['c5.large'] });
    let pendingPass = false;
    const capacity: InstanceCapacity = new InstanceCapacity(loop, {
      capacityChanged: () => {
        if (pendingPass) return;
        pendingPass = true;
        loop.after(0, () => {
          pendingPass = false;
          while (waiting.length > 0) placed.push(capacity.tryPlace(ce, waiting.shift()!, loop.now())!);
        });
      },
      instanceTerminated: () => undefined,
    }, { scaleDownIdleMs: 0 });
    const first = capacity.tryPlace(ce, demand(2, 1024), T0)!;

    // WHEN the job ends while another waits
    waiting.push(demand(2, 1024));
    first.release();
    loop.runUntilIdle();

    // THEN the waiting job got the same instance, which then stays busy
    expect(placed[0].instanceId).toBe(first.instanceId);
    expect(capacity.stats().computeEnvironments.ce.launchedInstances).toBe(1);
    expect(capacity.instances('ce')).toHaveLength(1);
  });
});

describe('no over-commit (SCHED-4, SCHED-5) under random workloads', () => {
  // Plain checks rather than expect(): 60,000 steps of expect() matchers dominate the run time.
  const check = (condition: boolean, message: string): void => {
    if (!condition) throw new Error(message);
  };
  const TYPES = ['c5.large', 'c5.xlarge', 'm5.large', 'r5.large', 'p3.2xlarge', 'g4dn.xlarge', 'c5.4xlarge'];
  const STRATEGIES = ['BEST_FIT', 'BEST_FIT_PROGRESSIVE', 'SPOT_CAPACITY_OPTIMIZED', 'SPOT_PRICE_CAPACITY_OPTIMIZED'];
  const operation = fc.oneof(
    // A few common shapes (repeats exercise the remembered failures) and arbitrary ones.
    fc.record({
      kind: fc.constant('place' as const),
      vcpus: fc.oneof(fc.constantFrom(1, 2), fc.integer({ min: 1, max: 8 })),
      memoryMiB: fc.oneof(fc.constantFrom(512, 2048, 7000), fc.integer({ min: 4, max: 20_000 })),
      gpus: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 })),
    }),
    fc.record({ kind: fc.constant('release' as const), index: fc.nat() }),
    fc.record({ kind: fc.constant('terminate' as const), index: fc.nat() }),
    fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 120_000 }) }),
  );
  const environment = fc.record({
    strategy: fc.constantFrom(...STRATEGIES),
    spot: fc.boolean(),
    types: fc.subarray(TYPES, { minLength: 1 }),
    maxvCpus: fc.integer({ min: 1, max: 48 }),
    minFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    desiredFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    idleMs: fc.integer({ min: 0, max: 60_000 }),
  });

  test('SCHED-4: instances\' vCPUs, memory and GPUs are never over-committed; SCHED-5: maxvCpus is exceeded by at most one instance', () => {
    fc.assert(fc.property(environment, fc.array(operation, { maxLength: 60 }), (env, operations) => {
      // GIVEN a CE drawn from the environment
      const loop = newLoop();
      const capacity = new InstanceCapacity(loop, new RecordingListener(), { scaleDownIdleMs: env.idleMs });
      const minvCpus = Math.floor(env.maxvCpus * env.minFraction);
      const desiredvCpus = minvCpus + Math.floor((env.maxvCpus - minvCpus) * env.desiredFraction);
      const spot = env.spot || env.strategy.startsWith('SPOT_');
      const ce = managedCe('ce', {
        type: spot ? 'SPOT' : 'EC2', instanceTypes: env.types, allocationStrategy: env.strategy, maxvCpus: env.maxvCpus, minvCpus, desiredvCpus,
      });
      capacity.computeEnvironmentCreated(ce);
      const overshoot = env.strategy !== 'BEST_FIT' || spot ? Math.max(...env.types.map((name) => getInstanceType(name).vcpus)) - 1 : 0;
      const live: Placement[] = [];
      const demands = new Map<Placement, ContainerDemand>();

      // WHEN the operations run
      for (const op of operations) {
        if (op.kind === 'place') {
          const asked = demand(op.vcpus, op.memoryMiB, op.gpus);
          const placement = capacity.tryPlace(ce, asked, loop.now());
          if (placement) {
            live.push(placement);
            demands.set(placement, asked);
          }
        } else if (op.kind === 'release' && live.length > 0) {
          live.splice(op.index % live.length, 1)[0].release();
        } else if (op.kind === 'terminate') {
          const instances = capacity.instances('ce');
          if (instances.length > 0) {
            const { lostPlacements } = capacity.terminateInstance('ce', instances[op.index % instances.length].instanceId);
            for (const lost of lostPlacements) live.splice(live.indexOf(lost), 1);
          }
        } else if (op.kind === 'advance') {
          loop.runUntil(loop.now() + op.ms);
        }

        // THEN every instance's registered resources equal its free ones plus its live placements'
        const views = capacity.instances('ce');
        for (const view of views) {
          const mine = live.filter((placement) => placement.instanceId === view.instanceId).map((placement) => demands.get(placement)!);
          const used = (pick: (d: ContainerDemand) => number) => mine.reduce((sum, d) => sum + pick(d), 0);
          check(view.freevCpus >= 0 && view.freeMemoryMiB >= 0 && view.freeGpus >= 0, `negative free resources on ${JSON.stringify(view)}`);
          check(view.registeredvCpus - view.freevCpus === used((d) => d.vcpus), `vCPUs of ${view.instanceId} do not add up`);
          check(view.registeredMemoryMiB - view.freeMemoryMiB === used((d) => d.memoryMiB), `memory of ${view.instanceId} does not add up`);
          check(view.registeredGpus - view.freeGpus === used((d) => d.gpus), `GPUs of ${view.instanceId} do not add up`);
        }
        check(live.every((placement) => views.some((view) => view.instanceId === placement.instanceId)), 'a live placement is on no instance');
        const total = views.reduce((sum, view) => sum + view.registeredvCpus, 0);
        check(total <= env.maxvCpus + overshoot, `${total} vCPUs exceed maxvCpus ${env.maxvCpus} by more than one instance`);
      }
    }), { numRuns: 1000 });
  });
});
