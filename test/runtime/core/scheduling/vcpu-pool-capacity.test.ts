import { ComputeEnvironmentRecord } from '../../../../src/runtime/core/model/records';
import { VcpuPoolCapacity } from '../../../../src/runtime/core/scheduling/vcpu-pool-capacity';
import { demand, fargateDemand, managedCe, unmanagedCe } from '../capacity/capacity-fixtures';

describe('VcpuPoolCapacity', () => {
  test('SCHED-5: a managed pool holds up to maxvCpus and frees vCPUs on release', () => {
    // GIVEN a pool of 4 vCPUs
    const pool = new VcpuPoolCapacity();
    const ce = managedCe('fargate', { type: 'FARGATE', maxvCpus: 4 });

    // WHEN 3 + 1 vCPUs are placed, THEN a fifth vCPU waits until one is released
    const big = pool.tryPlace(ce, fargateDemand(3, 1024), 0)!;
    expect(pool.tryPlace(ce, fargateDemand(1, 1024), 0)).toBeDefined();
    expect(pool.tryPlace(ce, fargateDemand(1, 1024), 0)).toBeUndefined();
    big.release();
    big.release(); // idempotent
    expect(pool.tryPlace(ce, fargateDemand(3, 1024), 0)).toBeDefined();
    expect(pool.tryPlace(ce, fargateDemand(1, 1024), 0)).toBeUndefined();
  });

  test('SCHED-7: an unmanaged pool uses unmanagedvCpus, else the configured default', () => {
    const pool = new VcpuPoolCapacity(2);
    const withLimit = { ...unmanagedCe('own'), unmanagedvCpus: 8 } as ComputeEnvironmentRecord;
    expect(pool.canEverFit(withLimit, demand(8, 1)).fits).toBe(true);
    expect(pool.canEverFit(unmanagedCe('other'), demand(3, 1))).toEqual({ fits: false, reason: 'needs 3 vCPUs, compute environment other has at most 2' });
  });

  test('SCHED-9: a GPU job never fits a Fargate pool', () => {
    const pool = new VcpuPoolCapacity();
    expect(pool.canEverFit(managedCe('fargate', { type: 'FARGATE_SPOT', maxvCpus: 64 }), fargateDemand(1, 1024, 1)).reason)
      .toBe('MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - needs 1 GPU, but Fargate compute environment fargate has no GPUs (SCHED-9)');
  });

  test('PLAT-1: a pool takes only demands of its platform, and says why it never takes the others', () => {
    // GIVEN a Fargate pool and an EC2 pool
    const pool = new VcpuPoolCapacity();
    const fargate = managedCe('fargate', { type: 'FARGATE', maxvCpus: 64 });
    const ec2 = managedCe('ec2', { type: 'EC2', maxvCpus: 64 });

    // THEN
    expect(pool.tryPlace(fargate, demand(1, 1024), 0)).toBeUndefined();
    expect(pool.tryPlace(ec2, fargateDemand(1, 1024), 0)).toBeUndefined();
    expect(pool.canEverFit(fargate, demand(1, 1024)).reason).toMatch(/^MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - an EC2 job runs only on EC2, SPOT or unmanaged compute environments .*; compute environment fargate \(FARGATE\) is not one \(PLAT-1\)$/);
    expect(pool.canEverFit(ec2, fargateDemand(1, 1024)).reason).toMatch(/a FARGATE job runs only on FARGATE or FARGATE_SPOT compute environments; compute environment ec2 \(EC2\) is not one \(PLAT-1\)/);
    expect(pool.tryPlace(fargate, fargateDemand(1, 1024), 0)).toBeDefined();
  });

  test('#21 §2, SCHED-5: a checkpoint carries the placements of live attempts; restored, they hold their vCPUs until released', () => {
    // GIVEN a pool of 4 vCPUs with 3 placed for attempt 1 of job a
    const pool = new VcpuPoolCapacity();
    const ce = managedCe('fargate', { type: 'FARGATE', maxvCpus: 4 });
    const placed = pool.tryPlace(ce, fargateDemand(3, 1024), 5)!;
    expect(pool.savedPlacements()).toBeUndefined(); // no live attempt names it yet: the checkpoint waits
    placed.attempt = { jobId: 'a', attempt: 1, placement: placed, ended: false, hostTerminated: () => undefined, terminate: () => undefined };
    const saved = pool.savedPlacements()!;
    expect(saved).toEqual([{ ce: 'fargate', jobId: 'a', attempt: 1, vcpus: 3, readyAt: 5 }]);

    // WHEN a fresh pool restores them
    const restored = new VcpuPoolCapacity();
    const byAttempt = new Map();
    restored.restorePlacements(JSON.parse(JSON.stringify(saved)), () => ce, byAttempt);

    // THEN the restored placement holds its 3 vCPUs until its attempt releases it
    const place = byAttempt.get('a#1');
    expect(place.readyAt).toBe(5);
    expect(restored.tryPlace(ce, fargateDemand(2, 1024), 10)).toBeUndefined();
    place.release();
    expect(restored.tryPlace(ce, fargateDemand(2, 1024), 10)).toBeDefined();
  });
});
