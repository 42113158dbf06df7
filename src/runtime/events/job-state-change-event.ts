import { EventContent } from './event-bridge-event';
import { JobRecord } from '../core/jobs/job-record';
import { describeJob } from '../core/jobs/job-view';

/** The `detail-type` of AWS Batch job events (EVT-1). */
export const JOB_STATE_CHANGE_DETAIL_TYPE = 'Batch Job State Change';

/** The `source` of every AWS Batch event. */
export const BATCH_EVENT_SOURCE = 'aws.batch';

/**
 * EVT-1: the content of the event AWS Batch sends when a job changes state. `detail` is the
 * DescribeJobs object taken at the moment of the change, so a listener that reads it later still
 * sees the state the event announced (the job itself has usually moved on by then).
 */
export function jobStateChangeContent(job: JobRecord): EventContent {
  return {
    source: BATCH_EVENT_SOURCE,
    detailType: JOB_STATE_CHANGE_DETAIL_TYPE,
    resources: [job.arn],
    detail: describeJob(job),
  };
}
