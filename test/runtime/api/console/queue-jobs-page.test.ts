import * as fc from 'fast-check';
import { startConsoleEndpoint } from './console-fixture';
import { queueJobsPage, parseQueueJobsQuery } from '../../../../src/runtime/api/console/queue-jobs-page';
import { BatchBackend } from '../../../../src/runtime/core/backend';
import { JobRecord } from '../../../../src/runtime/core/jobs/job-record';
import { JobStatus } from '../../../../src/runtime/core/model/job-status';
import { Endpoint } from '../endpoint-fixture';

describe('queueJobsPage', () => {
  let endpoint: Endpoint;
  let backend: BatchBackend;
  beforeAll(async () => {
    endpoint = await startConsoleEndpoint();
    backend = endpoint.host.backend;
    // 120 jobs with three names, two shares; some run to the end.
    for (let i = 0; i < 60; i++) backend.submitJob({ jobName: ['Etl-a', 'etl-b', 'report'][i % 3], jobQueue: 'work', jobDefinition: 'quick' });
    endpoint.host.runUntilIdle();
    for (let i = 60; i < 120; i++) backend.submitJob({ jobName: ['Etl-a', 'etl-b', 'report'][i % 3], jobQueue: 'work', jobDefinition: 'quick' });
  });
  afterAll(() => endpoint.close());

  /** Every page from the first to the last, following nextBefore. */
  function allPages(jobs: readonly JobRecord[], params: Record<string, string>): string[] {
    const ids: string[] = [];
    let before: number | undefined;
    for (let pages = 0; pages < 1000; pages++) {
      const query = parseQueueJobsQuery(new URLSearchParams({ ...params, ...(before !== undefined ? { before: String(before) } : {}) }));
      const page = queueJobsPage(jobs, query);
      ids.push(...page.jobs.map((job) => job.jobId));
      if (page.nextBefore === undefined) return ids;
      before = page.nextBefore;
    }
    throw new Error('paging did not end');
  }

  test('CON-3: following nextBefore from the first page lists every matching job once, newest first (ListJobs\' order), for any filter and page size', () => {
    const jobs = backend.jobsInQueue('work');
    fc.assert(fc.property(
      fc.constantFrom<JobStatus | ''>('', 'SUBMITTED', 'SUCCEEDED', 'FAILED'),
      fc.constantFrom('', 'etl', 'ETL-A', 'rep', 'x'),
      fc.integer({ min: 1, max: 40 }),
      (status, prefix, limit) => {
        // WHEN
        const paged = allPages(jobs, { status, prefix, limit: String(limit) });

        // THEN
        const expected = [...jobs].reverse()
          .filter((job) => (status === '' || job.status === status) && job.spec.jobName.toLowerCase().startsWith(prefix.toLowerCase()))
          .map((job) => job.jobId);
        expect(paged).toEqual(expected);
        const first = queueJobsPage(jobs, parseQueueJobsQuery(new URLSearchParams({ status, prefix, limit: String(limit) })));
        expect(first.matching).toBe(expected.length);
      }));
  });

  test('CON-3: a malformed filter is a ClientException naming the parameter and the value', () => {
    expect(() => parseQueueJobsQuery(new URLSearchParams({ status: 'DONE' }))).toThrow(/status: "DONE" is not one of SUBMITTED/);
    expect(() => parseQueueJobsQuery(new URLSearchParams({ limit: '501' }))).toThrow(/limit: "501" is not an integer in 1..500/);
    expect(() => parseQueueJobsQuery(new URLSearchParams({ before: '-1' }))).toThrow(/before: "-1"/);
  });

  test('ARR-3: an array parent\'s row summarises its children by status', () => {
    // GIVEN
    const { jobId } = backend.submitJob({ jobName: 'array', jobQueue: 'other', jobDefinition: 'quick', arrayProperties: { size: 4 } });
    endpoint.host.runUntilIdle();

    // WHEN
    const page = queueJobsPage(backend.jobsInQueue('other'), parseQueueJobsQuery(new URLSearchParams()));

    // THEN
    expect(page.jobs.find((row) => row.jobId === jobId))
      .toMatchObject({ arraySize: 4, children: expect.objectContaining({ SUCCEEDED: 4, FAILED: 0 }) });
  });
});
