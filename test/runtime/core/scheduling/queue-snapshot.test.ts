import { JobRecord } from '../../../../src/runtime/core/jobs/job-record';
import { queueSnapshot } from '../../../../src/runtime/core/scheduling/queue-snapshot';

describe('queueSnapshot', () => {
  test('FS-8 (choice): GIVEN positions WHEN answered THEN each job has its ARN and when it became RUNNABLE; lastUpdatedAt is now', () => {
    const job = { arn: 'arn:aws:batch:us-east-1:123456789012:job/j1' } as JobRecord;
    expect(queueSnapshot([{ job, runnableSince: 1000 }], 5000)).toEqual({
      frontOfQueue: { jobs: [{ jobArn: job.arn, earliestTimeAtPosition: 1000 }], lastUpdatedAt: 5000 },
    });
  });
});
