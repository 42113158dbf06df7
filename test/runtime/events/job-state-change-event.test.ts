import { EventContent } from '../../../src/runtime/events/event-bridge-event';
import { jobStateChangeContent } from '../../../src/runtime/events/job-state-change-event';
import { submit, testBackend } from '../core/fixtures';

describe('jobStateChangeContent', () => {
  test('EVT-1: a Batch Job State Change from aws.batch about the job ARN, detail = DescribeJobs at the change', () => {
    // GIVEN a backend whose listener keeps the content built at each change
    const { backend } = testBackend();
    const contents: EventContent[] = [];
    backend.addJobStateListener({ onJobStateChange: (job) => contents.push(jobStateChangeContent(job)) });
    // WHEN a job runs to the end
    const jobId = submit(backend);
    backend.loop.runUntilIdle();
    // THEN each content names the job, and its detail still shows the status of its own change
    const [job] = backend.describeJobs([jobId]);
    expect(contents.map((c) => (c.detail as { status: string }).status)).toEqual(['RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED']);
    expect(contents.every((c) => c.source === 'aws.batch' && c.detailType === 'Batch Job State Change')).toBe(true);
    expect(contents[0].resources).toEqual([job.jobArn]);
    expect(contents[3].detail).toEqual(job);
  });
});
