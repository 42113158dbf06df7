import { ListJobsCommand } from '@aws-sdk/client-batch';
import { consoleCalls, startConsoleEndpoint } from './console-fixture';
import { JOB_STATUSES } from '../../../../src/runtime/core/model/job-status';
import { Endpoint, rawRequest } from '../endpoint-fixture';

describe('consoleOverview (the dashboard\'s figures)', () => {
  let endpoint: Endpoint;
  beforeEach(async () => {
    endpoint = await startConsoleEndpoint();
  });
  afterEach(async () => {
    await endpoint.close();
    expect(endpoint.serverErrors).toEqual([]);
  });

  const { advance, submit } = consoleCalls(() => endpoint);

  test('CON-2: the dashboard counts each queue\'s jobs per status exactly as ListJobs lists them', async () => {
    // GIVEN jobs in several states, an array parent among them
    for (let i = 0; i < 5; i++) await submit({ jobName: `quick-${i}` });
    await submit({ jobName: 'slow', jobDefinition: 'slow' });
    await submit({ jobName: 'array', arrayProperties: { size: 3 } });
    await submit({ jobName: 'elsewhere', jobQueue: 'other', jobDefinition: 'slow' });
    await advance(1);
    await submit({ jobName: 'late' });

    // WHEN
    const overview = (await rawRequest(endpoint.url, 'GET', '/console/api/overview')).body;

    // THEN
    for (const queue of overview.queues) {
      for (const status of JOB_STATUSES) {
        const listed = await endpoint.batch.send(new ListJobsCommand({ jobQueue: queue.name, jobStatus: status, maxResults: 1000 }));
        expect([queue.name, status, queue.counts[status]]).toEqual([queue.name, status, listed.jobSummaryList!.length]);
      }
    }
    expect(overview.queues.find((q: any) => q.name === 'work').counts).toMatchObject({ SUCCEEDED: 6, RUNNING: 1, SUBMITTED: 1 });
    const ce = overview.computeEnvironments[0];
    expect(ce).toMatchObject({ name: 'ce', state: 'ENABLED', minvCpus: 0, maxvCpus: 8, vcpusInUse: 2, memoryMiBInUse: 1024 });
    expect(ce.instances).toBeGreaterThan(0);
  });
});
