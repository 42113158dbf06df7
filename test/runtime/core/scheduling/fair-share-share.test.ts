import { JobRecord } from '../../../../src/runtime/core/jobs/job-record';
import { ShareState } from '../../../../src/runtime/core/scheduling/fair-share-share';

function job(name: string, priority?: number, sequence = 0): JobRecord {
  return { status: 'RUNNABLE', sequence, spec: { jobName: name, schedulingPriority: priority } } as unknown as JobRecord;
}

describe('ShareState', () => {
  test('FS-5: GIVEN jobs of priorities 1, 9, 5, 9 WHEN read in order THEN higher priority first, then the order they became RUNNABLE', () => {
    const share = new ShareState('s', 0);
    for (const [name, priority] of [['low', 1], ['high', 9], ['mid', 5], ['high2', 9]] as const) share.add(job(name, priority), 0);

    expect([...share.runnable()].map((p) => p.job.spec.jobName)).toEqual(['high', 'high2', 'mid', 'low']);
    expect(share.head()?.spec.jobName).toBe('high');
  });

  test('FS-5: GIVEN the head left RUNNABLE WHEN the head is read THEN the next job of the same priority comes, then lower ones', () => {
    const share = new ShareState('s', 0);
    const [a, b, c] = [job('a', 2), job('b', 2), job('c')];
    for (const j of [a, b, c]) share.add(j, 0);
    a.status = 'STARTING';
    expect(share.head()).toBe(b);
    b.status = 'FAILED';
    expect(share.head()).toBe(c);
  });

  test('FS-4 (choice): GIVEN 4 vCPUs running for one decay constant WHEN settled THEN decayed usage is 4(1 - 1/e) and usage adds the running 4', () => {
    const share = new ShareState('s', 0);
    share.running = 4;
    share.settle(60_000, 60_000);
    expect(share.decayed).toBeCloseTo(4 * (1 - Math.exp(-1)), 12);
    expect(share.usage).toBeCloseTo(4 + 4 * (1 - Math.exp(-1)), 12);
    share.weightFactor = 3;
    expect(share.weightedUsage).toBeCloseTo(3 * share.usage, 12);
  });

  test('FS-4 (choice): GIVEN two settles WHEN compared with one over the whole interval THEN they agree (exact for constant running)', () => {
    const once = new ShareState('a', 0);
    const twice = new ShareState('b', 0);
    once.running = twice.running = 2;
    once.settle(90_000, 30_000);
    twice.settle(40_000, 30_000);
    twice.settle(90_000, 30_000);
    expect(twice.decayed).toBeCloseTo(once.decayed, 12);
  });

  test('FS-4 (choice): GIVEN shareDecaySeconds 0 WHEN settled THEN no history is kept: usage is the running vCPUs', () => {
    const share = new ShareState('s', 0);
    share.running = 5;
    share.settle(3_600_000, 0);
    expect(share.decayed).toBe(0);
    expect(share.usage).toBe(5);
  });

  test('FS-4 (choice): a share is active while it has unfinished jobs and for the decay window after; then, idle and without history, it may be forgotten', () => {
    const share = new ShareState('s', 0);
    share.unfinishedJobs = 1;
    expect(share.isActive(10_000_000, 60_000)).toBe(true);
    share.unfinishedJobs = 0;
    share.idleSince = 100_000;
    expect(share.isActive(159_999, 60_000)).toBe(true);
    expect(share.isActive(160_000, 60_000)).toBe(false);
    expect(share.isForgettable(160_000, 60_000)).toBe(true);
    share.add(job('waiting'), 160_000);
    expect(share.isForgettable(160_000, 60_000)).toBe(false);
  });

  test('#21 §2, FS-4, FS-5: GIVEN a share with jobs of several priorities, running vCPUs and decayed usage WHEN saved for a checkpoint and restored THEN it serves the same jobs in the same order with the same usage', () => {
    // GIVEN
    const jobs = new Map([['high', 9], ['low', 1], ['high2', 9], ['done', 1]].map(([name, priority]) => {
      const record = { ...job(name as string, priority as number), jobId: name } as JobRecord;
      return [name as string, record];
    }));
    const share = new ShareState('s', 0);
    for (const record of jobs.values()) share.add(record, 500);
    jobs.get('done')!.status = 'SUCCEEDED';
    share.running = 3;
    share.unfinishedJobs = 4;
    share.settle(60_000, 600_000);

    // WHEN
    const restored = ShareState.restored(JSON.parse(JSON.stringify(share.saved())), (id) => jobs.get(id)!);

    // THEN
    expect([...restored.runnable()]).toEqual([...share.runnable()]);
    expect(restored.head()).toBe(share.head());
    const usage = (of: ShareState): number[] => [of.usage, of.weightedUsage, of.unfinishedJobs, of.settledAt];
    expect(usage(restored)).toEqual(usage(share));
  });
});
