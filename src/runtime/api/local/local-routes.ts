import { ApiError } from '../http/api-error';

/** The prefix of routes that exist only on batch-local, never on AWS. */
export const LOCAL_ROUTE_PREFIX = '/_local/';

/** A local-only request: method, path below the prefix, query, JSON body (`{}` when empty). */
export interface LocalRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: Record<string, unknown>;
}

/** Handles one local-only route; returns the JSON response body (status 200). Throw ApiError for others. */
export interface LocalRouteHandler {
  handle(request: LocalRequest): unknown | Promise<unknown>;
}

/**
 * Routes under `/_local/`: runtime controls and introspection that AWS has no API for (health,
 * explanations; later the events engineer's rules and targets). Keeping them under one prefix means
 * they can never collide with an AWS route, and clients that only speak AWS never see them.
 * Paths are exact (`/_local/health`); register with `add('GET', 'health', handler)`.
 */
export class LocalRoutes {
  private readonly routes = new Map<string, LocalRouteHandler>();

  add(method: string, path: string, handler: LocalRouteHandler): void {
    const key = routeKey(method, path);
    if (this.routes.has(key)) throw new Error(`local route ${key} is already registered`);
    this.routes.set(key, handler);
  }

  /** Registered routes as `METHOD /_local/path`, for messages and docs. */
  list(): string[] {
    return [...this.routes.keys()];
  }

  async dispatch(request: LocalRequest): Promise<unknown> {
    return this.dispatchNow(request);
  }

  /**
   * Runs the handler in this turn of the event loop and returns what it returns (a value, or a
   * promise for an async handler); throws at once for an unknown route. The server uses it so that
   * a journaled request's record follows its handler with nothing in between.
   */
  dispatchNow(request: LocalRequest): unknown {
    const handler = this.routes.get(routeKey(request.method, request.path));
    if (!handler) {
      throw new ApiError(404, 'UnknownOperationException',
        `${request.method} ${LOCAL_ROUTE_PREFIX}${request.path}: no such local route; known: ${this.list().join(', ') || '(none)'}`);
    }
    return handler.handle(request);
  }
}

function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${LOCAL_ROUTE_PREFIX}${path.replace(/^\/+/, '')}`;
}
