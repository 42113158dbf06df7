import * as fc from 'fast-check';
import { BATCH_MODEL } from '../../../src/runtime/api/service-model/batch-model.generated';
import { ModelShape } from '../../../src/runtime/api/service-model/service-model';

/** One HTTP request of the fuzz test, and why it must be refused. */
export interface FuzzRequest {
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  readonly body?: string | Buffer;
  readonly headers?: Record<string, string>;
}

/** Valid requests (against the fixture's state) that each generator corrupts in one way. */
export const VALID_REQUESTS: Readonly<Record<string, { path: string; body: Record<string, unknown> }>> = {
  SubmitJob: {
    path: '/v1/submitjob',
    body: {
      jobName: 'fuzz',
      jobQueue: 'q',
      jobDefinition: 'jd',
      arrayProperties: { size: 2 },
      parameters: { p: 'v' },
      tags: { t: 'v' },
      containerOverrides: { command: ['echo'], environment: [{ name: 'A', value: 'b' }], resourceRequirements: [{ type: 'VCPU', value: '1' }] },
      retryStrategy: { attempts: 2, evaluateOnExit: [{ onExitCode: '1', action: 'RETRY' }] },
      timeout: { attemptDurationSeconds: 60 },
    },
  },
  CreateComputeEnvironment: {
    path: '/v1/createcomputeenvironment',
    body: { computeEnvironmentName: 'fuzz-ce', type: 'MANAGED', state: 'ENABLED', computeResources: { type: 'EC2', maxvCpus: 4, minvCpus: 0, subnets: ['s'], instanceTypes: ['optimal'] }, tags: { a: 'b' } },
  },
  UpdateComputeEnvironment: { path: '/v1/updatecomputeenvironment', body: { computeEnvironment: 'ce', state: 'DISABLED', computeResources: { maxvCpus: 8 } } },
  DeleteComputeEnvironment: { path: '/v1/deletecomputeenvironment', body: { computeEnvironment: 'ce-off' } },
  CreateJobQueue: { path: '/v1/createjobqueue', body: { jobQueueName: 'fuzz-q', priority: 1, state: 'ENABLED', computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] } },
  UpdateJobQueue: { path: '/v1/updatejobqueue', body: { jobQueue: 'q', priority: 5, state: 'DISABLED' } },
  DeleteJobQueue: { path: '/v1/deletejobqueue', body: { jobQueue: 'q-off' } },
  RegisterJobDefinition: {
    path: '/v1/registerjobdefinition',
    body: {
      jobDefinitionName: 'fuzz-jd',
      type: 'container',
      parameters: { a: 'b' },
      containerProperties: { image: 'busybox', command: ['true'], vcpus: 1, memory: 128, environment: [{ name: 'X', value: 'y' }] },
      retryStrategy: { attempts: 1 },
      timeout: { attemptDurationSeconds: 100 },
    },
  },
  DeregisterJobDefinition: { path: '/v1/deregisterjobdefinition', body: { jobDefinition: 'jd:1' } },
  DescribeJobDefinitions: { path: '/v1/describejobdefinitions', body: { jobDefinitionName: 'jd', status: 'ACTIVE', maxResults: 10 } },
  DescribeComputeEnvironments: { path: '/v1/describecomputeenvironments', body: { computeEnvironments: ['ce'], maxResults: 5 } },
  DescribeJobQueues: { path: '/v1/describejobqueues', body: { jobQueues: ['q'] } },
  DescribeJobs: { path: '/v1/describejobs', body: { jobs: ['x'] } },
  ListJobs: { path: '/v1/listjobs', body: { jobQueue: 'q', jobStatus: 'SUCCEEDED', maxResults: 10, filters: [{ name: 'JOB_NAME', values: ['a*'] }] } },
  CancelJob: { path: '/v1/canceljob', body: { jobId: 'x', reason: 'r' } },
  TerminateJob: { path: '/v1/terminatejob', body: { jobId: 'x', reason: 'r' } },
  TagResource: { path: `/v1/tags/${encodeURIComponent('arn:aws:batch:us-east-1:123456789012:job-queue/q')}`, body: { tags: { k: 'v' } } },
};

const INPUT_SHAPES: Record<string, string> = Object.fromEntries(Object.keys(VALID_REQUESTS).map((op) => [op, BATCH_MODEL.operations[op].input!]));
const OPERATIONS = Object.keys(VALID_REQUESTS);

/** Every value in a request with the model shape it must have: [path, shape name]. */
function shapedPaths(value: unknown, shapeName: string, path: Array<string | number> = []): Array<[Array<string | number>, string]> {
  const shape: ModelShape = BATCH_MODEL.shapes[shapeName];
  const here: Array<[Array<string | number>, string]> = path.length > 0 ? [[path, shapeName]] : [];
  if (shape.type === 'structure' && value && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([key, child]) => shapedPaths(child, shape.members![key].shape, [...path, key]))];
  }
  if (shape.type === 'list' && Array.isArray(value)) {
    return [...here, ...value.flatMap((child, index) => shapedPaths(child, shape.member!.shape, [...path, index]))];
  }
  if (shape.type === 'map' && value && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([key, child]) => shapedPaths(child, shape.value!.shape, [...path, key]))];
  }
  return here;
}

/** A JSON value whose type differs from what the shape type accepts. */
function wrongValue(type: string): fc.Arbitrary<unknown> {
  const candidates: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 20 }),
    integer: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constant(2 ** 40)),
    float: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
    boolean: fc.boolean(),
    null: fc.constant(null),
    list: fc.array(fc.integer(), { maxLength: 3 }),
    object: fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  };
  const accepted: Record<string, string[]> = {
    string: ['string'],
    integer: ['integer'],
    long: ['integer'],
    boolean: ['boolean'],
    structure: ['object'],
    map: ['object'],
    list: ['list'],
    double: ['integer', 'float'],
    float: ['integer', 'float'],
  };
  const wrong = Object.keys(candidates).filter((kind) => !(accepted[type] ?? []).includes(kind)).map((kind) => candidates[kind]);
  return fc.oneof(...wrong);
}

function setAt(target: any, path: Array<string | number>, value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = value;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

const operation = fc.constantFrom(...OPERATIONS);

/** A member replaced by a value of the wrong JSON type (top level or nested, list items and map values included). */
const wrongType: fc.Arbitrary<FuzzRequest> = operation.chain((op) => {
  const base = VALID_REQUESTS[op];
  const paths = shapedPaths(base.body, INPUT_SHAPES[op]);
  return fc.constantFrom(...paths).chain(([path, shapeName]) => wrongValue(BATCH_MODEL.shapes[shapeName].type).map((value) => {
    const body = clone(base.body);
    setAt(body, path, value);
    return { kind: `wrong type at ${path.join('.')}`, method: 'POST', path: base.path, body: JSON.stringify(body) };
  }));
});

/** A required member removed from the request or a nested structure. */
const missingRequired: fc.Arbitrary<FuzzRequest> = operation.chain((op) => {
  const base = VALID_REQUESTS[op];
  const required = [[[], INPUT_SHAPES[op]] as [Array<string | number>, string], ...shapedPaths(base.body, INPUT_SHAPES[op])]
    .filter(([, shape]) => BATCH_MODEL.shapes[shape].type === 'structure')
    .flatMap(([path, shape]) => (BATCH_MODEL.shapes[shape].required ?? [])
      .filter((member) => BATCH_MODEL.shapes[shape].members![member].location === undefined)
      .map((member) => [...path, member]));
  if (required.length === 0) return fc.constant({ kind: 'missing nothing: unknown field instead', method: 'POST', path: base.path, body: JSON.stringify({ ...base.body, zz: 1 }) });
  return fc.constantFrom(...required).map((path) => {
    const body = clone(base.body) as any;
    let node = body;
    for (const key of path.slice(0, -1)) node = node[key];
    delete node[path[path.length - 1]];
    return { kind: `missing ${path.join('.')}`, method: 'POST', path: base.path, body: JSON.stringify(body) };
  });
});

/** A field the model does not know, added to the request or a nested structure. */
const unknownField: fc.Arbitrary<FuzzRequest> = fc.tuple(operation, fc.string({ minLength: 1, maxLength: 12 })).chain(([op, name]) => {
  const base = VALID_REQUESTS[op];
  const structures = [[[], INPUT_SHAPES[op]] as [Array<string | number>, string], ...shapedPaths(base.body, INPUT_SHAPES[op])]
    .filter(([, shape]) => BATCH_MODEL.shapes[shape].type === 'structure' && !Object.prototype.hasOwnProperty.call(BATCH_MODEL.shapes[shape].members, name));
  return fc.constantFrom(...structures).chain(([path]) => fc.jsonValue({ maxDepth: 2 }).map((value) => {
    const body = clone(base.body) as any;
    let node = body;
    for (const key of path) node = node[key];
    node[name] = value;
    return { kind: `unknown field ${JSON.stringify(name)} at ${path.join('.') || '(top)'}`, method: 'POST', path: base.path, body: JSON.stringify(body) };
  }));
});

/** Bodies that are not one JSON object: garbage, truncated JSON, JSON scalars and arrays. */
const badJson: fc.Arbitrary<FuzzRequest> = fc.tuple(operation, fc.oneof(
  fc.string({ minLength: 1, maxLength: 50 }).filter((text) => !isJsonObject(text)),
  operation.chain((op) => {
    const text = JSON.stringify(VALID_REQUESTS[op].body);
    return fc.integer({ min: 1, max: text.length - 1 }).map((cut) => text.slice(0, cut)); // truncated: never the whole document
  }),
  fc.jsonValue({ maxDepth: 2 }).filter((value) => typeof value !== 'object' || value === null || Array.isArray(value)).map((value) => JSON.stringify(value)),
)).map(([op, body]) => ({ kind: 'bad JSON', method: 'POST', path: VALID_REQUESTS[op].path, body }));

/** Well-typed requests the backend must refuse: unknown resources, names breaking LIM-8, out-of-range values. */
const semanticallyInvalid: fc.Arbitrary<FuzzRequest> = fc.oneof(
  fc.stringMatching(/^[a-z]{1,10}$/).filter((name) => !['q', 'q-off'].includes(name))
    .map((queue) => ({ kind: 'unknown queue', method: 'POST', path: '/v1/submitjob', body: JSON.stringify({ jobName: 'a', jobQueue: `nq-${queue}`, jobDefinition: 'jd' }) })),
  fc.string({ minLength: 1, maxLength: 20 }).filter((name) => /[^A-Za-z0-9_-]/.test(name))
    .map((name) => ({ kind: 'LIM-8 name', method: 'POST', path: '/v1/createcomputeenvironment', body: JSON.stringify({ ...VALID_REQUESTS.CreateComputeEnvironment.body, computeEnvironmentName: name }) })),
  fc.oneof(fc.integer({ min: -5, max: 1 }), fc.integer({ min: 10_001, max: 2 ** 31 - 1 }))
    .map((size) => ({ kind: 'LIM-6 size', method: 'POST', path: '/v1/submitjob', body: JSON.stringify({ jobName: 'a', jobQueue: 'q', jobDefinition: 'jd', arrayProperties: { size } }) })),
  fc.integer({ min: -100, max: 0 })
    .map((vcpus) => ({ kind: 'LIM-9 vcpus', method: 'POST', path: '/v1/registerjobdefinition', body: JSON.stringify({ jobDefinitionName: 'x', type: 'container', containerProperties: { image: 'i', vcpus, memory: 64 } }) })),
  fc.stringMatching(/^[a-z0-9-]{1,20}$/)
    .map((id) => ({ kind: 'unknown job', method: 'POST', path: '/v1/terminatejob', body: JSON.stringify({ jobId: `nj-${id}`, reason: 'r' }) })),
  fc.stringMatching(/^[a-z]{1,10}$/)
    .map((name) => ({ kind: 'unknown ARN', method: 'POST', path: `/v1/tags/${encodeURIComponent(`arn:aws:batch:us-east-1:123456789012:job-queue/nq-${name}`)}`, body: JSON.stringify({ tags: { a: 'b' } }) })),
);

/** Paths no operation has, methods a path does not take, and X-Amz-Targets nobody serves. */
const unknownRoute: fc.Arbitrary<FuzzRequest> = fc.oneof(
  fc.tuple(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'), fc.stringMatching(/^\/[a-z0-9/_.-]{0,30}$/))
    .filter(([, path]) => !path.startsWith('/v1/tags/') && !Object.values(BATCH_MODEL.operations).some((op) => op.requestUri === path))
    .map(([method, path]) => ({ kind: 'unknown path', method, path, body: '{}' })),
  fc.constantFrom(...OPERATIONS).map((op) => ({ kind: 'wrong method', method: 'GET', path: VALID_REQUESTS[op].path.startsWith('/v1/tags/') ? '/v1/submitjob' : VALID_REQUESTS[op].path })),
  fc.string({ minLength: 1, maxLength: 40 }).map((target) => ({ kind: 'unknown target', method: 'POST', path: '/', body: '{}', headers: { 'X-Amz-Target': `Nope_${target}`.replace(/[^\x20-\x7e]/g, '?') } })),
  fc.stringMatching(/^[a-z]{1,12}$/).map((route) => ({ kind: 'unknown local route', method: 'POST', path: `/_local/nope-${route}`, body: '{}' })),
);

/** SubmitJob bodies over 30 KiB (LIM-5): valid JSON, refused by size alone. */
const oversize: fc.Arbitrary<FuzzRequest> = fc.integer({ min: 30 * 1024 + 1, max: 40 * 1024 }).map((bytes) => {
  const body = JSON.stringify({ jobName: 'big', jobQueue: 'q', jobDefinition: 'jd', parameters: { blob: '' } });
  return { kind: 'LIM-5 oversize', method: 'POST', path: '/v1/submitjob', body: body.replace('"blob":""', `"blob":"${'x'.repeat(bytes - body.length)}"`) };
});

export const MALFORMED_REQUEST: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { arbitrary: wrongType, weight: 4 },
  { arbitrary: missingRequired, weight: 2 },
  { arbitrary: unknownField, weight: 2 },
  { arbitrary: badJson, weight: 2 },
  { arbitrary: semanticallyInvalid, weight: 2 },
  { arbitrary: unknownRoute, weight: 1 },
  { arbitrary: oversize, weight: 1 },
);

function isJsonObject(text: string): boolean {
  try {
    const value = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
