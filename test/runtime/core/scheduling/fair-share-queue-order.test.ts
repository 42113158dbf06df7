import { fairShareBackend } from './fair-share-fixtures';
import { ClientException } from '../../../../src/runtime/core/errors';
import { T0 } from '../fixtures';

const TEAMS = { shareDistribution: [{ shareIdentifier: 'teamA', weightFactor: 1 }, { shareIdentifier: 'teamB', weightFactor: 3 }] };

function submitMany(backend: ReturnType<typeof fairShareBackend>['backend'], share: string, count: number, extra: object = {}): string[] {
  return Array.from({ length: count }, (_, i) => backend.submitJob({ jobName: `${share}${i}`, jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: share, ...extra }).jobId);
}

/** How many of the jobs that started at `second` belong to each share (by the first letter of their name). */
function startsAt(started: string[], second: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of started.filter((s) => s.endsWith(`@${second}`))) counts[entry[0]] = (counts[entry[0]] ?? 0) + 1;
  return counts;
}

describe('FairShareQueueOrder', () => {
  test('FS-4: GIVEN teamA (weight 1) submits 30 jobs before teamB (weight 3) WHEN scheduled on 8 vCPUs THEN they run 3:1, not first-in-first-out', () => {
    const { backend, started } = fairShareBackend({ maxvCpus: 8, fairsharePolicy: TEAMS });
    for (let i = 0; i < 30; i++) backend.submitJob({ jobName: `A${i}`, jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 'teamA' });
    for (let i = 0; i < 30; i++) backend.submitJob({ jobName: `B${i}`, jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 'teamB' });

    backend.loop.runUntilIdle();

    expect(startsAt(started, 0)).toEqual({ A: 6, B: 2 });
    expect(startsAt(started, 60)).toEqual({ A: 6, B: 2 });
    expect(started).toHaveLength(60);
  });

  test('FS-4: GIVEN the same jobs in the FIFO queue WHEN scheduled THEN they run first-in-first-out (the queue is not fair share)', () => {
    const { backend, started } = fairShareBackend({ maxvCpus: 8, fairsharePolicy: TEAMS });
    for (let i = 0; i < 10; i++) backend.submitJob({ jobName: `A${i}`, jobQueue: 'fifo', jobDefinition: 'one' });
    for (let i = 0; i < 10; i++) backend.submitJob({ jobName: `B${i}`, jobQueue: 'fifo', jobDefinition: 'one' });
    backend.loop.runUntilIdle();
    expect(startsAt(started, 0)).toEqual({ A: 8 });
  });

  test('FS-4: GIVEN a prefix entry gpu* of weight 3 WHEN shares gpuX and cpuY compete THEN gpuX is weighed by the prefix', () => {
    const { backend, started } = fairShareBackend({ maxvCpus: 8, fairsharePolicy: { shareDistribution: [{ shareIdentifier: 'gpu*', weightFactor: 3 }] } });
    for (let i = 0; i < 20; i++) backend.submitJob({ jobName: `G${i}`, jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 'gpuX' });
    for (let i = 0; i < 20; i++) backend.submitJob({ jobName: `C${i}`, jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 'cpuY' });
    backend.loop.runUntilIdle();
    expect(startsAt(started, 0)).toEqual({ C: 6, G: 2 });
  });

  test('FS-5: GIVEN jobs of one share with schedulingPriority 1, 9 and 5 WHEN scheduled one at a time THEN higher priority first, then submission order', () => {
    const { backend, started } = fairShareBackend({ maxvCpus: 2, jobVcpus: 2, fairsharePolicy: {} });
    for (const [name, priority] of [['Low', 1], ['High', 9], ['Mid', 5], ['High2', 9]] as const) {
      backend.submitJob({ jobName: name, jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 's', schedulingPriorityOverride: priority });
    }
    backend.loop.runUntilIdle();
    expect(started.map((s) => s.split('@')[0])).toEqual(['High', 'High2', 'Mid', 'Low']);
  });

  test('FS-6: GIVEN computeReservation 50 and one active share WHEN it floods the queue THEN it holds at most half of the 8 vCPUs; a new share gets the rest', () => {
    const { backend, started } = fairShareBackend({ maxvCpus: 8, fairsharePolicy: { computeReservation: 50 } });
    for (let i = 0; i < 20; i++) backend.submitJob({ jobName: `A${i}`, jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 'a' });
    backend.loop.runUntil(backend.loop.now() + 1000);

    for (let i = 0; i < 20; i++) backend.submitJob({ jobName: `B${i}`, jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 'b' });
    backend.loop.runUntilIdle();

    // 1 active share keeps 50 % (4 vCPUs) free; with 2 active, 25 % (2 vCPUs): 6 run at once.
    expect(startsAt(started, 0)).toEqual({ A: 4 });
    expect(startsAt(started, 1)).toEqual({ B: 2 });
  });

  test('FS-4 (choice): GIVEN shareDecaySeconds 0 WHEN a share that ran for an hour competes with a new one THEN only current usage counts', () => {
    const decays = (shareDecaySeconds: number): Record<string, number> => {
      const { backend, started } = fairShareBackend({ maxvCpus: 4, fairsharePolicy: { shareDecaySeconds }, durationOf: (name) => (name.startsWith('Old') ? 3600 : 60) });
      for (let i = 0; i < 2; i++) backend.submitJob({ jobName: `Old${i}`, jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 'old' });
      backend.loop.runUntil(backend.loop.now() + 3_601_000);
      started.length = 0;
      for (let i = 0; i < 4; i++) backend.submitJob({ jobName: `Xold${i}`, jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 'old' });
      for (let i = 0; i < 4; i++) backend.submitJob({ jobName: `Ynew${i}`, jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 'new' });
      backend.loop.runUntilIdle();
      const firstWave = started.slice(0, 4);
      return { X: firstWave.filter((s) => s.startsWith('X')).length, Y: firstWave.filter((s) => s.startsWith('Y')).length };
    };
    // Without history both shares start even; with an hour of decay the hour the old share ran counts
    // (2 vCPUs x (1 - 1/e) = 1.26 vCPUs): the new share gets 3 of the first 4 places.
    expect(decays(0)).toEqual({ X: 2, Y: 2 });
    expect(decays(3600)).toEqual({ X: 1, Y: 3 });
  });

  test('SCHED-1, FS-4 (choice): GIVEN a job that can never run in share a WHEN scheduled THEN it blocks share a only; share b runs', () => {
    const { backend, started } = fairShareBackend({ maxvCpus: 4, fairsharePolicy: {} });
    backend.submitJob({ jobName: 'Huge', jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 'a', containerOverrides: { vcpus: 64 } });
    backend.submitJob({ jobName: 'A1', jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 'a' });
    backend.submitJob({ jobName: 'B1', jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 'b' });
    backend.loop.runUntil(backend.loop.now() + 120_000);
    expect(started.map((s) => s.split('@')[0])).toEqual(['B1']);
  });

  test('FS-7: GIVEN share a ran for an hour in one fair-share queue WHEN a and b compete in a second queue of the same policy and CE THEN a\'s usage there is its own (none): they alternate', () => {
    // GIVEN a second fair-share queue on the same CE, and an hour of share a's work in the first
    const { backend, started, policyArn } = fairShareBackend({ maxvCpus: 4, fairsharePolicy: { shareDecaySeconds: 7200 }, durationOf: (name) => (name.startsWith('X') ? 3600 : 60) });
    backend.createJobQueue({ jobQueueName: 'fair2', priority: 1, schedulingPolicyArn: policyArn, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] });
    for (let i = 0; i < 4; i++) backend.submitJob({ jobName: `X${i}`, jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 'a' });
    backend.loop.runUntilIdle();
    const after = (backend.loop.now() - T0) / 1000;

    // WHEN both shares flood the second queue, a first
    for (let i = 0; i < 10; i++) backend.submitJob({ jobName: `A${i}`, jobQueue: 'fair2', jobDefinition: 'one', shareIdentifier: 'a' });
    for (let i = 0; i < 10; i++) backend.submitJob({ jobName: `B${i}`, jobQueue: 'fair2', jobDefinition: 'one', shareIdentifier: 'b' });
    backend.loop.runUntilIdle();

    // THEN the first queue's usage of a does not count in the second: equal halves (in the same queue, a's hour would give b 3 of the 4)
    expect(startsAt(started, after)).toEqual({ A: 2, B: 2 });
  });

  test('FS-3: GIVEN 500 active shares WHEN a job of a 501st share is submitted THEN ClientException; a job of an active share is accepted', () => {
    const { backend } = fairShareBackend({ maxvCpus: 4, fairsharePolicy: {} });
    for (let i = 0; i < 500; i++) backend.submitJob({ jobName: 'j', jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: `s${i}` });
    expect(() => backend.submitJob({ jobName: 'j', jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 'extra' })).toThrow(ClientException);
    expect(() => backend.submitJob({ jobName: 'j', jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 'extra' })).toThrow(/at most 500 share identifiers/);
    expect(() => backend.submitJob({ jobName: 'j', jobQueue: 'fair', jobDefinition: 'one', shareIdentifier: 's7' })).not.toThrow();
  });

  test('FS-8: GIVEN waiting jobs of two shares WHEN the snapshot is read THEN it lists them in the order a pass takes them (alternating at equal weight)', () => {
    const { backend } = fairShareBackend({ maxvCpus: 2, jobVcpus: 2, fairsharePolicy: {} });
    const a = submitMany(backend, 'a', 3);
    const b = submitMany(backend, 'b', 3);
    backend.loop.runUntil(backend.loop.now() + 1000);

    const snapshot = backend.getJobQueueSnapshot('fair').frontOfQueue;
    // a0 runs; the usage of a is 2 vCPUs, so b leads, then the shares alternate.
    expect(snapshot.jobs.map((job) => job.jobArn.split('/')[1])).toEqual([b[0], a[1], b[1], a[2], b[2]]);
    expect(snapshot.lastUpdatedAt).toBe(backend.loop.now());
  });

  test('DIAG-2, FS-4, FS-6: GIVEN a waiting job of a share with more usage WHEN explained THEN the weighted usages and the reservation are named', () => {
    const { backend } = fairShareBackend({ maxvCpus: 4, fairsharePolicy: { computeReservation: 50, shareDistribution: [{ shareIdentifier: 'teamB', weightFactor: 3 }] } });
    submitMany(backend, 'teamA', 6);
    const b = submitMany(backend, 'teamB', 6);
    backend.loop.runUntil(backend.loop.now() + 1000);

    const explanation = backend.explainJob(b[5]);
    expect(explanation).toContain('Fair share in queue fair');
    expect(explanation).toMatch(/share teamB has weighted usage 3 \(1 vCPUs x weight 3\)/);
    expect(explanation).toContain('computeReservation 50 holds 1 of the queue\'s 4 vCPUs');
  });
});
