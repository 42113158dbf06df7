import { CreateComputeEnvironmentCommand, CreateJobQueueCommand, DescribeJobsCommand, RegisterJobDefinitionCommand, SubmitJobCommand } from '@aws-sdk/client-batch';
import * as fc from 'fast-check';
import { Endpoint, managedEc2, pollUntil, rawRequest, startEndpoint } from './endpoint-fixture';
import { FuzzTally, fuzzOnce, observableState, startFuzzEndpoint } from './fuzz-check';
import { MODEL_FUZZ_REQUEST } from './fuzz-model-requests';
import { MALFORMED_REQUEST } from './fuzz-requests';

/** Everything a client could observe of the backend's state, through the backend's own operations. */
function snapshot(endpoint: Endpoint, jobIds: string[]): string {
  const backend = endpoint.host.backend;
  const arns = [
    ...backend.registry.listComputeEnvironments().map((r) => r.arn),
    ...backend.registry.listJobQueues().map((r) => r.arn),
    ...backend.registry.listJobDefinitions().map((r) => r.arn),
  ];
  return JSON.stringify({
    computeEnvironments: backend.describeComputeEnvironments(),
    jobQueues: backend.describeJobQueues(),
    jobDefinitions: backend.describeJobDefinitions(),
    jobs: backend.describeJobs(jobIds),
    listed: ['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED'].map((jobStatus) => backend.listJobs({ jobQueue: 'q', jobStatus })),
    tags: arns.map((arn) => backend.listTagsForResource(arn)),
    logGroups: backend.logs.groupNames(),
  });
}

describe('fuzz: malformed requests', () => {
  let endpoint: Endpoint;
  let jobIds: string[];

  beforeAll(async () => {
    endpoint = await startEndpoint();
    await endpoint.batch.send(new CreateComputeEnvironmentCommand(managedEc2('ce')));
    await endpoint.batch.send(new CreateComputeEnvironmentCommand(managedEc2('ce-off', { state: 'DISABLED' })));
    await endpoint.batch.send(new CreateJobQueueCommand({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] }));
    await endpoint.batch.send(new CreateJobQueueCommand({ jobQueueName: 'q-off', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce-off' }] }));
    await endpoint.batch.send(new RegisterJobDefinitionCommand({ jobDefinitionName: 'jd', type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 128 } }));
    const submitted = await endpoint.batch.send(new SubmitJobCommand({ jobName: 'done', jobQueue: 'q', jobDefinition: 'jd', arrayProperties: { size: 2 } }));
    jobIds = [submitted.jobId!, `${submitted.jobId}:0`, `${submitted.jobId}:1`];
    await pollUntil(() => endpoint.batch.send(new DescribeJobsCommand({ jobs: jobIds })), (r) => r.jobs!.every((j) => j.status === 'SUCCEEDED'));
  });
  afterAll(async () => {
    await endpoint.close();
  });

  test('LIM-5, LIM-6, LIM-8, LIM-9: 10,000 malformed requests each get a 4xx with a message; the server survives and the state is unchanged', async () => {
    // GIVEN
    const before = snapshot(endpoint, jobIds);
    const seen = new Map<string, number>();

    // WHEN
    await fc.assert(fc.asyncProperty(MALFORMED_REQUEST, async (request) => {
      const response = await rawRequest(endpoint.url, request.method, request.path, request.body, request.headers);
      seen.set(request.kind.split(' ')[0], (seen.get(request.kind.split(' ')[0]) ?? 0) + 1);

      // THEN (each request)
      expect({ kind: request.kind, status: response.status >= 400 && response.status < 500 }).toEqual({ kind: request.kind, status: true });
      expect(typeof response.body?.message).toBe('string');
      expect(response.body.message.length).toBeGreaterThan(0);
      expect(response.headers['x-amzn-errortype']).toBeDefined();
    }), { numRuns: 10_000, seed: 20260801, endOnFailure: true });

    // THEN (the whole run)
    const health = await rawRequest(endpoint.url, 'GET', '/_local/health');
    expect(health.status).toBe(200);
    expect(endpoint.serverErrors).toEqual([]);
    expect(snapshot(endpoint, jobIds)).toEqual(before);
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(10_000);
    expect([...seen.keys()].sort()).toEqual(expect.arrayContaining(['LIM-5', 'bad', 'missing', 'unknown', 'wrong']));
  }, 300_000);
});

describe('fuzz: requests from the service models\' input shapes, valid and mutated', () => {
  let endpoint: Endpoint;

  beforeAll(async () => {
    endpoint = await startFuzzEndpoint();
  });
  afterAll(async () => {
    await endpoint.close();
  });

  test('#21 §3, LIM-5: 600 requests (valid by shape, wrong types, huge strings, deep JSON, bad UTF-8; fixed seed) get no 5xx, a refusal changes nothing, and the server stays up', async () => {
    // GIVEN
    const tally = new FuzzTally();
    const state = { current: observableState(endpoint) };

    // WHEN
    await fc.assert(fc.asyncProperty(MODEL_FUZZ_REQUEST, (request) => fuzzOnce(endpoint, request, tally, state)), { numRuns: 600, seed: 20261206 });

    // THEN
    expect(tally.serverErrors).toEqual([]);
    expect(tally.changedOnRefusal).toEqual([]);
    expect(tally.badRefusals).toEqual([]);
    expect(endpoint.serverErrors).toEqual([]);
    expect((await rawRequest(endpoint.url, 'GET', '/_local/health')).status).toBe(200);
    // both outcomes were exercised: some requests accepted, some refused
    expect(tally.byStatusClass.get('2xx')).toBeGreaterThan(0);
    expect(tally.byStatusClass.get('4xx')).toBeGreaterThan(0);
    expect([...tally.byKind.keys()]).toEqual(expect.arrayContaining(['model', 'huge', 'deep', 'bad', 'odd']));
    expect([...endpoint.host.backend.allJobs()].length).toBeGreaterThan(1); // some SubmitJob was accepted
  }, 300_000);
});
