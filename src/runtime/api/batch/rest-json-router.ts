import { ModelOperation, ServiceModel } from '../service-model/service-model';

/** An operation matched by method and path, with the values of its URI labels. */
export interface RouteMatch {
  readonly operation: string;
  readonly definition: ModelOperation;
  readonly pathParams: Record<string, string>;
}

/** What the router knows about a path it could not match to an operation. */
export type RouteMiss = { readonly kind: 'unknown-path' } | { readonly kind: 'wrong-method'; readonly allowed: string[] };

interface TemplateRoute {
  readonly method: string;
  readonly prefix: string;
  readonly label: string;
  readonly operation: string;
  readonly definition: ModelOperation;
}

/**
 * Routes REST-JSON requests (`POST /v1/submitjob`, `GET /v1/tags/{resourceArn}`) to the operations of
 * a service model. Fixed paths are one map lookup; a path ending in a `{label}` captures the rest of
 * the path, percent-decoded (an ARN arrives as `arn%3Aaws%3Abatch...%2Fname`, or with raw slashes).
 */
export class RestJsonRouter {
  private readonly fixed = new Map<string, { operation: string; definition: ModelOperation }>();
  private readonly methodsByPath = new Map<string, string[]>();
  private readonly templates: TemplateRoute[] = [];

  constructor(model: ServiceModel) {
    for (const [operation, definition] of Object.entries(model.operations)) {
      const label = /^(.*\/)\{([A-Za-z0-9_]+)\+?\}$/.exec(definition.requestUri);
      if (label) {
        this.templates.push({ method: definition.method, prefix: label[1], label: label[2], operation, definition });
      } else {
        this.fixed.set(`${definition.method} ${definition.requestUri}`, { operation, definition });
        this.methodsByPath.set(definition.requestUri, [...(this.methodsByPath.get(definition.requestUri) ?? []), definition.method]);
      }
    }
  }

  match(method: string, path: string): RouteMatch | RouteMiss {
    const fixed = this.fixed.get(`${method} ${path}`);
    if (fixed) return { ...fixed, pathParams: {} };
    const allowedFixed = this.methodsByPath.get(path);
    if (allowedFixed) return { kind: 'wrong-method', allowed: allowedFixed };
    const candidates = this.templates.filter((route) => path.startsWith(route.prefix) && path.length > route.prefix.length);
    const route = candidates.find((candidate) => candidate.method === method);
    if (route) {
      const raw = path.slice(route.prefix.length);
      let value: string;
      try {
        value = decodeURIComponent(raw);
      } catch {
        value = raw; // a stray % is left as is; the handler reports the value as unknown
      }
      return { operation: route.operation, definition: route.definition, pathParams: { [route.label]: value } };
    }
    return candidates.length > 0 ? { kind: 'wrong-method', allowed: candidates.map((c) => c.method) } : { kind: 'unknown-path' };
  }
}

export function isRouteMatch(result: RouteMatch | RouteMiss): result is RouteMatch {
  return (result as RouteMatch).operation !== undefined;
}
