import * as http from 'http';
import { AddressInfo } from 'net';
import { Duplex } from 'stream';
import { BATCH_CONTENT_TYPE, BatchEndpoint } from './batch/batch-endpoint';
import { LOGS_CONTENT_TYPE, LogsEndpoint } from './cloudwatch-logs/logs-endpoint';
import { ConsoleRoutes } from './console/console-routes';
import { ApiError, toApiError } from './http/api-error';
import { OriginGuard } from './http/origin-guard';
import { RequestJournal } from './http/request-journal';
import { parseJsonObject, readBody, sendError, sendJson } from './http/wire';
import { LOCAL_ROUTE_PREFIX, LocalRoutes } from './local/local-routes';
import { BatchBackend } from '../core/backend';

export interface BatchLocalServerOptions {
  /** Where unexpected (500) errors are reported. @default console.error */
  readonly logError?: (message: string) => void;
  /** Makes accepted state-changing requests durable before their 200 (serve --state-dir). @default - none */
  readonly journal?: RequestJournal;
  /**
   * Host names accepted in the `Host` header besides loopback names and addresses and the bound
   * address (DNS-rebinding protection, see OriginGuard); `.example.com` accepts a domain and its
   * subdomains. @default - none
   */
  readonly allowedHosts?: readonly string[];
}

/**
 * The AWS-compatible endpoint: one node:http server, one port, three kinds of request:
 * - AWS Batch REST-JSON (`POST /v1/submitjob`, `GET /v1/tags/{arn}`, ...);
 * - CloudWatch Logs JSON 1.1 (`POST /` with `X-Amz-Target: Logs_20140328.*`);
 * - local-only routes under `/_local/` (see LocalRoutes).
 * Credentials are not checked: signed and unsigned requests are served alike. The server holds no
 * state; every request goes to the backend it was given.
 */
export class BatchLocalServer {
  readonly localRoutes = new LocalRoutes();
  /** The local console under `/console/` (console/console-routes.ts). */
  readonly console: ConsoleRoutes;
  private readonly server: http.Server;
  private readonly batch: BatchEndpoint;
  private readonly logs: LogsEndpoint;
  private readonly logError: (message: string) => void;
  private readonly journal?: RequestJournal;
  private readonly originGuard: OriginGuard;

  constructor(readonly backend: BatchBackend, options: BatchLocalServerOptions = {}) {
    this.journal = options.journal;
    this.originGuard = new OriginGuard({ allowedHosts: options.allowedHosts });
    this.batch = new BatchEndpoint(backend, options.journal);
    this.logs = new LogsEndpoint(backend);
    this.logError = options.logError ?? ((message) => console.error(message));
    this.console = new ConsoleRoutes(backend, { journal: options.journal, logError: this.logError });
    this.localRoutes.add('GET', 'health', { handle: () => ({ status: 'ok', now: backend.loop.now() }) });
    this.localRoutes.add('GET', 'explain', {
      handle: (request) => {
        const jobId = request.query.get('jobId');
        if (!jobId) throw ApiError.client('jobId: required query parameter');
        return { jobId, explanation: backend.explainJob(jobId) };
      },
    });
    this.server = http.createServer((request, response) => {
      this.dispatch(request, response).catch((error) => this.logError(`batch-local: failed to answer a request: ${String(error)}`));
    });
    // Longer than the SDKs' idle sockets, so a reused connection is never closed under a request.
    this.server.keepAliveTimeout = 65_000;
    this.server.on('clientError', (error: NodeJS.ErrnoException, socket) => answerUnparsableRequest(error, socket));
  }

  /** Starts listening; resolves with the endpoint URL (`http://127.0.0.1:PORT`). Port 0 picks a free one. */
  listen(port: number = 0, host: string = '127.0.0.1'): Promise<string> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        this.originGuard.bind((this.server.address() as AddressInfo).address);
        resolve(this.url);
      });
    });
  }

  get url(): string {
    const address = this.server.address() as AddressInfo | null;
    if (!address) throw new Error('the server is not listening');
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  }

  /** Stops accepting connections and closes idle keep-alive ones; resolves when the server is closed. */
  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.console.close(); // open event streams would keep the server from closing
      this.server.closeIdleConnections();
    });
  }

  private async dispatch(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart < 0 ? url : url.slice(0, queryStart);
    const query = queryStart < 0 ? '' : url.slice(queryStart + 1);
    const method = request.method ?? 'GET';
    const target = request.headers['x-amz-target'];
    const contentType = typeof target === 'string' ? LOGS_CONTENT_TYPE : BATCH_CONTENT_TYPE;
    // Before anything is read or handled: a request a web page sent is refused whole (see OriginGuard).
    const refusal = this.originGuard.refusal(method, request.headers);
    if (refusal) {
      // Its body is never read: the connection closes after the answer (and the client is told so).
      sendError(response, refusal, contentType, { Connection: 'close' });
      return;
    }
    if (ConsoleRoutes.wants(method, path, request.headers)) {
      await this.console.handle(request, response, method, path, query);
      return;
    }
    try {
      let result: unknown;
      if (path.startsWith(LOCAL_ROUTE_PREFIX)) {
        const body = method === 'GET' ? {} : parseJsonObject(await readBody(request));
        const localPath = path.slice(LOCAL_ROUTE_PREFIX.length);
        const at = this.journal?.beforeHandle();
        result = this.localRoutes.dispatchNow({ method, path: localPath, query: new URLSearchParams(query), body });
        // Local POST routes change state (clock moves, injected events): durable before the 200.
        // Their handlers are synchronous, so the record follows the handler in the same turn.
        if (this.journal && method === 'POST') {
          await this.journal.accepted({ api: 'local', method, path: localPath, query, body: JSON.stringify(body) }, at!);
        }
        result = await result;
      } else if (typeof target === 'string') {
        // The Logs operations served only read.
        this.journal?.beforeHandle();
        result = await this.logs.handle(request, target);
      } else {
        result = await this.batch.handle(request, method, path, query);
      }
      sendJson(response, 200, result ?? {}, contentType);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.status >= 500) this.logError(`batch-local: ${method} ${path}: ${apiError.message}\n${(error as Error)?.stack ?? ''}`);
      // After a refused oversized body the rest of it was never read: close rather than reuse.
      sendError(response, apiError, contentType);
      if (apiError.status === 413) response.on('finish', () => request.socket.destroy());
    }
  }
}

/**
 * Node's HTTP parser refused the request (bad framing, bad header bytes): answer in the AWS error
 * format rather than with Node's bare 400, then close, since the stream can no longer be trusted.
 */
function answerUnparsableRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ __type: 'ClientException', message: `malformed HTTP request: ${error.code ?? 'parse error'} (${error.message})` });
  socket.end([
    'HTTP/1.1 400 Bad Request',
    'Content-Type: application/json',
    'x-amzn-ErrorType: ClientException',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n'));
}
