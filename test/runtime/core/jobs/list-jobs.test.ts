import { submit, testBackend } from '../fixtures';

/** A backend with jobs of `job:1`, `job:2`, `jobber:1` and `other:1`, submitted in that order. */
function backendWithDefinitions() {
  const { backend } = testBackend();
  const container = { image: 'busybox', vcpus: 1, memory: 512 };
  backend.registerJobDefinition({ jobDefinitionName: 'job', type: 'container', containerProperties: container });
  backend.registerJobDefinition({ jobDefinitionName: 'jobber', type: 'container', containerProperties: container });
  backend.registerJobDefinition({ jobDefinitionName: 'other', type: 'container', containerProperties: container });
  const ids = {
    job1: submit(backend, { jobName: 'a', jobDefinition: 'job:1' }),
    job2: submit(backend, { jobName: 'b', jobDefinition: 'job:2' }),
    jobber: submit(backend, { jobName: 'c', jobDefinition: 'jobber' }),
    other: submit(backend, { jobName: 'd', jobDefinition: 'other' }),
  };
  const listed = (value: string): string[] => backend.listJobs({ jobQueue: 'queue', filters: [{ name: 'JOB_DEFINITION', values: [value] }] })
    .jobSummaryList.map((summary) => summary.jobId).sort();
  return { backend, ids, listed };
}

describe('ListJobs JOB_DEFINITION filter', () => {
  test('LIST-2: GIVEN a value ending in * WHEN listing THEN every job whose definition name begins with the prefix is listed', () => {
    // GIVEN
    const { ids, listed } = backendWithDefinitions();

    // THEN
    expect(listed('job*')).toEqual([ids.job1, ids.job2, ids.jobber].sort());
    expect(listed('jobb*')).toEqual([ids.jobber]);
    expect(listed('*')).toEqual(Object.values(ids).sort());
  });

  test('LIST-2: GIVEN a bare name WHEN listing THEN jobs of every revision of exactly that name are listed, case-sensitively', () => {
    // GIVEN
    const { ids, listed } = backendWithDefinitions();

    // THEN
    expect(listed('job')).toEqual([ids.job1, ids.job2].sort());
    expect(listed('Job')).toEqual([]);
    expect(listed('Job*')).toEqual([]);
  });

  test('LIST-2: GIVEN an ARN or name:revision WHEN listing THEN only jobs of that revision are listed', () => {
    // GIVEN
    const { backend, ids, listed } = backendWithDefinitions();
    const arn = backend.describeJobs([ids.job2])[0].jobDefinition;

    // THEN
    expect(arn).toMatch(/:job-definition\/job:2$/);
    expect(listed(arn)).toEqual([ids.job2]);
    expect(listed('job:1')).toEqual([ids.job1]);
  });

  test('LIST-2: GIVEN an ARN with an asterisk WHEN listing THEN it is a ClientException naming the value', () => {
    // GIVEN
    const { listed } = backendWithDefinitions();

    // THEN
    expect(() => listed('arn:aws:batch:us-east-1:123456789012:job-definition/job*')).toThrow(/asterisk \(\*\) is not supported in a job definition ARN/);
    expect(() => listed('jo*b*')).toThrow(/"jo\*b\*": only one trailing asterisk/);
  });
});
