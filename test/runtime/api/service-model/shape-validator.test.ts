import { BATCH_MODEL } from '../../../../src/runtime/api/service-model/batch-model.generated';
import { LOGS_MODEL } from '../../../../src/runtime/api/service-model/logs-model.generated';
import { bodyMembers, RequestShapeError, responseShapeViolations, validateShape } from '../../../../src/runtime/api/service-model/shape-validator';

function messageOf(check: () => void): string {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(RequestShapeError);
    return (error as Error).message;
  }
  throw new Error('expected a RequestShapeError');
}

describe('validateShape against the botocore model', () => {
  test('a complete SubmitJob request passes', () => {
    expect(() => validateShape(BATCH_MODEL, 'SubmitJobRequest', {
      jobName: 'a',
      jobQueue: 'q',
      jobDefinition: 'd',
      arrayProperties: { size: 7 },
      parameters: { p: 'v' },
      dependsOn: [{ jobId: 'x', type: 'N_TO_N' }],
      containerOverrides: { environment: [{ name: 'A', value: 'b' }] },
      propagateTags: true,
    })).not.toThrow();
  });

  test('required members, unknown members and nested paths are named', () => {
    expect(messageOf(() => validateShape(BATCH_MODEL, 'SubmitJobRequest', { jobName: 'a', jobQueue: 'q' }))).toBe('jobDefinition: required field missing (SubmitJobRequest)');
    expect(messageOf(() => validateShape(BATCH_MODEL, 'SubmitJobRequest', { jobName: 'a', jobQueue: 'q', jobDefinition: 'd', containerOverrides: { cpu: 1 } })))
      .toMatch(/^containerOverrides\.cpu: unknown field; ContainerOverrides has only vcpus, memory, command/);
    expect(messageOf(() => validateShape(BATCH_MODEL, 'SubmitJobRequest', { jobName: 'a', jobQueue: 'q', jobDefinition: 'd', dependsOn: [{ type: 5 }] })))
      .toBe('dependsOn[0].type: expected a string, got number 5');
  });

  test('JSON types per shape type: integer, boolean, list, map, structure; null is never a value', () => {
    const submit = (extra: Record<string, unknown>): string => messageOf(() => validateShape(BATCH_MODEL, 'SubmitJobRequest', { jobName: 'a', jobQueue: 'q', jobDefinition: 'd', ...extra }));
    expect(submit({ arrayProperties: { size: 1.5 } })).toBe('arrayProperties.size: expected an integer, got number 1.5');
    expect(submit({ arrayProperties: { size: 2 ** 31 } })).toBe('arrayProperties.size: expected an integer, got number 2147483648');
    expect(submit({ propagateTags: 'true' })).toBe('propagateTags: expected a boolean, got string "true"');
    expect(submit({ dependsOn: {} })).toBe('dependsOn: expected a list, got object {}');
    expect(submit({ parameters: ['a'] })).toBe('parameters: expected a map (JSON object), got a list ["a"]');
    expect(submit({ parameters: { a: 1 } })).toBe('parameters.a: expected a string, got number 1');
    expect(submit({ timeout: 'x' })).toBe('timeout: expected an object (JobTimeout), got string "x"');
    expect(submit({ tags: null })).toBe('tags: expected a map (JSON object), got null null');
    expect(messageOf(() => validateShape(BATCH_MODEL, 'SubmitJobRequest', []))).toBe('(request): expected an object (SubmitJobRequest), got a list []');
  });

  test('enumerations are exact', () => {
    expect(messageOf(() => validateShape(BATCH_MODEL, 'ListJobsRequest', { jobQueue: 'q', jobStatus: 'running' })))
      .toBe('jobStatus: "running" is not one of SUBMITTED, PENDING, RUNNABLE, STARTING, RUNNING, SUCCEEDED, FAILED');
  });

  test('min/max of the model: tag count, key length, numeric range', () => {
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(messageOf(() => validateShape(BATCH_MODEL, 'TagResourceRequest', { resourceArn: 'a', tags }))).toBe('tags: 51 entries, at most 50 allowed');
    expect(messageOf(() => validateShape(BATCH_MODEL, 'TagResourceRequest', { resourceArn: 'a', tags: { ['k'.repeat(129)]: 'v' } })))
      .toMatch(/^tags key "k+": 129 characters, at most 128 allowed$/);
    expect(messageOf(() => validateShape(BATCH_MODEL, 'UpdateComputeEnvironmentRequest', { computeEnvironment: 'c', updatePolicy: { jobExecutionTimeoutMinutes: 0 } })))
      .toBe('updatePolicy.jobExecutionTimeoutMinutes: 0 is out of range 1..360');
  });

  test('prototype-like keys are unknown fields, not inherited members', () => {
    expect(messageOf(() => validateShape(BATCH_MODEL, 'CancelJobRequest', JSON.parse('{"jobId":"a","reason":"b","__proto__":{"x":1}}'))))
      .toMatch(/^__proto__: unknown field/);
    expect(messageOf(() => validateShape(BATCH_MODEL, 'CancelJobRequest', { jobId: 'a', reason: 'b', constructor: 1 }))).toMatch(/^constructor: unknown field/);
  });

  test('the Logs model validates the same way', () => {
    expect(messageOf(() => validateShape(LOGS_MODEL, 'GetLogEventsRequest', { logStreamName: 's', limit: 0 }))).toBe('limit: 0 is out of range 1..10000');
  });

  test('bodyMembers leaves out members carried in the URI and the query string', () => {
    expect([...bodyMembers(BATCH_MODEL, 'UntagResourceRequest').keys()]).toEqual([]);
    expect([...bodyMembers(BATCH_MODEL, 'TagResourceRequest').keys()]).toEqual(['tags']);
  });
});

describe('responseShapeViolations against the output shapes', () => {
  test('PLAT-5: GIVEN a well-formed DescribeJobs response WHEN checked THEN there is no violation', () => {
    // GIVEN
    const response = { jobs: [{ jobName: 'a', jobId: 'id', jobQueue: 'q', status: 'RUNNING', startedAt: 5, jobDefinition: 'd', container: { exitCode: 0 } }] };

    // THEN
    expect(responseShapeViolations(BATCH_MODEL, 'DescribeJobsResponse', response)).toEqual([]);
  });

  test('PLAT-5: GIVEN null, a bad enum, a missing required and an unknown member WHEN checked THEN each is reported, not only the first', () => {
    // GIVEN
    const response = { jobs: [{ jobName: 'a', jobId: 'id', jobQueue: 'q', status: 'DONE', startedAt: null, container: { made: 1 } }] };

    // WHEN
    const violations = responseShapeViolations(BATCH_MODEL, 'DescribeJobsResponse', response);

    // THEN
    expect(violations).toEqual([
      'jobs[0].jobDefinition: required field missing (JobDetail)',
      'jobs[0].status: "DONE" is not one of SUBMITTED, PENDING, RUNNABLE, STARTING, RUNNING, SUCCEEDED, FAILED',
      expect.stringContaining('jobs[0].startedAt: expected an integer, got null'),
      expect.stringContaining('jobs[0].container.made: unknown field'),
    ]);
  });

  test('PLAT-5: GIVEN an output list longer than the model lets a caller send WHEN checked THEN min/max are not applied to responses', () => {
    // GIVEN a tag map is limited to 50 entries in requests
    const tags = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, 'v']));

    // THEN
    expect(responseShapeViolations(BATCH_MODEL, 'ListTagsForResourceResponse', { tags })).toEqual([]);
  });
});
