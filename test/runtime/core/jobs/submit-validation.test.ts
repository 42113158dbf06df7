import { ClientException } from '../../../../src/runtime/core/errors';
import { validateSubmitJobRequest } from '../../../../src/runtime/core/jobs/submit-validation';
import { SubmitJobRequest } from '../../../../src/runtime/shapes';
import { submit, testBackend } from '../fixtures';

const base: SubmitJobRequest = { jobName: 'test', jobQueue: 'queue', jobDefinition: 'job' };

/** The ClientException message of a request, or undefined when it is accepted. */
function rejection(request: SubmitJobRequest): string | undefined {
  try {
    validateSubmitJobRequest(request);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ClientException);
    return (error as Error).message;
  }
}

describe('validateSubmitJobRequest', () => {
  test('LIM-4: 20 dependsOn entries are accepted at SubmitJob, 21 are a ClientException naming the field, value and limit', () => {
    const dependsOn = (n: number) => Array.from({ length: n }, (_, i) => ({ jobId: `job-${i}` }));
    expect(rejection({ ...base, dependsOn: dependsOn(20) })).toBeUndefined();
    expect(rejection({ ...base, dependsOn: dependsOn(21) })).toMatch(/dependsOn.*21.*at most 20 entries.*LIM-4/);
  });

  test('LIM-5: a SubmitJob payload over 30 KiB is a ClientException with its byte count', () => {
    const big = 'x'.repeat(31 * 1024);
    expect(rejection({ ...base, parameters: { big } })).toMatch(/SubmitJob.*at most 30720 bytes.*LIM-5/);
  });

  test('LIM-6: array size 1 and 10001 are refused, 2 and 10000 accepted', () => {
    expect(rejection({ ...base, arrayProperties: { size: 1 } })).toMatch(/arrayProperties\.size.*LIM-6/);
    expect(rejection({ ...base, arrayProperties: { size: 10_001 } })).toMatch(/arrayProperties\.size.*LIM-6/);
    expect(rejection({ ...base, arrayProperties: { size: 2 } })).toBeUndefined();
    expect(rejection({ ...base, arrayProperties: { size: 10_000 } })).toBeUndefined();
  });

  test('LIM-11: an override environment variable starting with AWS_BATCH is refused', () => {
    expect(rejection({ ...base, containerOverrides: { environment: [{ name: 'AWS_BATCH_MINE', value: '1' }] } }))
      .toMatch(/containerOverrides\.environment.*AWS_BATCH_MINE.*LIM-11/);
  });

  test('DEP-4, DEP-5: N_TO_N and SEQUENTIAL are for array jobs; SEQUENTIAL takes no jobId', () => {
    expect(rejection({ ...base, dependsOn: [{ jobId: 'a', type: 'N_TO_N' }] })).toMatch(/for array jobs only/);
    expect(rejection({ ...base, arrayProperties: { size: 2 }, dependsOn: [{ jobId: 'a', type: 'SEQUENTIAL' }] })).toMatch(/takes no jobId \(DEP-5\)/);
  });

  test('LIM-4: a refused SubmitJob creates no job', () => {
    // GIVEN
    const { backend } = testBackend();
    const accepted = submit(backend);

    // WHEN
    expect(() => submit(backend, { dependsOn: Array.from({ length: 21 }, () => ({ jobId: accepted })) })).toThrow(ClientException);

    // THEN only the first job exists
    expect(backend.listJobs({ jobQueue: 'queue', jobStatus: 'SUBMITTED' }).jobSummaryList.map((job) => job.jobId)).toEqual([accepted]);
  });
});
