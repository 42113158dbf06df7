import { submitJobRequestForTarget } from '../../../../src/runtime/events/targets/batch-job-queue-target';
import { ARN_PREFIX, target } from '../events-unit-fixtures';

const QUEUE = `${ARN_PREFIX}:job-queue/q`;
const batchTarget = target(QUEUE, { batch: { jobDefinition: `${ARN_PREFIX}:job-definition/echo-parameters:1`, jobName: 'from-event' } });

describe('submitJobRequestForTarget', () => {
  test('EVT-3: BatchParameters make the job; the input Parameters become SubmitJob parameters (seed S3 example)', () => {
    // GIVEN the seed's transformed input
    const input = '{"Parameters":{"S3bucket":"my-bucket","S3key":"a/b.csv"}}';
    // WHEN the request is built
    const request = submitJobRequestForTarget(batchTarget, input);
    // THEN it submits the definition to the target's queue with those parameters
    expect(request).toEqual({
      jobName: 'from-event',
      jobQueue: QUEUE,
      jobDefinition: `${ARN_PREFIX}:job-definition/echo-parameters:1`,
      arrayProperties: undefined,
      retryStrategy: undefined,
      parameters: { S3bucket: 'my-bucket', S3key: 'a/b.csv' },
      containerOverrides: undefined,
    });
  });

  test('EVT-3: ArrayProperties.Size and RetryStrategy.Attempts pass through', () => {
    const request = submitJobRequestForTarget(target(QUEUE, { batch: { jobDefinition: 'd', jobName: 'j', arraySize: 5, attempts: 3 } }), '{}');
    expect(request).toMatchObject({ arrayProperties: { size: 5 }, retryStrategy: { attempts: 3 }, parameters: undefined });
  });

  test('EVT-3: ContainerOverrides in the input are passed in the API shape', () => {
    const request = submitJobRequestForTarget(batchTarget, '{"ContainerOverrides":{"Command":["echo","hi"],"Environment":[{"Name":"A","Value":"1"}]}}');
    expect(request.containerOverrides).toEqual({ command: ['echo', 'hi'], environment: [{ name: 'A', value: '1' }] });
  });

  test('EVT-3: an input that is the whole event or text submits with the definition defaults', () => {
    expect(submitJobRequestForTarget(batchTarget, '{"version":"0","detail":{}}').parameters).toBeUndefined();
    expect(submitJobRequestForTarget(batchTarget, '"just text"').parameters).toBeUndefined();
    expect(submitJobRequestForTarget(batchTarget, 'not json').parameters).toBeUndefined();
  });

  test('EVT-3: Parameters values must be strings; the error names the key and value', () => {
    expect(() => submitJobRequestForTarget(batchTarget, '{"Parameters":{"S3bucket":{"name":"b"}}}'))
      .toThrow('Parameters.S3bucket in the input of target Target0 must be a string; got {"name":"b"}');
    expect(() => submitJobRequestForTarget(batchTarget, '{"Parameters":["a"]}')).toThrow('must be an object of strings; got ["a"]');
  });
});
