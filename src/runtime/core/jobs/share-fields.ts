import { SubmitJobRequest } from '../../shapes';
import { ClientException } from '../errors';
import { JobQueueRecord } from '../model/records';
import { validateSchedulingPriority, validateShareIdentifier } from '../model/scheduling-policy-rules';
import { asClientException } from '../model/validation-bridge';

/**
 * FS-3: a job for a fair-share queue names its share; a job for a FIFO queue names none.
 * `schedulingPriorityOverride` is 0..9999 on any queue (a FIFO queue ignores it, as AWS does).
 */
export function validateShareFields(request: SubmitJobRequest, queue: JobQueueRecord): void {
  const policy = queue.schedulingPolicy;
  if (policy && request.shareIdentifier === undefined) {
    throw new ClientException(`shareIdentifier: job queue ${queue.name} is a fair-share queue (scheduling policy ${policy.name}); `
      + 'a job submitted to it needs a shareIdentifier (FS-3)');
  }
  if (!policy && request.shareIdentifier !== undefined) {
    throw new ClientException(`shareIdentifier: job queue ${queue.name} has no scheduling policy (first in, first out); `
      + `leave shareIdentifier out, got ${JSON.stringify(request.shareIdentifier)} (FS-3)`);
  }
  asClientException(() => {
    if (request.shareIdentifier !== undefined) validateShareIdentifier('shareIdentifier', request.shareIdentifier);
    if (request.schedulingPriorityOverride !== undefined) {
      validateSchedulingPriority('schedulingPriorityOverride', request.schedulingPriorityOverride, 'FS-3');
    }
  });
}
