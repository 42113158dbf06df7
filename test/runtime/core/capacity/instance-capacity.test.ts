import { demand, fargateDemand, managedCe, newLoop, RecordingListener, T0, unmanagedCe } from './capacity-fixtures';
import { getInstanceType, registeredMemoryMiB } from '../../../../src/instance-catalog/instance-catalog';
import { InstanceCapacityOptions } from '../../../../src/runtime/core/capacity/capacity-options';
import { InstanceCapacity } from '../../../../src/runtime/core/capacity/instance-capacity';
import { ComputeEnvironmentRecord } from '../../../../src/runtime/core/model/records';
import { Placement } from '../../../../src/runtime/core/types/placement';

function setup(options: InstanceCapacityOptions = {}) {
  const loop = newLoop();
  const listener = new RecordingListener();
  const capacity = new InstanceCapacity(loop, listener, options);
  return { loop, listener, capacity };
}

function placeAll(capacity: InstanceCapacity, ce: ComputeEnvironmentRecord, count: number, vcpus: number, memoryMiB: number): Placement[] {
  const placements: Placement[] = [];
  for (let i = 0; i < count; i++) {
    const placement = capacity.tryPlace(ce, demand(vcpus, memoryMiB), T0);
    if (!placement) throw new Error(`placement ${i} failed`);
    placements.push(placement);
  }
  return placements;
}

describe('bin-packing (SCHED-4)', () => {
  test('SCHED-4: jobs share an instance while its vCPUs and memory last, then a second instance is launched', () => {
    // GIVEN a CE of c5.xlarge (4 vCPUs)
    const { capacity } = setup();
    const ce = managedCe('ce', { instanceTypes: ['c5.xlarge'] });

    // WHEN five 1-vCPU jobs are placed
    const placements = placeAll(capacity, ce, 5, 1, 1024);

    // THEN the first four share one instance and the fifth has a new one
    const instanceIds = placements.map((placement) => placement.instanceId);
    expect(new Set(instanceIds.slice(0, 4)).size).toBe(1);
    expect(instanceIds[4]).not.toBe(instanceIds[0]);
    expect(capacity.instances('ce')).toHaveLength(2);
  });

  test('SCHED-4: memory limits packing even when vCPUs are free', () => {
    // GIVEN c5.xlarge instances, which register less than 8000 MiB
    const { capacity } = setup();
    const ce = managedCe('ce', { instanceTypes: ['c5.xlarge'] });

    // WHEN two 1-vCPU jobs of 4000 MiB are placed
    const [first, second] = placeAll(capacity, ce, 2, 1, 4000);

    // THEN they are on different instances, although the first has 3 vCPUs free
    expect(second.instanceId).not.toBe(first.instanceId);
    const firstView = capacity.instances('ce').find((view) => view.instanceId === first.instanceId)!;
    expect(firstView.freevCpus).toBe(3);
    expect(firstView.freeMemoryMiB).toBe(registeredMemoryMiB(getInstanceType('c5.xlarge')) - 4000);
  });

  test('SCHED-4: a GPU is pinned to one job until it is released', () => {
    // GIVEN a CE of p3.2xlarge (8 vCPUs, 1 GPU)
    const { capacity } = setup();
    const ce = managedCe('gpu', { instanceTypes: ['p3.2xlarge'] });
    const first = capacity.tryPlace(ce, demand(1, 1024, 1), T0)!;

    // WHEN a second GPU job and a CPU job are placed
    const second = capacity.tryPlace(ce, demand(1, 1024, 1), T0)!;
    const cpuJob = capacity.tryPlace(ce, demand(1, 1024), T0)!;

    // THEN the second GPU job needs another instance; the CPU job shares the first
    expect(second.instanceId).not.toBe(first.instanceId);
    expect([first.instanceId, second.instanceId]).toContain(cpuJob.instanceId);

    // WHEN the first GPU job ends, THEN its GPU is free for the next GPU job on that instance
    first.release();
    expect(capacity.tryPlace(ce, demand(1, 1024, 1), T0)!.instanceId).toBe(first.instanceId);
  });

  test('SCHED-4: the job goes to the instance it fits most tightly (bin-packing, not spreading)', () => {
    // GIVEN two c5.xlarge instances: A with 1 vCPU free, B with 2
    const { capacity } = setup();
    const ce = managedCe('ce', { instanceTypes: ['c5.xlarge'] });
    const [a] = placeAll(capacity, ce, 1, 3, 1024);
    const [b] = placeAll(capacity, ce, 1, 2, 1024);
    expect(b.instanceId).not.toBe(a.instanceId);

    // WHEN a 1-vCPU job arrives
    const placement = capacity.tryPlace(ce, demand(1, 1024), T0)!;

    // THEN it fills A, keeping B's larger hole for a larger job
    expect(placement.instanceId).toBe(a.instanceId);
    expect(capacity.tryPlace(ce, demand(2, 1024), T0)!.instanceId).toBe(b.instanceId);
  });
});

describe('registered memory (SCHED-8)', () => {
  test('SCHED-8: 8192 MiB never fits m4.large', () => {
    // GIVEN a CE of m4.large only (8 GiB installed, 7953 MiB registered)
    const { capacity } = setup();
    const ce = managedCe('ce', { instanceTypes: ['m4.large'] });

    // WHEN an 8192 MiB job is checked and tried
    const verdict = capacity.canEverFit(ce, demand(1, 8192));
    const placement = capacity.tryPlace(ce, demand(1, 8192), T0);

    // THEN it never fits, the reason names the type, what it registers and the shortfall; nothing was launched
    expect(verdict).toEqual({
      fits: false,
      reason: 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - needs 8192 MiB memory, the largest instance type m4.large registers 7953 MiB (short by 239 MiB)',
    });
    expect(placement).toBeUndefined();
    expect(capacity.instances('ce')).toHaveLength(0);
  });

  test('SCHED-8: 7953 MiB, all an m4.large registers, fits it', () => {
    const { capacity } = setup();
    const ce = managedCe('ce', { instanceTypes: ['m4.large'] });
    expect(capacity.canEverFit(ce, demand(2, 7953)).fits).toBe(true);
    expect(capacity.tryPlace(ce, demand(2, 7953), T0)?.instanceType).toBe('m4.large');
  });

  test('SCHED-8: ECS_RESERVED_MEMORY from the CE launch template lowers the registered memory', () => {
    // GIVEN a launch template that reserves 256 MiB, referenced by name
    const { capacity } = setup({ launchTemplates: [{ launchTemplateName: 'reserve-256', ecsReservedMemoryMiB: 256 }] });
    const ce = managedCe('ce', { instanceTypes: ['m4.large'], launchTemplate: { launchTemplateName: 'reserve-256' } });

    // WHEN / THEN m4.large registers 7985 - 256 = 7729 MiB
    expect(capacity.canEverFit(ce, demand(1, 7729)).fits).toBe(true);
    expect(capacity.canEverFit(ce, demand(1, 7730)).reason).toBe(
      'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - needs 7730 MiB memory, the largest instance type m4.large registers 7729 MiB (short by 1 MiB)');
  });

  test('SCHED-8: a launch template referenced by id is matched by id', () => {
    const { capacity } = setup();
    capacity.registerLaunchTemplate({ launchTemplateId: 'lt-0abc', ecsReservedMemoryMiB: 1032 });
    const ce = managedCe('ce', { instanceTypes: ['m4.large'], launchTemplate: { launchTemplateId: 'lt-0abc' } });
    expect(capacity.canEverFit(ce, demand(1, 6953)).fits).toBe(true);
    expect(capacity.canEverFit(ce, demand(1, 6954)).fits).toBe(false);
  });

  test('SCHED-8: an invalid ECS_RESERVED_MEMORY is rejected, naming the value', () => {
    const { capacity } = setup();
    expect(() => capacity.registerLaunchTemplate({ launchTemplateName: 'x', ecsReservedMemoryMiB: -1 })).toThrow(/ECS_RESERVED_MEMORY: -1 is invalid/);
  });
});

describe('GPU and pinned instance types (SCHED-9, SCHED-10)', () => {
  test('SCHED-9: a GPU job never fits a CE without GPU instance types, and says so', () => {
    const { capacity } = setup();
    const ce = managedCe('cpu', { instanceTypes: ['c5', 'm5.large'] });
    const verdict = capacity.canEverFit(ce, demand(1, 1024, 1));
    expect(verdict.fits).toBe(false);
    expect(verdict.reason).toBe('MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - needs 1 GPU, but compute environment cpu has no GPU instance types (c5, m5.large) (SCHED-9)');
    expect(capacity.tryPlace(ce, demand(1, 1024, 1), T0)).toBeUndefined();
  });

  test('SCHED-9: a GPU job launches a GPU type; a CPU job may run on a GPU instance', () => {
    // GIVEN a CE mixing c5 and g4dn
    const { capacity } = setup();
    const ce = managedCe('mixed', { instanceTypes: ['c5.large', 'g4dn.xlarge'] });

    // WHEN a GPU job is placed, THEN it gets a g4dn
    const gpuJob = capacity.tryPlace(ce, demand(1, 1024, 1), T0)!;
    expect(gpuJob.instanceType).toBe('g4dn.xlarge');

    // WHEN a CPU job follows, THEN it may share the GPU instance, which has room
    expect(capacity.tryPlace(ce, demand(1, 1024), T0)!.instanceId).toBe(gpuJob.instanceId);
  });

  test('SCHED-9: asking for more GPUs than any type has is diagnosed with the shortfall', () => {
    const { capacity } = setup();
    const ce = managedCe('gpu', { instanceTypes: ['p3.2xlarge', 'p3.8xlarge'] });
    expect(capacity.canEverFit(ce, demand(1, 1024, 8)).reason).toBe(
      'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - needs 8 GPUs, the largest instance type p3.8xlarge has 4 GPUs (short by 4 GPUs)');
  });

  test('SCHED-10: a pinned instance type the CE cannot launch never fits, naming what it can launch', () => {
    const { capacity } = setup();
    const ce = managedCe('ce', { instanceTypes: ['c5'] });
    expect(capacity.canEverFit(ce, demand(1, 1024, 0, 'm5.large')).reason).toBe(
      'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - instance type m5.large is not launchable by compute environment ce (its instance types: c5) (SCHED-10)');
  });

  test('SCHED-10: a pinned instance type is launched even when a cheaper type would fit, and only its instances are used', () => {
    // GIVEN an instance of c5.large with room
    const { capacity } = setup();
    const ce = managedCe('ce', { instanceTypes: ['c5'] });
    const small = capacity.tryPlace(ce, demand(1, 1024), T0)!;
    expect(small.instanceType).toBe('c5.large');

    // WHEN a job pinned to c5.2xlarge is placed
    const pinned = capacity.tryPlace(ce, demand(1, 1024, 0, 'c5.2xlarge'), T0)!;

    // THEN it gets a c5.2xlarge, not the free room on the c5.large
    expect(pinned.instanceType).toBe('c5.2xlarge');
    expect(pinned.instanceId).not.toBe(small.instanceId);
  });
});

describe('unmanaged compute environments (SCHED-7, CE-2)', () => {
  test('SCHED-7: capacity is exactly the configured instances; there is no scaling', () => {
    // GIVEN an unmanaged CE with two m5.large
    const { capacity } = setup({ unmanagedInstances: [{ computeEnvironment: 'own', instanceType: 'm5.large', count: 2 }] });
    const ce = unmanagedCe('own');

    // WHEN five 1-vCPU jobs are tried
    const placed = [1, 2, 3, 4, 5].map(() => capacity.tryPlace(ce, demand(1, 1024), T0));

    // THEN four fit (2 x 2 vCPUs), the fifth waits, and no instance was added
    expect(placed.filter((placement) => placement !== undefined)).toHaveLength(4);
    expect(placed[4]).toBeUndefined();
    expect(capacity.instances('own')).toHaveLength(2);
    expect(capacity.explainWait(ce, demand(1, 1024))).toBe(
      'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - the 2 container instances of unmanaged compute environment own are busy (SCHED-7)');
  });

  test('SCHED-7: an unmanaged CE without instances can run nothing until one registers', () => {
    // GIVEN an unmanaged CE with no instance configured
    const { capacity, listener } = setup();
    const ce = unmanagedCe('empty');
    capacity.computeEnvironmentCreated(ce);
    expect(capacity.canEverFit(ce, demand(1, 1024)).reason).toBe(
      'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - unmanaged compute environment empty has no container instances registered (SCHED-7)');

    // WHEN an instance registers (CE-2: it joins the CE's ECS cluster)
    const instanceId = capacity.registerInstance('empty', 'c5.xlarge');

    // THEN the job fits, the scheduler is told, and the instance's ARN is in the CE's cluster
    expect(capacity.canEverFit(ce, demand(1, 1024)).fits).toBe(true);
    expect(listener.changes).toBeGreaterThan(0);
    const placement = capacity.tryPlace(ce, demand(1, 1024), T0)!;
    expect(placement.instanceId).toBe(instanceId);
    expect(placement.containerInstanceArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:container-instance\/empty\/[0-9a-f]{32}$/);
  });

  test('SCHED-7: instances of a managed CE cannot be registered by hand', () => {
    const { capacity } = setup();
    capacity.computeEnvironmentCreated(managedCe('managed', { instanceTypes: ['c5'] }));
    expect(() => capacity.registerInstance('managed', 'c5.large')).toThrow(/managed is MANAGED/);
  });

  test('SCHED-7: an unknown instance type in the configuration is rejected at construction', () => {
    expect(() => setup({ unmanagedInstances: [{ computeEnvironment: 'own', instanceType: 'c5.huge' }] })).toThrow(/c5\.huge/);
  });
});

describe('DISABLED compute environments (LIFE-8)', () => {
  test('LIFE-8: a DISABLED CE places nothing, even with free instances; running jobs keep their place', () => {
    // GIVEN an enabled CE with a job placed
    const { capacity } = setup();
    const ce = managedCe('ce', { instanceTypes: ['c5.xlarge'] });
    const running = capacity.tryPlace(ce, demand(1, 1024), T0)!;

    // WHEN it is DISABLED
    ce.state = 'DISABLED';
    capacity.computeEnvironmentUpdated(ce);

    // THEN nothing more is placed, the running job's place stays, and the wait is explained
    expect(capacity.tryPlace(ce, demand(1, 1024), T0)).toBeUndefined();
    expect(capacity.instances('ce')[0].runningPlacements).toBe(1);
    expect(capacity.explainWait(ce, demand(1, 1024))).toBe('compute environment ce is DISABLED: it places no new jobs (LIFE-8)');
    running.release();
    expect(capacity.instances('ce')[0].runningPlacements).toBe(0);
  });

  test('LIFE-8: a CE created DISABLED starts at minvCpus, not desiredvCpus', () => {
    const { capacity } = setup();
    capacity.computeEnvironmentCreated(managedCe('ce', { instanceTypes: ['c5.large'], minvCpus: 2, desiredvCpus: 8 }, 'DISABLED'));
    expect(capacity.instances('ce').map((view) => view.instanceType)).toEqual(['c5.large']);
  });

  test('LIFE-8: a DISABLED CE scales down to minvCpus as its instances go idle', () => {
    // GIVEN a CE at 8 vCPUs (desired) with min 2, idle time 60 s
    const { capacity, loop } = setup({ scaleDownIdleMs: 60_000 });
    const ce = managedCe('ce', { instanceTypes: ['c5.large'], minvCpus: 2, desiredvCpus: 8 });
    capacity.computeEnvironmentCreated(ce);
    const busy = capacity.tryPlace(ce, demand(2, 1024), T0)!;

    // WHEN it is DISABLED and time passes
    ce.state = 'DISABLED';
    capacity.computeEnvironmentUpdated(ce);
    loop.runUntil(T0 + 60_000);

    // THEN the idle instances went; the busy one stays until its job ends, then the CE keeps min
    expect(capacity.instances('ce').map((view) => view.instanceId)).toEqual([busy.instanceId]);
    busy.release();
    loop.runUntil(T0 + 200_000);
    expect(capacity.instances('ce')).toHaveLength(1);
  });
});

describe('can-never-fit diagnostics (DIAG-2)', () => {
  test('DIAG-2: a vCPU shortfall names the largest type and the missing vCPUs', () => {
    const { capacity } = setup();
    const ce = managedCe('ce', { instanceTypes: ['c5.large', 'c5.xlarge'] });
    expect(capacity.canEverFit(ce, demand(6, 1024)).reason).toBe(
      'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - needs 6 vCPUs, the largest instance type c5.xlarge has 4 vCPUs (short by 2 vCPUs)');
  });

  test('DIAG-2: on-demand BEST_FIT whose choice exceeds maxvCpus is a COMPUTE_ENVIRONMENT_MAX_RESOURCE misconfiguration', () => {
    const { capacity } = setup();
    const ce = managedCe('small', { instanceTypes: ['c5'], maxvCpus: 2 });
    expect(capacity.canEverFit(ce, demand(4, 1024)).reason).toBe(
      'MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - BEST_FIT launches only c5.xlarge for it (4 vCPUs), more than maxvCpus 2 of compute environment small');
  });

  test('DIAG-2: the verdict follows a maxvCpus changed in the record', () => {
    const { capacity } = setup();
    const ce = managedCe('small', { instanceTypes: ['c5'], maxvCpus: 2 });
    expect(capacity.canEverFit(ce, demand(4, 1024)).fits).toBe(false);
    ce.computeResources = { ...ce.computeResources!, maxvCpus: 4 };
    expect(capacity.canEverFit(ce, demand(4, 1024)).fits).toBe(true);
  });

  test('DIAG-2: maxvCpus 0 can never run anything', () => {
    const { capacity } = setup();
    const ce = managedCe('zero', { instanceTypes: ['c5'], maxvCpus: 0, allocationStrategy: 'BEST_FIT_PROGRESSIVE' });
    expect(capacity.canEverFit(ce, demand(1, 1024)).reason).toBe(
      'MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - compute environment zero has maxvCpus 0: it can launch no instance');
  });

  test('DIAG-2: a job that waits for capacity is explained with the CE\'s vCPUs and maxvCpus', () => {
    const { capacity } = setup();
    const ce = managedCe('ce', { instanceTypes: ['c5.large'], maxvCpus: 2 });
    capacity.tryPlace(ce, demand(2, 1024), T0);
    expect(capacity.canEverFit(ce, demand(2, 1024)).fits).toBe(true);
    expect(capacity.explainWait(ce, demand(2, 1024))).toBe(
      'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - compute environment ce is at 2 of maxvCpus 2: waiting for running jobs to finish (SCHED-5)');
  });

  test('DIAG-2: an unknown instance type in the CE is reported instead of failing the scheduler', () => {
    const { capacity } = setup();
    const ce = managedCe('bad', { instanceTypes: ['c5.huge'] });
    expect(capacity.tryPlace(ce, demand(1, 1024), T0)).toBeUndefined();
    expect(capacity.canEverFit(ce, demand(1, 1024)).reason).toMatch(/^MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - instanceTypes: "c5.huge" is not a known c5 size/);
  });
});

describe('host failures (RETRY-3)', () => {
  test('RETRY-3: terminating an instance reports its placements as lost, with AWS\'s statusReason', () => {
    // GIVEN two jobs on one instance
    const { capacity, listener } = setup();
    const ce = managedCe('spot', { type: 'SPOT', instanceTypes: ['c5.xlarge'], allocationStrategy: 'SPOT_CAPACITY_OPTIMIZED' });
    const [a, b] = placeAll(capacity, ce, 2, 1, 1024);

    // WHEN the instance is reclaimed
    const termination = capacity.terminateInstance('spot', a.instanceId!);

    // THEN the core is told which placements were lost and why; the capacity is gone
    expect(listener.terminations).toEqual([termination]);
    expect(termination.lostPlacements).toEqual([a, b]);
    expect(termination.statusReason).toBe(`Host EC2 (instance ${a.instanceId}) terminated.`);
    expect(capacity.instances('spot')).toHaveLength(0);

    // WHEN the core releases the lost placements, THEN nothing happens (no capacity is resurrected)
    a.release();
    b.release();
    expect(capacity.instances('spot')).toHaveLength(0);

    // WHEN the retried job is placed, THEN a replacement instance is launched
    expect(capacity.tryPlace(ce, demand(1, 1024), T0)!.instanceId).not.toBe(a.instanceId);
  });

  test('RETRY-3: an idle instance can be terminated without telling the core of lost placements', () => {
    const { capacity, listener } = setup();
    const ce = managedCe('ce', { instanceTypes: ['c5.large'], desiredvCpus: 2 });
    capacity.computeEnvironmentCreated(ce);
    const [idle] = capacity.instances('ce');
    capacity.terminateInstance('ce', idle.instanceId);
    expect(listener.terminations).toEqual([]);
    expect(listener.changes).toBeGreaterThan(0);
  });

  test('RETRY-3: terminating an unknown instance throws, naming the instances there are', () => {
    const { capacity } = setup();
    const ce = managedCe('ce', { instanceTypes: ['c5.large'], desiredvCpus: 2 });
    capacity.computeEnvironmentCreated(ce);
    const [only] = capacity.instances('ce');
    expect(() => capacity.terminateInstance('ce', 'i-nope')).toThrow(`instanceId: "i-nope" is not an instance of compute environment ce; its instances: ${only.instanceId}`);
    expect(() => capacity.terminateInstance('other', 'i-nope')).toThrow(/"other" has no instances here; EC2 compute environments: ce/);
  });
});

describe('statistics', () => {
  test('peak and current instances per CE, and instance-seconds, follow launches and terminations', () => {
    // GIVEN three instances launched at T0 in one CE and one in another
    const { capacity, loop } = setup({ scaleDownIdleMs: Infinity });
    const ce = managedCe('a', { instanceTypes: ['c5.large'] });
    const placements = placeAll(capacity, ce, 3, 2, 1024);
    capacity.computeEnvironmentCreated(managedCe('b', { instanceTypes: ['c5.large'], desiredvCpus: 2 }));

    // WHEN 10 s pass and one instance of `a` is terminated
    loop.runUntil(T0 + 10_000);
    capacity.terminateInstance('a', placements[0].instanceId!);
    loop.runUntil(T0 + 20_000);

    // THEN peak is 4, current 3, and instance time is 10 + 3 x 20 s
    const stats = capacity.stats();
    expect(stats.peakInstances).toBe(4);
    expect(stats.currentInstances).toBe(3);
    expect(stats.computeEnvironments.a).toMatchObject({
      currentInstances: 2, peakInstances: 3, launchedInstances: 3, terminatedInstances: 1, currentvCpus: 4,
    });
    expect(stats.computeEnvironments.a.instanceSeconds).toBe(10 + 2 * 20);
    expect(stats.instanceSeconds).toBe(10 + 3 * 20);
  });
});

describe('Fargate compute environments', () => {
  test('Fargate CEs are a vCPU pool bounded by maxvCpus, without instances', () => {
    const { capacity } = setup();
    const ce = managedCe('fargate', { type: 'FARGATE', maxvCpus: 2 });
    expect(capacity.tryPlace(ce, fargateDemand(1, 2048), T0)?.instanceId).toBeUndefined();
    expect(capacity.tryPlace(ce, fargateDemand(1, 2048), T0)).toBeDefined();
    expect(capacity.tryPlace(ce, fargateDemand(1, 2048), T0)).toBeUndefined();
  });

  test('SCHED-9: a GPU job never fits Fargate', () => {
    const { capacity } = setup();
    const ce = managedCe('fargate', { type: 'FARGATE', maxvCpus: 16 });
    expect(capacity.canEverFit(ce, fargateDemand(1, 2048, 1)).reason).toMatch(/Fargate compute environment fargate has no GPUs \(SCHED-9\)/);
  });

  test('PLAT-1: an EC2 job is never placed on a Fargate CE, a Fargate job never on an EC2 or EKS CE; each says why', () => {
    // GIVEN a Fargate CE, an EC2 CE and an EKS CE (EC2 instances of an EKS cluster)
    const { capacity } = setup();
    const fargate = managedCe('fargate', { type: 'FARGATE', maxvCpus: 16 });
    const ec2 = managedCe('ec2', { type: 'EC2', maxvCpus: 16 });
    const eks = { ...managedCe('eks', { type: 'EC2', maxvCpus: 16 }), eksConfiguration: { eksClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/c', kubernetesNamespace: 'batch' } };

    // THEN
    expect(capacity.tryPlace(fargate, demand(1, 2048), T0)).toBeUndefined();
    expect(capacity.tryPlace(ec2, fargateDemand(1, 2048), T0)).toBeUndefined();
    expect(capacity.tryPlace(eks, demand(1, 2048), T0)).toBeUndefined();
    expect(capacity.tryPlace(eks, fargateDemand(1, 2048), T0)).toBeUndefined();
    expect(capacity.canEverFit(fargate, demand(1, 2048)).reason).toMatch(/^MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - an EC2 job runs only on EC2, SPOT or unmanaged .*fargate \(FARGATE\) is not one \(PLAT-1\)$/);
    expect(capacity.canEverFit(eks, demand(1, 2048)).reason).toMatch(/compute environment eks \(EKS, EC2\) is not one \(PLAT-1\)$/);
    expect(capacity.explainWait(ec2, fargateDemand(1, 2048))).toMatch(/a FARGATE job runs only on FARGATE or FARGATE_SPOT .*\(PLAT-1\)$/);
    expect(capacity.tryPlace(ec2, demand(1, 2048), T0)).toBeDefined();
  });
});

describe('options', () => {
  test('invalid options are rejected, naming the field and value', () => {
    expect(() => setup({ scaleDownIdleMs: -5 })).toThrow('scaleDownIdleMs: -5 is invalid');
    expect(() => setup({ instanceStart: { baseDelayMs: Number.NaN } })).toThrow('instanceStart.baseDelayMs: NaN is invalid');
    expect(() => setup({ unmanagedInstances: [{ computeEnvironment: 'x', instanceType: 'c5.large', count: 1.5 }] })).toThrow(/count 1.5 for x is invalid/);
  });
});
