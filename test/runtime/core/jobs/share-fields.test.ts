import { ClientException } from '../../../../src/runtime/core/errors';
import { validateShareFields } from '../../../../src/runtime/core/jobs/share-fields';
import { JobQueueRecord } from '../../../../src/runtime/core/model/records';

const FIFO = { name: 'fifo' } as JobQueueRecord;
const FAIR = { name: 'fair', schedulingPolicy: { name: 'teams' } } as JobQueueRecord;
const request = (fields: object): any => ({ jobName: 'j', jobQueue: 'q', jobDefinition: 'd', ...fields });

describe('validateShareFields', () => {
  test('FS-3: GIVEN a fair-share queue WHEN the job has no shareIdentifier THEN ClientException naming the field, the queue and the policy', () => {
    expect(() => validateShareFields(request({}), FAIR)).toThrow(new ClientException(
      'shareIdentifier: job queue fair is a fair-share queue (scheduling policy teams); a job submitted to it needs a shareIdentifier (FS-3)'));
  });

  test('FS-3: GIVEN a FIFO queue WHEN the job has a shareIdentifier THEN ClientException naming the queue and the value', () => {
    expect(() => validateShareFields(request({ shareIdentifier: 'teamA' }), FIFO)).toThrow(/^shareIdentifier: job queue fifo has no scheduling policy .*"teamA" \(FS-3\)$/);
  });

  test('FS-3: GIVEN a prefix or an overlong identifier, or a priority over 9999 THEN ClientException naming the field', () => {
    expect(() => validateShareFields(request({ shareIdentifier: 'team*' }), FAIR)).toThrow(/^shareIdentifier:/);
    expect(() => validateShareFields(request({ shareIdentifier: 'a'.repeat(256) }), FAIR)).toThrow(/^shareIdentifier:/);
    expect(() => validateShareFields(request({ shareIdentifier: 'a', schedulingPriorityOverride: 10_000 }), FAIR)).toThrow(/^schedulingPriorityOverride:.*0\.\.9999/);
  });

  test('FS-3: GIVEN valid fields WHEN checked THEN nothing is thrown; a FIFO queue accepts (and ignores) a priority override', () => {
    expect(() => validateShareFields(request({ shareIdentifier: 'teamA', schedulingPriorityOverride: 9999 }), FAIR)).not.toThrow();
    expect(() => validateShareFields(request({ schedulingPriorityOverride: 0 }), FIFO)).not.toThrow();
  });
});
