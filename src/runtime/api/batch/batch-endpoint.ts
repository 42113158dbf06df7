import { IncomingMessage } from 'http';
import { BATCH_HANDLERS } from './batch-handlers';
import { isRouteMatch, RestJsonRouter } from './rest-json-router';
import { SUBMIT_JOB_MAX_BYTES, validateJsonSize } from '../../../validation';
import { BatchBackend } from '../../core/backend';
import { ApiError } from '../http/api-error';
import { isStateChangingOperation, RequestJournal } from '../http/request-journal';
import { parseJsonObject, readBody } from '../http/wire';
import { BATCH_MODEL } from '../service-model/batch-model.generated';
import { RequestShapeError, validateShape } from '../service-model/shape-validator';

export const BATCH_CONTENT_TYPE = 'application/json';

/**
 * The AWS Batch REST-JSON protocol: route by method and path, assemble the input from the body, the
 * URI labels and the query string, check it against the service model, call the handler.
 * Returns the response body; throws ApiError (or what the backend threw) for the server to map.
 */
export class BatchEndpoint {
  private readonly router = new RestJsonRouter(BATCH_MODEL);

  constructor(private readonly backend: BatchBackend, private readonly journal?: RequestJournal) {}

  async handle(request: IncomingMessage, method: string, path: string, query: string): Promise<unknown> {
    const route = this.router.match(method, path);
    if (!isRouteMatch(route)) {
      request.resume(); // drain the body so the connection stays usable
      if (route.kind === 'wrong-method') {
        throw new ApiError(405, 'MethodNotAllowedException', `${method} ${path}: this path takes ${route.allowed.join(' or ')}`);
      }
      throw new ApiError(404, 'UnknownOperationException',
        `${method} ${path}: no AWS Batch operation has this route; batch-local serves the REST-JSON routes of AWS Batch 2016-08-10 (POST /v1/submitjob, ...), `
        + 'CloudWatch Logs by X-Amz-Target, and local routes under /_local/');
    }
    const handler = BATCH_HANDLERS[route.operation];
    const inputShape = route.definition.input;
    if (!handler || !inputShape) {
      request.resume();
      throw ApiError.notImplemented('AWS Batch', route.operation, Object.keys(BATCH_HANDLERS).length, Object.keys(BATCH_MODEL.operations).length);
    }
    const body = await readBody(request);
    if (route.operation === 'SubmitJob' && body.length > SUBMIT_JOB_MAX_BYTES) {
      validateJsonSize('SubmitJob', body.toString('utf8'), SUBMIT_JOB_MAX_BYTES, 'LIM-5');
    }
    const input = this.assembleInput(inputShape, parseJsonObject(body), route.pathParams, query);
    validateShape(BATCH_MODEL, inputShape, input);
    if (!this.journal) return handler(this.backend, input);
    const at = this.journal.beforeHandle();
    // Serialized before the handler runs: what is journaled is the request as received.
    const record = isStateChangingOperation(route.operation) ? JSON.stringify(input) : undefined;
    const result = handler(this.backend, input);
    if (record !== undefined) await this.journal.accepted({ api: 'batch', operation: route.operation, input: record }, at);
    // A read shows job states only once they are durable (a SUCCEEDED seen must survive a crash).
    else await this.journal.settled?.();
    return result;
  }

  /** Body members plus URI labels and query-string members; a location member in the body is an unknown field. */
  private assembleInput(
    shapeName: string, body: Record<string, unknown>, pathParams: Record<string, string>, query: string,
  ): Record<string, unknown> {
    const members = BATCH_MODEL.shapes[shapeName].members ?? {};
    const input: Record<string, unknown> = body;
    let params: URLSearchParams | undefined;
    for (const [name, ref] of Object.entries(members)) {
      if (ref.location === undefined) continue;
      if (Object.prototype.hasOwnProperty.call(body, name)) {
        throw new RequestShapeError(name, `${name}: unknown field in the body; it goes in the ${ref.location === 'uri' ? 'URI path' : 'query string'}`);
      }
      if (ref.location === 'uri') {
        if (pathParams[ref.locationName ?? name] !== undefined) input[name] = pathParams[ref.locationName ?? name];
      } else if (ref.location === 'querystring') {
        params ??= new URLSearchParams(query);
        const values = params.getAll(ref.locationName ?? name);
        if (values.length > 0) input[name] = BATCH_MODEL.shapes[ref.shape].type === 'list' ? values : values[0];
      }
    }
    return input;
  }
}
