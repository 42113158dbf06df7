import { IncomingMessage, ServerResponse } from 'http';
import { performance } from 'perf_hooks';
import { isRouteMatch, RestJsonRouter } from '../batch/rest-json-router';
import { BATCH_MODEL } from '../service-model/batch-model.generated';

/** One answered request, as `batch-local serve --verbose` prints it. */
export interface RequestLogEntry {
  readonly method: string;
  /** `SubmitJob`, `Logs.GetLogEvents`, `local:/clock/advance`, or the path when no operation has it. */
  readonly operation: string;
  /** The HTTP status sent. */
  readonly status: number;
  /** From the request's arrival to the last byte of the response handed to the socket. */
  readonly durationMs: number;
}

/** Told of each request after its response was sent (`BatchLocalServerOptions.requestLog`). */
export interface RequestLogListener {
  onRequest(entry: RequestLogEntry): void;
}

const LOCAL_ROUTE_PREFIX = '/_local';
let router: RestJsonRouter | undefined;

/** Reports the request to `listener` once its response has been sent (or the connection closed before). */
export function observeRequest(request: IncomingMessage, response: ServerResponse, listener: RequestLogListener): void {
  const started = performance.now();
  let reported = false;
  const report = (): void => {
    if (reported) return;
    reported = true;
    listener.onRequest({ method: request.method ?? 'GET', operation: operationOf(request), status: response.statusCode, durationMs: performance.now() - started });
  };
  response.once('finish', report);
  response.once('close', report);
}

/** The operation a request asks for, by the same routes the server uses; the path when none matches. */
export function operationOf(request: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): string {
  const target = request.headers['x-amz-target'];
  if (typeof target === 'string') return target.replace(/^Logs_\d+\./, 'Logs.');
  const url = request.url ?? '/';
  const path = url.split('?', 1)[0];
  if (path.startsWith(`${LOCAL_ROUTE_PREFIX}/`)) return `local:${path.slice(LOCAL_ROUTE_PREFIX.length)}`;
  const route = (router ??= new RestJsonRouter(BATCH_MODEL)).match(request.method ?? 'GET', path);
  return isRouteMatch(route) ? route.operation : path;
}
