import * as net from 'net';
import { Endpoint, managedEc2, pollUntil, rawRequest, startEndpoint } from './endpoint-fixture';
import { BatchLocalServer } from '../../../src/runtime/api/batch-local-server';
import { ApiError } from '../../../src/runtime/api/http/api-error';

describe('BatchLocalServer wire behaviour', () => {
  let endpoint: Endpoint;
  beforeAll(async () => {
    endpoint = await startEndpoint();
    endpoint.server.localRoutes.add('POST', 'echo', { handle: (request) => ({ echoed: request.body, q: request.query.get('q') }) });
    endpoint.server.localRoutes.add('GET', 'boom', { handle: () => { throw new Error('kaboom'); } });
    endpoint.server.localRoutes.add('GET', 'teapot', { handle: () => { throw new ApiError(418, 'TeapotException', 'short and stout'); } });
  });
  afterAll(async () => {
    await endpoint.close();
  });

  test('listen gives an http://127.0.0.1:PORT URL on an ephemeral port', () => {
    expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('unsigned requests and requests with any Authorization header are served alike', async () => {
    // WHEN
    const unsigned = await rawRequest(endpoint.url, 'POST', '/v1/describejobqueues', '{}');
    const oddlySigned = await rawRequest(endpoint.url, 'POST', '/v1/describejobqueues', '{}', { Authorization: 'AWS4-HMAC-SHA256 Credential=x/y, Signature=z' });

    // THEN
    expect([unsigned.status, unsigned.body]).toEqual([200, { jobQueues: [] }]);
    expect([oddlySigned.status, oddlySigned.body]).toEqual([200, { jobQueues: [] }]);
    expect(unsigned.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('an empty body is an empty request', async () => {
    expect((await rawRequest(endpoint.url, 'POST', '/v1/describecomputeenvironments')).body).toEqual({ computeEnvironments: [] });
  });

  test('an unknown path is 404 UnknownOperationException; a wrong method is 405', async () => {
    // WHEN
    const unknown = await rawRequest(endpoint.url, 'POST', '/v2/submitjob', '{}');
    const wrongMethod = await rawRequest(endpoint.url, 'GET', '/v1/submitjob');

    // THEN
    expect([unknown.status, unknown.headers['x-amzn-errortype']]).toEqual([404, 'UnknownOperationException']);
    expect(unknown.body.message).toMatch(/^POST \/v2\/submitjob: no AWS Batch operation has this route/);
    expect([wrongMethod.status, wrongMethod.body.message]).toEqual([405, 'GET /v1/submitjob: this path takes POST']);
  });

  test('an AWS Batch operation batch-local does not implement is a ClientException naming it', async () => {
    const response = await rawRequest(endpoint.url, 'POST', '/v1/createquotashare', '{}');
    expect([response.status, response.body]).toEqual([400, { __type: 'ClientException', message: 'CreateQuotaShare is an AWS Batch operation that batch-local does not implement' }]);
  });

  test('a body over 1 MiB is refused with 413 before it is read to the end', async () => {
    const response = await rawRequest(endpoint.url, 'POST', '/v1/registerjobdefinition', 'x'.repeat(1024 * 1024 + 10));
    expect([response.status, response.headers['x-amzn-errortype']]).toEqual([413, 'RequestEntityTooLargeException']);
  });

  test('bytes that are not HTTP get a 400 in the AWS error format, and the server keeps serving', async () => {
    // WHEN
    const port = Number(new URL(endpoint.url).port);
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write('{"not":"http"}\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => { text += chunk.toString(); });
      socket.on('close', () => resolve(text));
    });
    const after = await rawRequest(endpoint.url, 'GET', '/_local/health');

    // THEN
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('x-amzn-ErrorType: ClientException');
    expect(answer).toContain('"message":"malformed HTTP request: HPE_INVALID_METHOD');
    expect(after.status).toBe(200);
  });

  test('local routes: /_local/health, registered routes with body and query, 404 listing the known ones', async () => {
    // WHEN
    const health = await rawRequest(endpoint.url, 'GET', '/_local/health');
    const echo = await rawRequest(endpoint.url, 'POST', '/_local/echo?q=1', '{"a":1}');
    const unknown = await rawRequest(endpoint.url, 'GET', '/_local/nothing');

    // THEN
    expect(health.body).toMatchObject({ status: 'ok' });
    expect(echo.body).toEqual({ echoed: { a: 1 }, q: '1' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('known: GET /_local/health, GET /_local/explain, POST /_local/echo');
  });

  test('DIAG-2: /_local/explain explains a job; without a jobId it is a ClientException', async () => {
    // GIVEN: a job in a queue whose only compute environment is DISABLED
    const backend = endpoint.host.backend;
    backend.createComputeEnvironment(managedEc2('ce-off', { state: 'DISABLED' }));
    backend.createJobQueue({ jobQueueName: 'q-off', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce-off' }] });
    backend.registerJobDefinition({ jobDefinitionName: 'jd', type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 64 } });
    const { jobId } = backend.submitJob({ jobName: 'stuck', jobQueue: 'q-off', jobDefinition: 'jd' });
    await pollUntil(() => Promise.resolve(backend.job(jobId)!.status), (status) => status === 'RUNNABLE');

    // WHEN
    const explained = await rawRequest(endpoint.url, 'GET', `/_local/explain?jobId=${jobId}`);
    const missing = await rawRequest(endpoint.url, 'GET', '/_local/explain');
    const unknown = await rawRequest(endpoint.url, 'GET', '/_local/explain?jobId=nope');

    // THEN
    expect(explained.body.jobId).toBe(jobId);
    expect(explained.body.explanation).toContain('ce-off is DISABLED/VALID');
    expect([missing.status, missing.body.message]).toEqual([400, 'jobId: required query parameter']);
    expect([unknown.status, unknown.body.message]).toEqual([400, 'jobId: unknown job "nope"']);
  });

  test('an unexpected error is a 500 ServerException, reported to the server log; an ApiError keeps its status', async () => {
    // WHEN
    const boom = await rawRequest(endpoint.url, 'GET', '/_local/boom');
    const teapot = await rawRequest(endpoint.url, 'GET', '/_local/teapot');

    // THEN
    expect([boom.status, boom.headers['x-amzn-errortype'], boom.body.message]).toEqual([500, 'ServerException', 'internal error of the local runtime: kaboom']);
    expect(endpoint.serverErrors.splice(0)).toEqual([expect.stringContaining('GET /_local/boom: internal error of the local runtime: kaboom')]);
    expect([teapot.status, teapot.body]).toEqual([418, { __type: 'TeapotException', message: 'short and stout' }]);
  });

  test('a local route cannot be registered twice', () => {
    expect(() => endpoint.server.localRoutes.add('get', '/health', { handle: () => ({}) })).toThrow('local route GET /_local/health is already registered');
  });

  test('listening on a port in use rejects', async () => {
    // GIVEN
    const other = new BatchLocalServer(endpoint.host.backend);
    const port = Number(new URL(endpoint.url).port);

    // WHEN / THEN
    await expect(other.listen(port, '127.0.0.1')).rejects.toThrow(/EADDRINUSE/);
  });
});
