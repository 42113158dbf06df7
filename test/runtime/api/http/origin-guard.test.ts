import * as fs from 'fs';
import * as path from 'path';
import { CreateComputeEnvironmentCommand, CreateJobQueueCommand, ListJobsCommand, RegisterJobDefinitionCommand } from '@aws-sdk/client-batch';
import { createRuntime } from '../../../../src/runtime/api/create-runtime';
import { isLoopbackAddress, OriginGuard } from '../../../../src/runtime/api/http/origin-guard';
import { TemporaryWorkRoot } from '../../../temporary-work-root';
import { Endpoint, managedEc2, pollUntil, rawRequest, startEndpoint } from '../endpoint-fixture';

const SMALL_STACK = path.join(__dirname, '..', '..', '..', 'cli', 'fixtures', 'small-stack.template.json');
const SUBMIT = JSON.stringify({ jobName: 'probe', jobQueue: 'q', jobDefinition: 'd' });

describe('OriginGuard (pure)', () => {
  const guard = new OriginGuard();
  guard.bind('127.0.0.1');

  test('GIVEN what the SDKs, the AWS CLI, boto3 and curl send WHEN checked THEN every one is served', () => {
    expect(guard.refusal('POST', { 'host': '127.0.0.1:4590', 'content-type': 'application/json' })).toBeUndefined();
    expect(guard.refusal('POST', { 'host': 'localhost:4590', 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Logs_20140328.GetLogEvents' })).toBeUndefined();
    expect(guard.refusal('GET', { host: '127.0.0.1:4590' })).toBeUndefined(); // no content type on an empty body
    expect(guard.refusal('POST', { host: '[::1]:4590' })).toBeUndefined();
    expect(guard.refusal('POST', { host: 'batch.localhost:4590' })).toBeUndefined();
    expect(guard.refusal('POST', { 'host': '127.0.0.1:4590', 'content-type': 'application/json; charset=utf-8' })).toBeUndefined();
  });

  test('GIVEN a same-origin request of a page the server serves WHEN checked THEN it is served', () => {
    expect(guard.refusal('POST', {
      'host': '127.0.0.1:4590', 'origin': 'http://127.0.0.1:4590', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json',
    })).toBeUndefined();
    expect(guard.refusal('GET', { 'host': '127.0.0.1:4590', 'sec-fetch-site': 'none' })).toBeUndefined(); // a typed URL
  });

  test.each([
    ['Origin', { 'host': '127.0.0.1:4590', 'origin': 'http://evil.example', 'content-type': 'application/json' }],
    ['Origin', { 'host': '127.0.0.1:4590', 'origin': 'null', 'content-type': 'application/json' }],
    ['Origin', { host: '127.0.0.1:4590', origin: 'http://localhost:4590' }], // another origin, though loopback
    ['Origin', { host: '127.0.0.1:4590', origin: 'http://127.0.0.1:8080' }],
    ['Sec-Fetch-Site', { 'host': '127.0.0.1:4590', 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site', { 'host': '127.0.0.1:4590', 'sec-fetch-site': 'same-site' }],
    ['Content-Type', { 'host': '127.0.0.1:4590', 'content-type': 'text/plain' }],
    ['Content-Type', { 'host': '127.0.0.1:4590', 'content-type': 'application/x-www-form-urlencoded' }],
    ['Content-Type', { 'host': '127.0.0.1:4590', 'content-type': 'multipart/form-data; boundary=x' }],
    ['Content-Type', { 'host': '127.0.0.1:4590', 'content-type': 'TEXT/PLAIN;charset=UTF-8' }],
    ['Host', { host: 'evil.example:4590' }],
    ['Host', { host: '203.0.113.7:4590' }],
    ['Host', { host: 'localhost.evil.example' }],
  ])('GIVEN a request with a browser signal in %s WHEN checked THEN it is a 403 naming the header', (header, headers) => {
    const refusal = guard.refusal('POST', headers);
    expect(refusal?.status).toBe(403);
    expect(refusal?.message).toContain(`${header}:`);
  });

  test('GIVEN a CORS preflight WHEN checked THEN it is refused with no permission', () => {
    const refusal = guard.refusal('OPTIONS', { 'host': '127.0.0.1:4590', 'origin': 'http://127.0.0.1:4590', 'access-control-request-method': 'POST' });
    expect(refusal?.status).toBe(403);
    expect(refusal?.message).toContain('Access-Control-Request-Method: CORS preflight refused');
  });

  test('GIVEN allowed host names WHEN a request names one THEN it is served, and other names still are not', () => {
    const allowing = new OriginGuard({ allowedHosts: ['batch.dev.internal', '.corp.example'] });
    allowing.bind('127.0.0.1');
    expect(allowing.refusal('GET', { host: 'batch.dev.internal:4590' })).toBeUndefined();
    expect(allowing.refusal('GET', { host: 'corp.example' })).toBeUndefined();
    expect(allowing.refusal('GET', { host: 'a.b.corp.example:1' })).toBeUndefined();
    expect(allowing.refusal('GET', { host: 'notcorp.example' })?.status).toBe(403);
  });

  test('GIVEN a server bound to a specific address WHEN a request names that address THEN it is served', () => {
    const bound = new OriginGuard();
    bound.bind('192.0.2.10');
    expect(bound.refusal('GET', { host: '192.0.2.10:4590' })).toBeUndefined();
    expect(bound.refusal('GET', { host: '192.0.2.11:4590' })?.status).toBe(403);
  });

  test('loopback addresses are 127.0.0.0/8, ::1 and IPv4-mapped loopback', () => {
    expect(['127.0.0.1', '127.9.9.9', '::1', '::ffff:127.0.0.1'].every(isLoopbackAddress)).toBe(true);
    expect(['128.0.0.1', '::2', 'localhost', '127.0.0.1.evil.example'].some(isLoopbackAddress)).toBe(false);
  });
});

describe('BatchLocalServer refuses browser-origin requests (#21 §1)', () => {
  let endpoint: Endpoint;
  beforeAll(async () => {
    endpoint = await startEndpoint();
    await endpoint.batch.send(new CreateComputeEnvironmentCommand(managedEc2('ce')));
    await endpoint.batch.send(new CreateJobQueueCommand({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] }));
    await endpoint.batch.send(new RegisterJobDefinitionCommand({ jobDefinitionName: 'd', type: 'container', containerProperties: { image: 'busybox', command: ['true'], resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '512' }] } }));
  });
  afterAll(() => endpoint.close());

  const jobCount = async (): Promise<number> => (await endpoint.batch.send(new ListJobsCommand({ jobQueue: 'q', filters: [{ name: 'JOB_NAME', values: ['*'] }] }))).jobSummaryList!.length;

  test.each([
    ['/v1/submitjob', { 'Content-Type': 'text/plain', 'Origin': 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' }, 'Origin:'],
    ['/v1/submitjob', { 'Content-Type': 'text/plain' }, 'Content-Type:'],
    ['/v1/submitjob', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'Content-Type:'],
    ['/v1/submitjob', { 'Content-Type': 'multipart/form-data; boundary=zz' }, 'Content-Type:'],
    ['/v1/submitjob', { 'Content-Type': 'application/json', 'Origin': 'null' }, 'Origin:'],
    ['/v1/submitjob', { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-site' }, 'Sec-Fetch-Site:'],
    ['/v1/submitjob', { 'Content-Type': 'application/json', 'Host': 'rebound.evil.example:4590' }, 'Host:'],
  ])('GIVEN %s with %j WHEN sent THEN 403 naming the header, and no job is created', async (route, headers, named) => {
    // WHEN
    const answer = await rawRequest(endpoint.url, 'POST', route, SUBMIT, headers);

    // THEN
    expect(answer.status).toBe(403);
    expect(answer.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(answer.body.message).toContain(named);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(await jobCount()).toBe(0);
  });

  test('GIVEN a cross-origin local route and Logs request WHEN sent THEN both are refused before they are handled', async () => {
    // GIVEN a local route that counts its calls
    let calls = 0;
    endpoint.server.localRoutes.add('POST', 'probe', { handle: () => ({ calls: ++calls }) });

    // WHEN
    const probe = await rawRequest(endpoint.url, 'POST', '/_local/probe', '{}', { Origin: 'http://evil.example' });
    const logs = await rawRequest(endpoint.url, 'POST', '/', JSON.stringify({ logGroupName: '/aws/batch/job', logStreamName: 'x' }),
      { 'X-Amz-Target': 'Logs_20140328.GetLogEvents', 'Content-Type': 'text/plain' });
    const health = await rawRequest(endpoint.url, 'GET', '/_local/health', undefined, { 'Sec-Fetch-Site': 'cross-site' });

    // THEN
    expect([probe.status, logs.status, health.status]).toEqual([403, 403, 403]);
    expect(logs.body.message).toContain('Content-Type:');
    expect(calls).toBe(0);
    expect((await rawRequest(endpoint.url, 'POST', '/_local/probe', '{}')).body).toEqual({ calls: 1 });
  });

  test('GIVEN a CORS preflight WHEN sent THEN 403 with no Access-Control-Allow header', async () => {
    const answer = await rawRequest(endpoint.url, 'OPTIONS', '/v1/submitjob', undefined, {
      'Origin': 'http://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type',
    });
    expect(answer.status).toBe(403);
    expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  test('GIVEN a plain SDK-like request WHEN sent THEN it is served (the guard refuses browsers only)', async () => {
    const answer = await rawRequest(endpoint.url, 'POST', '/v1/submitjob', SUBMIT);
    expect(answer.status).toBe(200);
    expect(await jobCount()).toBe(1);
  });
});

describe('serve with the process executor: a refused request runs nothing (#21 §1)', () => {
  test('GIVEN the process executor WHEN a cross-site text/plain submit arrives THEN no process runs; the same request from a client does run', async () => {
    // GIVEN
    const root = new TemporaryWorkRoot('origin-guard');
    const outbox = path.join(root.path, 'outbox');
    fs.mkdirSync(outbox, { mode: 0o777 });
    fs.chmodSync(outbox, 0o777); // the job may run as nobody
    const runtime = createRuntime({ templateFile: SMALL_STACK, executor: 'process' });
    const url = await runtime.server.listen(0, '127.0.0.1');
    const submit = (file: string): string => JSON.stringify({
      jobName: 'probe',
      jobQueue: 'first-run-job-queue',
      jobDefinition: 'hello',
      containerOverrides: { command: ['sh', '-c', `id > ${path.join(outbox, file)}`] },
    });
    try {
      // WHEN
      const refused = await rawRequest(url, 'POST', '/v1/submitjob', submit('from-page'), {
        'Content-Type': 'text/plain', 'Origin': 'http://evil.example', 'Sec-Fetch-Site': 'cross-site',
      });
      const served = await rawRequest(url, 'POST', '/v1/submitjob', submit('from-client'));
      await pollUntil(async () => runtime.host.backend.job(served.body.jobId)?.status, (status) => status === 'SUCCEEDED' || status === 'FAILED', 30_000);

      // THEN
      expect(refused.status).toBe(403);
      expect(served.status).toBe(200);
      expect([...runtime.host.backend.allJobs()].map((job) => job.jobId)).toEqual([served.body.jobId]);
      expect(fs.readdirSync(outbox)).toEqual(['from-client']);
    } finally {
      await runtime.server.close();
      await runtime.dispose();
      root.remove();
    }
  });
});
