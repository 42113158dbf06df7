import * as path from 'path';
import { consoleCalls, startConsoleEndpoint } from './console-fixture';
import { createRuntime } from '../../../../src/runtime/api/create-runtime';
import { TemporaryWorkRoot } from '../../../temporary-work-root';
import { Endpoint, rawRequest } from '../endpoint-fixture';

describe('ConsoleRoutes (the local console under /console/)', () => {
  let endpoint: Endpoint;
  beforeEach(async () => {
    endpoint = await startConsoleEndpoint();
  });
  afterEach(async () => {
    await endpoint.close();
    expect(endpoint.serverErrors).toEqual([]);
  });

  const { advance, submit } = consoleCalls(() => endpoint);

  test('CON-1: a browser opening / is sent to /console/; a request without text/html still gets the AWS answer', async () => {
    // WHEN
    const browser = await rawRequest(endpoint.url, 'GET', '/', undefined, { Accept: 'text/html,application/xhtml+xml' });
    const sdk = await rawRequest(endpoint.url, 'GET', '/');
    const bare = await rawRequest(endpoint.url, 'GET', '/console');

    // THEN
    expect([browser.status, browser.headers.location]).toEqual([302, '/console/']);
    expect([bare.status, bare.headers.location]).toEqual([302, '/console/']);
    expect(sdk.status).toBe(404);
    expect(sdk.body.__type).toBe('UnknownOperationException');
  });

  test('CON-1: assets are served with an ETag (a reload is a 304); names outside the folder are 404', async () => {
    // WHEN
    const script = await rawRequest(endpoint.url, 'GET', '/console/assets/app.js');
    const again = await rawRequest(endpoint.url, 'GET', '/console/assets/app.js', undefined, { 'If-None-Match': String(script.headers.etag) });
    const escape = await rawRequest(endpoint.url, 'GET', '/console/assets/..%2Fconsole-routes.ts');
    const unknown = await rawRequest(endpoint.url, 'GET', '/console/assets/nope.js');

    // THEN
    expect([script.status, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(again.status).toBe(304);
    expect([escape.status, unknown.status]).toEqual([404, 404]);
  });

  test('CON-1: the console\'s routes only read: a POST is a 405 and creates nothing', async () => {
    // WHEN
    const answer = await rawRequest(endpoint.url, 'POST', '/console/api/overview', JSON.stringify({ jobName: 'x' }));

    // THEN
    expect(answer.status).toBe(405);
    expect(answer.body.message).toContain('only read');
    expect([...endpoint.host.backend.allJobs()]).toEqual([]);
  });

  test('CON-1: an unknown job is a 404 naming it; a stream of another job is a 400', async () => {
    // GIVEN
    const { jobId } = await submit({});

    // WHEN
    const unknown = await rawRequest(endpoint.url, 'GET', '/console/api/jobs/no-such-job');
    const stream = await rawRequest(endpoint.url, 'GET', `/console/api/jobs/${jobId}/logs?stream=other&from=0`);

    // THEN
    expect([unknown.status, unknown.body.message]).toEqual([404, expect.stringContaining('"no-such-job"')]);
    expect([stream.status, stream.body.message]).toEqual([400, expect.stringContaining('"other" is not a log stream')]);
  });

  test('CON-1: a compute environment\'s view lists its instances and the jobs on each', async () => {
    // GIVEN
    const { jobId } = await submit({ jobName: 'on-instance', jobDefinition: 'slow' });
    await advance(1);

    // WHEN
    const view = (await rawRequest(endpoint.url, 'GET', '/console/api/compute-environments/ce')).body;

    // THEN
    const withJob = view.instances.filter((instance: any) => instance.jobs.length > 0);
    expect(withJob).toHaveLength(1);
    expect(withJob[0].jobs).toEqual([expect.objectContaining({ jobId, jobName: 'on-instance', status: 'RUNNING', vcpus: 1, memoryMiB: 512 })]);
    expect(view.described.computeEnvironmentName).toBe('ce');
  });
});

describe('the console of a durable endpoint (serve --state-dir)', () => {
  test('CON-2: after a restart the dashboard says what was restored and counts the restored jobs', async () => {
    // GIVEN a job submitted to a durable endpoint, which then stops
    const state = new TemporaryWorkRoot('console-state');
    const options = {
      templateFile: path.join(__dirname, '..', '..', '..', 'cli', 'fixtures', 'small-stack.template.json'),
      executor: 'simulated' as const,
      clock: 'virtual' as const,
      stateDir: state.path,
    };
    try {
      const first = createRuntime(options);
      const firstUrl = await first.server.listen(0);
      const submitted = await rawRequest(firstUrl, 'POST', '/v1/submitjob', JSON.stringify({ jobName: 'kept', jobQueue: 'first-run-job-queue', jobDefinition: 'hello' }));
      expect(submitted.status).toBe(200);
      await first.server.close();
      await first.dispose();

      // WHEN it starts again
      const second = createRuntime(options);
      const url = await second.server.listen(0);
      const overview = (await rawRequest(url, 'GET', '/console/api/overview')).body;
      await second.server.close();
      await second.dispose();

      // THEN
      expect(overview.restored).toEqual({ requests: 1, jobsRecovered: 1, attemptsLost: 0 });
      expect(overview.queues.find((queue: any) => queue.name === 'first-run-job-queue').counts.SUBMITTED).toBe(1);
    } finally {
      state.remove();
    }
  });
});
