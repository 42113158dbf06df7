import { Endpoint, rawRequest } from './endpoint-fixture';
import { BATCH_MODEL } from '../../../src/runtime/api/service-model/batch-model.generated';
import { responseShapeViolations } from '../../../src/runtime/api/service-model/shape-validator';

/**
 * PLAT-5 conformance: calls operations on an endpoint and checks every response body against the
 * operation's output shape of the botocore model (see response-conformance.test.ts).
 *
 * AWS itself leaves out one member the model marks required: `JobDetail.startedAt` of a job that has
 * not started (PLAT-5: absent, never 0). That is the one documented exception.
 */
const AWS_OMITS_THOUGH_REQUIRED = new Set(['startedAt: required field missing (JobDetail)']);

export interface Call {
  readonly operation: string;
  readonly body: any;
}

export class ConformanceRecorder {
  readonly calls: Call[] = [];
  readonly violations: string[] = [];

  constructor(private readonly endpoint: Endpoint) {}

  /** Calls `operation` with `input` (its route from the model), checks and records the response. */
  async call(operation: string, input: Record<string, unknown> = {}): Promise<any> {
    const definition = BATCH_MODEL.operations[operation];
    let path = definition.requestUri;
    const body: Record<string, unknown> = { ...input };
    const query: string[] = [];
    for (const [name, ref] of Object.entries(BATCH_MODEL.shapes[definition.input!].members ?? {})) {
      if (body[name] === undefined || ref.location === undefined) continue;
      if (ref.location === 'uri') path = path.replace(/\{[A-Za-z]+\+?\}/, encodeURIComponent(String(body[name])));
      if (ref.location === 'querystring') {
        for (const value of [body[name]].flat()) query.push(`${ref.locationName}=${encodeURIComponent(String(value))}`);
      }
      delete body[name];
    }
    const target = query.length > 0 ? `${path}?${query.join('&')}` : path;
    const response = await rawRequest(this.endpoint.url, definition.method, target, definition.method === 'GET' || definition.method === 'DELETE' ? undefined : JSON.stringify(body));
    if (response.status !== 200) throw new Error(`${operation} answered ${response.status}: ${response.text}`);
    this.calls.push({ operation, body: response.body });
    for (const violation of responseShapeViolations(BATCH_MODEL, definition.output!, response.body)) {
      const where = violation.replace(/^jobs\[\d+\]\./, '');
      if (!AWS_OMITS_THOUGH_REQUIRED.has(where)) this.violations.push(`${operation}: ${violation}`);
    }
    for (const member of zeroTimestamps(response.body, '')) {
      this.violations.push(`${operation}: ${member}: 0 stands for a time that has not come; AWS leaves the member out`);
    }
    return response.body;
  }
}

/** Members named like AWS's epoch-millisecond times (`startedAt`, `stoppedAt`, `createdAt` ...) whose value is 0. */
function zeroTimestamps(value: unknown, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => zeroTimestamps(item, `${path}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = path ? `${path}.${key}` : key;
    return /At$/.test(key) && child === 0 ? [childPath] : zeroTimestamps(child, childPath);
  });
}
