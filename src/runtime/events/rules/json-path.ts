/**
 * The JSONPath subset EventBridge accepts in `InputPath` and `InputPathsMap`: `$` followed by
 * dot-notation names and optional list indexes, e.g. `$.detail.requestParameters.bucketName` or
 * `$.resources[0]`. Bracketed names (`$['detail']`), wildcards and filters are not part of it.
 */
export interface JsonPath {
  readonly source: string;
  /** Object keys (strings) and list indexes (numbers), outermost first. */
  readonly steps: readonly (string | number)[];
}

/** Parses a path; returns the reason it is invalid instead of throwing, so callers can say which setting is wrong. */
export function parseJsonPath(source: string): JsonPath | string {
  if (!source.startsWith('$')) {
    return `"${source}" must start with "$"`;
  }
  const steps: (string | number)[] = [];
  let rest = source.slice(1);
  while (rest.length > 0) {
    const name = /^\.([^.[\]]+)/.exec(rest);
    const index = /^\[(\d+)\]/.exec(rest);
    if (name) {
      steps.push(name[1]);
      rest = rest.slice(name[0].length);
    } else if (index) {
      steps.push(Number(index[1]));
      rest = rest.slice(index[0].length);
    } else {
      return `"${source}" is not a dot-notation JSON path (at "${rest}"); use $.field.field or $.list[0]`;
    }
  }
  return { source, steps };
}

/** The value the path points at, or undefined when the event has nothing there. */
export function evaluateJsonPath(path: JsonPath, root: unknown): unknown {
  let value: unknown = root;
  for (const step of path.steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(value) || step >= value.length) {
        return undefined;
      }
      value = value[step];
    } else {
      if (typeof value !== 'object' || value === null || Array.isArray(value)
        || !Object.prototype.hasOwnProperty.call(value, step)) {
        return undefined;
      }
      value = (value as Record<string, unknown>)[step];
    }
  }
  return value;
}
