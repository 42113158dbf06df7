import { CreateComputeEnvironmentCommand, CreateJobQueueCommand, RegisterJobDefinitionCommand, SubmitJobCommand } from '@aws-sdk/client-batch';
import * as fc from 'fast-check';
import { Endpoint, fastSimulatedExecutor, managedEc2, rawRequest, startEndpoint } from './endpoint-fixture';
import { MODEL_FUZZ_REQUEST } from './fuzz-model-requests';
import { FuzzRequest, MALFORMED_REQUEST } from './fuzz-requests';
import { MAX_REQUEST_BYTES } from '../../../src/runtime/api/http/wire';

const STATUSES = ['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED'];

/** Everything a client could observe of the backend's state, read through the backend's own operations. */
export function observableState(endpoint: Endpoint): string {
  const backend = endpoint.host.backend;
  const queues = backend.registry.listJobQueues();
  const arns = [
    ...backend.registry.listComputeEnvironments().map((r) => r.arn),
    ...queues.map((r) => r.arn),
    ...backend.registry.listJobDefinitions().map((r) => r.arn),
  ];
  const jobs = [...backend.allJobs()].map((job) => job.jobId);
  return JSON.stringify({
    computeEnvironments: backend.describeComputeEnvironments(),
    jobQueues: backend.describeJobQueues(),
    jobDefinitions: backend.describeJobDefinitions(),
    jobs: jobs.flatMap((_, start) => (start % 100 === 0 ? backend.describeJobs(jobs.slice(start, start + 100)) : [])),
    listed: queues.flatMap((queue) => STATUSES.map((jobStatus) => backend.listJobs({ jobQueue: queue.arn, jobStatus }))),
    tags: arns.map((arn) => backend.listTagsForResource(arn)),
    logGroups: backend.logs.groupNames(),
    clock: endpoint.host.clockState(),
  });
}

/** What a fuzz run saw. */
export class FuzzTally {
  cases = 0;
  /** Bodies over MAX_REQUEST_BYTES whose 413 the client did not read: it was still writing when the server closed. */
  closedWhileWriting = 0;
  readonly byStatusClass = new Map<string, number>();
  readonly byKind = new Map<string, number>();
  /** Requests answered 5xx (or not answered): each a bug. */
  readonly serverErrors: string[] = [];
  /** Requests refused (4xx) that changed the state anyway: each a bug. */
  readonly changedOnRefusal: string[] = [];
  /** Refusals without an AWS error body (type header, non-empty message). */
  readonly badRefusals: string[] = [];

  summary(): string {
    const statuses = [...this.byStatusClass].sort().map(([status, count]) => `${status}: ${count}`).join(', ');
    return `${this.cases} cases (${statuses}; ${this.closedWhileWriting} oversized bodies cut off by the 413's close); 5xx or no answer: ${this.serverErrors.length}; state changed on a 4xx: ${this.changedOnRefusal.length}; `
      + `4xx without an AWS error body: ${this.badRefusals.length}`;
  }
}

function describe(request: FuzzRequest): string {
  const body = request.body === undefined ? '' : String(request.body);
  return `${request.kind}: ${request.method} ${request.path.slice(0, 120)} ${body.length > 200 ? `${body.slice(0, 200)}... (${body.length} chars)` : body}`;
}

/**
 * Sends one request and checks it against the endpoint's contract: never a 5xx, and a refusal (4xx)
 * changes nothing (`state.current` is the observable state before; it moves on after an accepted request).
 */
export async function fuzzOnce(endpoint: Endpoint, request: FuzzRequest, tally: FuzzTally, state: { current: string }): Promise<void> {
  tally.cases++;
  const kind = request.kind.split(' ')[0];
  tally.byKind.set(kind, (tally.byKind.get(kind) ?? 0) + 1);
  let status: number;
  let body: any;
  let errorType: unknown;
  try {
    const response = await rawRequest(endpoint.url, request.method, request.path, request.body, request.headers);
    status = response.status;
    body = response.body;
    errorType = response.headers['x-amzn-errortype'];
  } catch (error) {
    // A body over the size limit is answered 413 before it is read, and the connection closed: a
    // client still writing it may see the close first. Any other request must get its answer.
    const bytes = request.body === undefined ? 0 : Buffer.byteLength(request.body);
    if (bytes > MAX_REQUEST_BYTES && /ECONNRESET|EPIPE/.test((error as Error).message)) {
      tally.closedWhileWriting++;
      state.current = observableState(endpoint);
      return;
    }
    tally.serverErrors.push(`${describe(request)} -> no answer (${(error as Error).message})`);
    return;
  }
  const statusClass = `${Math.floor(status / 100)}xx`;
  tally.byStatusClass.set(statusClass, (tally.byStatusClass.get(statusClass) ?? 0) + 1);
  const after = observableState(endpoint);
  if (status >= 500 || status < 200) {
    tally.serverErrors.push(`${describe(request)} -> HTTP ${status} ${JSON.stringify(body)?.slice(0, 300)}`);
  } else if (status >= 400) {
    if (after !== state.current) tally.changedOnRefusal.push(`${describe(request)} -> HTTP ${status} ${body?.message?.slice(0, 200)}`);
    if (typeof body?.message !== 'string' || body.message.length === 0 || errorType === undefined) tally.badRefusals.push(`${describe(request)} -> HTTP ${status}`);
  }
  state.current = after;
}

/** `count` requests drawn with `seed`: three of the service models' (valid and mutated) for one hand-written malformed one. */
export function sampleFuzzRequests(count: number, seed: number): FuzzRequest[] {
  return fc.sample(fc.oneof({ arbitrary: MODEL_FUZZ_REQUEST, weight: 3 }, { arbitrary: MALFORMED_REQUEST, weight: 1 }), { numRuns: count, seed });
}

/** The fixture the model fuzz runs against (virtual clock: only requests change the state): two CEs, two queues, a definition, a job. */
export async function startFuzzEndpoint(): Promise<Endpoint> {
  const endpoint = await startEndpoint({ executor: fastSimulatedExecutor(), clock: 'virtual' });
  await endpoint.batch.send(new CreateComputeEnvironmentCommand(managedEc2('ce')));
  await endpoint.batch.send(new CreateComputeEnvironmentCommand(managedEc2('ce-off', { state: 'DISABLED' })));
  await endpoint.batch.send(new CreateJobQueueCommand({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] }));
  await endpoint.batch.send(new CreateJobQueueCommand({ jobQueueName: 'q-off', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce-off' }] }));
  // Three revisions: a fuzzed DeregisterJobDefinition of jd:1 leaves jd usable for the SubmitJobs that follow.
  for (let revision = 0; revision < 3; revision++) {
    await endpoint.batch.send(new RegisterJobDefinitionCommand({ jobDefinitionName: 'jd', type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 128 } }));
  }
  await endpoint.batch.send(new SubmitJobCommand({ jobName: 'done', jobQueue: 'q', jobDefinition: 'jd', arrayProperties: { size: 2 } }));
  return endpoint;
}
