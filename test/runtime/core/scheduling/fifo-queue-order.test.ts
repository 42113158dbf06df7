import { JobRecord } from '../../../../src/runtime/core/jobs/job-record';
import { FifoQueueOrder } from '../../../../src/runtime/core/scheduling/fifo-queue-order';

/** The order reads only `status`; a record with just that keeps the test about the order. */
function job(name: string): JobRecord {
  return { status: 'RUNNABLE', spec: { jobName: name } } as unknown as JobRecord;
}

function names(jobs: Iterable<JobRecord>): string[] {
  return [...jobs].map((j) => j.spec.jobName);
}

function drain(order: FifoQueueOrder): string[] {
  const cursor = order.candidates();
  const offered: string[] = [];
  for (let next = cursor.next(); next; next = cursor.next()) offered.push(next.spec.jobName);
  return offered;
}

describe('FifoQueueOrder', () => {
  test('SCHED-1: GIVEN jobs added in turn WHEN a pass asks for candidates THEN they come in the order they became RUNNABLE', () => {
    const order = new FifoQueueOrder();
    for (const name of ['a', 'b', 'c']) order.add(job(name), 0);

    expect(drain(order)).toEqual(['a', 'b', 'c']);
    expect(order.head()?.spec.jobName).toBe('a');
  });

  test('SCHED-1: GIVEN a job that left RUNNABLE WHEN candidates, head, ahead and snapshot are read THEN it is skipped', () => {
    const order = new FifoQueueOrder();
    const [a, b, c] = ['a', 'b', 'c'].map(job);
    [a, b, c].forEach((j, i) => order.add(j, i * 1000));
    a.status = 'STARTING';

    expect(drain(order)).toEqual(['b', 'c']);
    expect(order.head()).toBe(b);
    expect(names(order.ahead(c))).toEqual(['b']);
    expect(order.snapshot(10).map((p) => [p.job.spec.jobName, p.runnableSince])).toEqual([['b', 1000], ['c', 2000]]);
  });

  test('SCHED-1: GIVEN a job that can never be placed WHEN the pass asks whether it blocks THEN it does (head-of-line blocking)', () => {
    const order = new FifoQueueOrder();
    const a = job('a');
    order.add(a, 0);

    expect(order.candidates().blocks(a)).toBe(true);
  });

  test('FS-8: GIVEN more jobs than the limit WHEN a snapshot is taken THEN the first ones come, in order', () => {
    const order = new FifoQueueOrder();
    for (let i = 0; i < 150; i++) order.add(job(`j${i}`), i);

    const front = order.snapshot(100);

    expect(front).toHaveLength(100);
    expect(front[0].job.spec.jobName).toBe('j0');
    expect(front[99].job.spec.jobName).toBe('j99');
  });

  test('GIVEN thousands of finished jobs at the front WHEN the head is read THEN it is the first RUNNABLE one after compaction', () => {
    const order = new FifoQueueOrder();
    const jobs = Array.from({ length: 3000 }, (_, i) => job(`j${i}`));
    for (const j of jobs) order.add(j, 0);
    for (const j of jobs.slice(0, 2500)) j.status = 'SUCCEEDED';

    expect(order.head()).toBe(jobs[2500]);
    expect(drain(order)).toHaveLength(500);
  });
});

describe('FifoQueueOrder times', () => {
  test('FS-8: GIVEN jobs added at several instants and compacted WHEN a snapshot is taken THEN each job has the instant it became RUNNABLE', () => {
    const order = new FifoQueueOrder();
    const jobs = Array.from({ length: 3000 }, (_, i) => job(`j${i}`));
    jobs.forEach((j, i) => order.add(j, Math.floor(i / 1000) * 60_000 + (i === 2999 ? 1 : 0)));
    for (const j of jobs.slice(0, 2500)) j.status = 'SUCCEEDED';
    order.head(); // compacts: 2,500 of 3,000 entries are gone

    const front = order.snapshot(600);

    expect(front.map((p) => p.runnableSince)).toEqual([...Array(499).fill(120_000), 120_001]);
    expect(front[0].job).toBe(jobs[2500]);
  });

  test('#21 §2, SCHED-1: GIVEN entries of running, runnable and finished jobs WHEN saved for a checkpoint and added again to a fresh order THEN the same jobs come in the same order with the same times, finished ones left out', () => {
    // GIVEN a running job (in front: it comes again at its place if it turns RUNNABLE), two runnable, a finished one
    const order = new FifoQueueOrder();
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(job);
    [a, b, c, d].forEach((j, i) => order.add(j, 1000 * Math.floor(i / 2)));
    a.status = 'RUNNING';
    c.status = 'SUCCEEDED';

    // WHEN
    const saved = order.savedEntries();
    const restored = new FifoQueueOrder();
    for (const [entry, time] of saved) restored.add(entry, time);
    a.status = 'RUNNABLE'; // a retry: it keeps its old place in both

    // THEN
    expect(saved.map(([entry, time]) => [entry.spec.jobName, time])).toEqual([['a', 0], ['b', 0], ['d', 1000]]);
    expect(drain(restored)).toEqual(drain(order));
    expect(restored.snapshot(10)).toEqual(order.snapshot(10));
  });
});
