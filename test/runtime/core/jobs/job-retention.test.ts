import { JobRecord } from '../../../../src/runtime/core/jobs/job-record';
import { JobRetention } from '../../../../src/runtime/core/jobs/job-retention';

function finishedJob(id: string, stoppedAt: number, parent?: JobRecord): JobRecord {
  const job = new JobRecord(id, `arn:${id}`, {} as never, 0, 0);
  job.stoppedAt = stoppedAt;
  job.parent = parent;
  return job;
}

describe('JobRetention', () => {
  test('LIFE-4: jobs are dropped only once the retention period has passed, in finishing order', () => {
    // GIVEN a retention of 1000 ms and two finished jobs
    const dropped: string[] = [];
    const retention = new JobRetention(1000, (job) => dropped.push(job.jobId));
    retention.jobFinished(finishedJob('a', 100));
    retention.jobFinished(finishedJob('b', 500));

    // WHEN / THEN
    retention.purge(1099);
    expect(dropped).toEqual([]);
    retention.purge(1100);
    expect(dropped).toEqual(['a']);
    retention.purge(5000);
    expect(dropped).toEqual(['a', 'b']);
  });

  test('LIFE-4: array children are not tracked on their own (they go with their parent)', () => {
    // GIVEN
    const dropped: string[] = [];
    const retention = new JobRetention(0, (job) => dropped.push(job.jobId));
    const parent = finishedJob('p', 0);

    // WHEN
    retention.jobFinished(finishedJob('p:0', 0, parent));
    retention.jobFinished(parent);
    retention.purge(1);

    // THEN
    expect(dropped).toEqual(['p']);
  });
});
