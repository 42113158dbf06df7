import { IncomingMessage, ServerResponse } from 'http';
import { ConsoleAssets } from './console-assets';
import { ConsoleEvents } from './console-events';
import { CONSOLE_PREFIX, sendConsole, sendConsoleJson } from './console-http';
import { consoleJobLogs, consoleJobView } from './console-job-view';
import { computeEnvironmentOverview, consoleOverview, instancesOf, liveJobsByComputeEnvironment } from './console-overview';
import { parseQueueJobsQuery, queueJobsPage } from './queue-jobs-page';
import { BatchBackend } from '../../core/backend';
import { ApiError, toApiError } from '../http/api-error';
import { RequestJournal } from '../http/request-journal';

const API_PREFIX = `${CONSOLE_PREFIX}api/`;
const ASSET_PREFIX = `${CONSOLE_PREFIX}assets/`;

/** What a durable endpoint restored on start (`serve --state-dir`), as the dashboard shows it. */
export interface ConsoleRestoreSummary {
  readonly requests: number;
  readonly jobsRecovered: number;
  readonly attemptsLost: number;
}

export interface ConsoleRoutesOptions {
  /** A durable endpoint's journal: reads catch the clock up first and show only durable states, as the AWS routes do. */
  readonly journal?: RequestJournal;
  /** Where the console's files are. @default the `assets` folder next to this module */
  readonly assets?: ConsoleAssets;
  readonly logError?: (message: string) => void;
}

/**
 * The local console under `/console/`: the page shell for every page path (the pages route in the
 * browser, so each has a stable URL), its files under `assets/`, read-only JSON under `api/` and
 * live changes at `api/events`. Everything that changes state (submit, cancel, terminate, the clock)
 * goes from the page through the AWS and `/_local/` routes, so it is validated and journaled exactly
 * as a client's request is.
 */
export class ConsoleRoutes {
  /** Whether the server should hand the request here: `/console` and below, or a browser opening `/`. */
  static wants(method: string, path: string, headers: IncomingMessage['headers']): boolean {
    if (path === '/console' || path.startsWith(CONSOLE_PREFIX)) return true;
    // An SDK never sends GET / ; a browser navigating there asks for HTML and signs nothing.
    return method === 'GET' && path === '/' && headers['x-amz-target'] === undefined && headers.authorization === undefined
      && String(headers.accept ?? '').includes('text/html');
  }

  readonly events: ConsoleEvents;
  private readonly assets: ConsoleAssets;
  private readonly journal?: RequestJournal;
  private readonly logError: (message: string) => void;
  private restored?: ConsoleRestoreSummary;

  constructor(private readonly backend: BatchBackend, options: ConsoleRoutesOptions = {}) {
    this.events = new ConsoleEvents(backend);
    this.assets = options.assets ?? new ConsoleAssets();
    this.journal = options.journal;
    this.logError = options.logError ?? ((message) => console.error(message));
  }

  async handle(request: IncomingMessage, response: ServerResponse, method: string, path: string, query: string): Promise<void> {
    request.resume(); // console requests carry no body: drain whatever came so the connection stays usable
    try {
      if (method !== 'GET' && method !== 'HEAD') {
        throw new ApiError(405, 'MethodNotAllowedException', `${method} ${path}: the console's routes only read; it changes state through the AWS and /_local/ routes`);
      }
      if (path === '/' || path === '/console') {
        sendConsole(response, 302, '', 'text/plain; charset=utf-8', { Location: CONSOLE_PREFIX });
        return;
      }
      if (path.startsWith(ASSET_PREFIX)) {
        this.sendAsset(request, response, decodePath(path.slice(ASSET_PREFIX.length)));
        return;
      }
      if (path.startsWith(API_PREFIX)) {
        await this.answerApi(response, path.slice(API_PREFIX.length).split('/').map(decodePath), new URLSearchParams(query));
        return;
      }
      // Every other path is a page: the shell loads the scripts, which read location.pathname.
      this.sendAsset(request, response, 'index.html');
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.status >= 500) this.logError(`batch-local console: ${method} ${path}: ${apiError.message}\n${(error as Error)?.stack ?? ''}`);
      sendConsoleJson(response, apiError.status, { __type: apiError.errorType, message: apiError.message });
    }
  }

  /** Shows on the dashboard what the restart restored from the state directory. */
  showRestored(summary: ConsoleRestoreSummary): void {
    this.restored = { requests: summary.requests, jobsRecovered: summary.jobsRecovered, attemptsLost: summary.attemptsLost };
  }

  /** Ends the open event streams, so the server can close. */
  close(): void {
    this.events.close();
  }

  private sendAsset(request: IncomingMessage, response: ServerResponse, name: string): void {
    const asset = this.assets.get(name);
    if (!asset) throw new ApiError(404, 'ResourceNotFoundException', `no console file ${JSON.stringify(name)}`);
    if (request.headers['if-none-match'] === asset.etag) {
      sendConsole(response, 304, '', asset.contentType, { ETag: asset.etag });
      return;
    }
    sendConsole(response, 200, request.method === 'HEAD' ? '' : asset.body, asset.contentType, { ETag: asset.etag });
  }

  private async answerApi(response: ServerResponse, route: string[], query: URLSearchParams): Promise<void> {
    if (route.length === 1 && route[0] === 'events') {
      this.events.open(response);
      return;
    }
    this.journal?.beforeHandle();
    await this.journal?.settled?.();
    sendConsoleJson(response, 200, this.read(route, query));
  }

  private read(route: string[], query: URLSearchParams): unknown {
    const backend = this.backend;
    if (route.length > 3) route = [];
    const [kind, name, sub] = route;
    switch (kind) {
      case 'overview':
        return { now: backend.loop.now(), restored: this.restored, ...consoleOverview(backend) };
      case 'queues':
        if (name === undefined || sub !== 'jobs') break;
        return { queue: name, ...queueJobsPage(backend.jobsInQueue(name), parseQueueJobsQuery(query)) };
      case 'jobs':
        if (name === undefined) break;
        if (sub === 'logs') return consoleJobLogs(backend, name, query.get('stream') ?? '', nonNegative(query.get('from')));
        if (sub === undefined) return { now: backend.loop.now(), ...consoleJobView(backend, name) };
        break;
      case 'job-definitions':
        return backend.describeJobDefinitions(name === undefined ? {} : { jobDefinitionName: name });
      case 'compute-environments':
        if (name === undefined) break;
        return this.computeEnvironment(name);
    }
    throw new ApiError(404, 'UnknownOperationException', `${API_PREFIX}${route.join('/')}: no such console data route`);
  }

  private computeEnvironment(name: string): unknown {
    const ce = this.backend.registry.computeEnvironment(name);
    const live = liveJobsByComputeEnvironment(this.backend).get(ce.name) ?? [];
    const instances = instancesOf(this.backend, ce.name) ?? [];
    return {
      computeEnvironment: computeEnvironmentOverview(this.backend, ce, live),
      described: this.backend.describeComputeEnvironments({ computeEnvironments: [ce.name] }).computeEnvironments[0],
      instances: instances.map((instance) => ({ ...instance, jobs: live.filter((job) => job.instanceId === instance.instanceId) })),
      jobsWithoutInstance: live.filter((job) => job.instanceId === undefined),
    };
  }
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw ApiError.client(`path: ${JSON.stringify(path)} is not valid percent-encoding`);
  }
}

function nonNegative(text: string | null): number {
  const value = Number(text ?? 0);
  if (!Number.isInteger(value) || value < 0) throw ApiError.client(`from: ${JSON.stringify(text)} is not a non-negative integer`);
  return value;
}
