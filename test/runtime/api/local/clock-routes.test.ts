import { Duration } from 'aws-cdk-lib';
import { BatchLocalServer } from '../../../../src/runtime/api/batch-local-server';
import { EndpointHost } from '../../../../src/runtime/api/host/endpoint-host';
import { addClockRoutes } from '../../../../src/runtime/api/local/clock-routes';
import { DEFAULT_VIRTUAL_EPOCH_MS } from '../../../../src/runtime/core/clock';
import { JobExecutor } from '../../../../src/runtime/executors/job-executor';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { managedEc2, rawRequest } from '../endpoint-fixture';

/** A server with the clock routes on a host of the given mode; jobs take 90 s of (virtual) time. */
async function start(clock: 'virtual' | 'wall'): Promise<{ host: EndpointHost; server: BatchLocalServer; url: string }> {
  const executor = JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.seconds(90) }) });
  const host = EndpointHost.create({ clock, executor });
  const server = new BatchLocalServer(host.backend, { logError: (message) => { throw new Error(message); } });
  addClockRoutes(server.localRoutes, host);
  const url = await server.listen(0, '127.0.0.1');
  return { host, server, url };
}

function setUpQueue(host: EndpointHost): void {
  host.backend.createComputeEnvironment(managedEc2('ce'));
  host.backend.createJobQueue({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] });
  host.backend.registerJobDefinition({ jobDefinitionName: 'd', type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 512 } });
}

const post = (url: string, path: string, body: unknown): ReturnType<typeof rawRequest> => rawRequest(url, 'POST', path, JSON.stringify(body));

describe('the /_local/clock routes', () => {
  let endpoint: { host: EndpointHost; server: BatchLocalServer; url: string };

  afterEach(async () => {
    await endpoint.server.close();
    endpoint.host.dispose();
  });

  test('#11 §2: GET /_local/clock reports the virtual time, the mode and the pending events, and time never moves on its own', async () => {
    // GIVEN
    endpoint = await start('virtual');
    setUpQueue(endpoint.host);
    endpoint.host.backend.submitJob({ jobName: 'j', jobQueue: 'q', jobDefinition: 'd' });

    // WHEN
    const first = await rawRequest(endpoint.url, 'GET', '/_local/clock');
    await new Promise((resolve) => setImmediate(resolve));
    const second = await rawRequest(endpoint.url, 'GET', '/_local/clock');

    // THEN
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ now: DEFAULT_VIRTUAL_EPOCH_MS, mode: 'virtual', pendingEvents: expect.any(Number) });
    expect(first.body.pendingEvents).toBeGreaterThan(0);
    expect(second.body.now).toBe(DEFAULT_VIRTUAL_EPOCH_MS);
  });

  test('#11 §2: advance runs the events due in the window and answers the new now; the job is RUNNING, then SUCCEEDED after its 90 s', async () => {
    // GIVEN
    endpoint = await start('virtual');
    setUpQueue(endpoint.host);
    const { jobId } = endpoint.host.backend.submitJob({ jobName: 'j', jobQueue: 'q', jobDefinition: 'd' });

    // WHEN
    const advanced = await post(endpoint.url, '/_local/clock/advance', { seconds: 30 });
    const midway = endpoint.host.backend.describeJobs([jobId])[0];
    const idle = await post(endpoint.url, '/_local/clock/run-until-idle', {});
    const done = endpoint.host.backend.describeJobs([jobId])[0];

    // THEN
    expect(advanced.status).toBe(200);
    expect(advanced.body.now).toBe(DEFAULT_VIRTUAL_EPOCH_MS + 30_000);
    expect(midway.status).toBe('RUNNING');
    expect(idle.status).toBe(200);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.stoppedAt! - done.startedAt!).toBe(90_000);
    // Idle means no event left: the instance's scale-down after the job is the last one.
    expect(idle.body).toEqual({ now: expect.any(Number), mode: 'virtual', pendingEvents: 0 });
    expect(idle.body.now).toBeGreaterThanOrEqual(done.stoppedAt!);
  });

  test('#11 §2: run-until-idle with maxSeconds stops at the bound with events still pending', async () => {
    // GIVEN
    endpoint = await start('virtual');
    setUpQueue(endpoint.host);
    const { jobId } = endpoint.host.backend.submitJob({ jobName: 'j', jobQueue: 'q', jobDefinition: 'd' });

    // WHEN
    const bounded = await post(endpoint.url, '/_local/clock/run-until-idle', { maxSeconds: 10 });

    // THEN
    expect(bounded.status).toBe(200);
    expect(bounded.body.now).toBeLessThanOrEqual(DEFAULT_VIRTUAL_EPOCH_MS + 10_000);
    expect(bounded.body.pendingEvents).toBeGreaterThan(0);
    expect(endpoint.host.backend.describeJobs([jobId])[0].status).not.toBe('SUCCEEDED');
  });

  test.each([
    ['advance', { seconds: -1 }, 'seconds: expected a number of seconds >= 0; got -1'],
    ['advance', { seconds: '10' }, 'seconds: expected a number of seconds >= 0; got "10"'],
    ['advance', {}, 'seconds: expected a number of seconds >= 0; got nothing'],
    ['advance', { seconds: 1, minutes: 2 }, 'minutes: unknown member of the request; known: seconds'],
    ['run-until-idle', { maxSeconds: -5 }, 'maxSeconds: expected a number of seconds >= 0; got -5'],
  ])('#11 §2: POST /_local/clock/%s with %j is a 400 naming the field and value, and time does not move', async (route, body, message) => {
    // GIVEN
    endpoint = await start('virtual');

    // WHEN
    const response = await post(endpoint.url, `/_local/clock/${route}`, body);

    // THEN
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ __type: 'ClientException', message });
    expect(endpoint.host.clockState().now).toBe(DEFAULT_VIRTUAL_EPOCH_MS);
  });

  test.each(['advance', 'run-until-idle'])('#11 §2: on the wall clock POST /_local/clock/%s is a 400 naming the mode; GET still answers', async (route) => {
    // GIVEN
    endpoint = await start('wall');

    // WHEN
    const response = await post(endpoint.url, `/_local/clock/${route}`, { seconds: 1 });
    const state = await rawRequest(endpoint.url, 'GET', '/_local/clock');

    // THEN
    expect(response.status).toBe(400);
    expect(response.body.__type).toBe('ClientException');
    expect(response.body.message).toContain('the clock is in wall mode');
    expect(response.body.message).toContain('--clock virtual');
    expect(state.body.mode).toBe('wall');
  });
});
