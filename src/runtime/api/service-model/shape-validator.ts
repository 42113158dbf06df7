import { ModelShape, ServiceModel, ShapeRef } from './service-model';
import { formatValue } from '../../../validation';

/** A request that does not match the service model: wrong type, missing or unknown field, bad enum. */
export class RequestShapeError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'RequestShapeError';
  }
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * Checks a decoded JSON request against a shape of the service model: JSON types, required members,
 * no unknown members, enumerations, and the model's min/max (lengths of strings and lists, entries of
 * maps, values of numbers). Throws `RequestShapeError` naming the field path, the value and what was
 * expected; the backend's own checks (LIM rules) run afterwards on a well-typed request.
 */
export function validateShape(model: ServiceModel, shapeName: string, value: unknown, path: string = ''): void {
  const walker = new ShapeWalker(model, true, (error) => {
    throw error;
  });
  walker.check(shapeName, value, path);
}

/**
 * Every way a response body departs from an output shape (PLAT-5): JSON types (null is never a value),
 * required members, unknown members, enumerations. Min/max are not checked: the model states them
 * for what a caller may send. Returns the violations, one message each, naming the member path.
 */
export function responseShapeViolations(model: ServiceModel, shapeName: string, value: unknown): string[] {
  const violations: string[] = [];
  new ShapeWalker(model, false, (error) => violations.push(error.message)).check(shapeName, value, '');
  return violations;
}

/** The members of a structure that travel in the JSON body (not in the URI or the query string). */
export function bodyMembers(model: ServiceModel, shapeName: string): ReadonlyMap<string, ShapeRef> {
  const members = model.shapes[shapeName]?.members ?? {};
  return new Map(Object.entries(members).filter(([, ref]) => ref.location === undefined));
}

/** Walks a value along a shape and reports each violation to a sink that either throws or collects. */
class ShapeWalker {
  constructor(
    private readonly model: ServiceModel,
    private readonly checkLimits: boolean,
    private readonly report: (error: RequestShapeError) => void,
  ) {}

  check(shapeName: string, value: unknown, path: string): void {
    const shape = this.model.shapes[shapeName];
    if (!shape) throw new Error(`internal: shape ${shapeName} is not in the model`);
    switch (shape.type) {
      case 'structure': return this.structure(shapeName, shape, value, path);
      case 'list': return this.list(shape, value, path);
      case 'map': return this.map(shape, value, path);
      case 'string': return this.string(shape, value, path);
      case 'integer': return this.number(shape, value, path, 'an integer', (n) => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX);
      case 'long': return this.number(shape, value, path, 'an integer', Number.isSafeInteger);
      case 'double':
      case 'float':
      case 'timestamp': return this.number(shape, value, path, 'a number', Number.isFinite);
      case 'boolean': if (typeof value !== 'boolean') this.report(mismatch(path, value, 'a boolean')); return;
      case 'blob': if (typeof value !== 'string') this.report(mismatch(path, value, 'a base64 string')); return;
    }
  }

  private structure(shapeName: string, shape: ModelShape, value: unknown, path: string): void {
    if (!isPlainObject(value)) return this.report(mismatch(path, value, `an object (${shapeName})`));
    const members = shape.members ?? {};
    for (const key of Object.keys(value)) {
      if (!Object.prototype.hasOwnProperty.call(members, key)) {
        const known = Object.keys(members);
        this.report(new RequestShapeError(join(path, key),
          `${join(path, key)}: unknown field; ${shapeName} has ${known.length > 0 ? `only ${known.join(', ')}` : 'no fields'}`));
      }
    }
    for (const name of shape.required ?? []) {
      if (value[name] === undefined) {
        this.report(new RequestShapeError(join(path, name), `${join(path, name)}: required field missing (${shapeName})`));
      }
    }
    for (const [key, child] of Object.entries(value)) {
      if (Object.prototype.hasOwnProperty.call(members, key)) this.check(members[key].shape, child, join(path, key));
    }
  }

  private list(shape: ModelShape, value: unknown, path: string): void {
    if (!Array.isArray(value)) return this.report(mismatch(path, value, 'a list'));
    this.count(shape, value.length, path, 'entries');
    value.forEach((item, index) => this.check(shape.member!.shape, item, `${path}[${index}]`));
  }

  private map(shape: ModelShape, value: unknown, path: string): void {
    if (!isPlainObject(value)) return this.report(mismatch(path, value, 'a map (JSON object)'));
    const entries = Object.entries(value);
    this.count(shape, entries.length, path, 'entries');
    for (const [key, item] of entries) {
      this.check(shape.key!.shape, key, `${path} key ${JSON.stringify(key)}`);
      this.check(shape.value!.shape, item, join(path, key));
    }
  }

  private string(shape: ModelShape, value: unknown, path: string): void {
    if (typeof value !== 'string') return this.report(mismatch(path, value, 'a string'));
    if (shape.enum && !shape.enum.includes(value)) {
      this.report(new RequestShapeError(path, `${path}: ${formatValue(value)} is not one of ${shape.enum.join(', ')}`));
    }
    this.count(shape, value.length, path, 'characters');
  }

  private number(shape: ModelShape, value: unknown, path: string, expected: string, accept: (n: number) => boolean): void {
    if (typeof value !== 'number' || !accept(value)) return this.report(mismatch(path, value, expected));
    if (this.checkLimits && ((shape.min !== undefined && value < shape.min) || (shape.max !== undefined && value > shape.max))) {
      this.report(new RequestShapeError(path, `${path}: ${value} is out of range ${shape.min ?? '-∞'}..${shape.max ?? '∞'}`));
    }
  }

  private count(shape: ModelShape, count: number, path: string, unit: string): void {
    if (!this.checkLimits) return;
    if (shape.min !== undefined && count < shape.min) {
      this.report(new RequestShapeError(path, `${path}: ${count} ${unit}, at least ${shape.min} required`));
    } else if (shape.max !== undefined && count > shape.max) {
      this.report(new RequestShapeError(path, `${path}: ${count} ${unit}, at most ${shape.max} allowed`));
    }
  }
}

function mismatch(path: string, value: unknown, expected: string): RequestShapeError {
  const got = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
  return new RequestShapeError(path || '(request)', `${path || '(request)'}: expected ${expected}, got ${got} ${formatValue(value)}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
