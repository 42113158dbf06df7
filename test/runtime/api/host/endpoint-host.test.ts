import * as path from 'path';
import { EndpointHost } from '../../../../src/runtime/api/host/endpoint-host';
import { fastSimulatedExecutor, pollUntil } from '../endpoint-fixture';

const FIXTURE = path.join(__dirname, '..', '..', '..', 'cli', 'fixtures', 'small-stack.template.json');

describe('EndpointHost', () => {
  test('loads a template file through the backend operations and runs jobs on the wall clock', async () => {
    // GIVEN
    const host = EndpointHost.create({ executor: fastSimulatedExecutor(), environment: { account: '111122223333', region: 'eu-west-1' } });

    // WHEN
    const loaded = host.loadTemplateFile(FIXTURE);
    const { jobId } = host.backend.submitJob({ jobName: 'j', jobQueue: 'first-run-job-queue', jobDefinition: 'hello' });
    const status = await pollUntil(() => Promise.resolve(host.backend.job(jobId)!.status), (s) => s === 'SUCCEEDED');
    host.dispose();

    // THEN
    expect(status).toBe('SUCCEEDED');
    expect(loaded.batchResources.get('Queue')).toBe('arn:aws:batch:eu-west-1:111122223333:job-queue/first-run-job-queue');
    expect(host.backend.job(jobId)!.createdAt).toBeGreaterThan(Date.UTC(2024, 0, 1));
  });

  test('CE-1, DIAG-1: the fixture loads with its INVALID compute environment reported, not rejected', () => {
    const host = EndpointHost.create({ executor: fastSimulatedExecutor() });
    host.loadTemplateFile(FIXTURE);
    host.dispose();
    expect(host.backend.describeComputeEnvironments({ computeEnvironments: ['broken-ce'] }).computeEnvironments[0].status).toBe('INVALID');
  });
});
