import { compileLeafCondition, describe, isPlainObject, JsonScalar, LeafCondition } from './event-pattern-leaf';
import { EventsValidationException, InvalidEventPatternException } from '../events-errors';

/**
 * EventBridge event patterns (spec rule EVT-3), matched the way EventBridge (Event Ruler) does:
 *
 * - a pattern is a JSON object whose fields are ANDed; a field's value is either a nested object
 *   (matched against the event's object at that field) or a non-empty list of conditions (ORed);
 * - a condition is an exact JSON scalar or one operator object: `prefix`, `suffix`,
 *   `equals-ignore-case`, `wildcard`, `anything-but`, `numeric`, `exists`, `cidr`;
 * - `"$or": [ {...}, {...} ]` inside any object ORs whole sub-patterns over the same event object;
 * - an array in the event matches when any element does; objects inside arrays are matched one
 *   element at a time, so two fields never match from two different elements;
 * - only leaf values (not objects) count as present for `exists`, and an empty array is absent.
 *
 * Known differences from EventBridge, all about patterns EventBridge would reject or a quirk its
 * docs say not to rely on: numbers compare by value (300 matches 300.0, as Event Ruler does today);
 * keys are not dot-joined (`{"a.b": [1]}` does not match `{"a": {"b": 1}}`); wildcard patterns are
 * not refused as "too complex".
 */

/** Longest event pattern `PutRule` accepts (EventPattern, max 4096, in the EventBridge API model). */
export const MAX_EVENT_PATTERN_LENGTH = 4096;

/** A validated pattern, ready to test many events without re-parsing. */
export interface CompiledEventPattern {
  /** True when the event (a parsed object, or its JSON text) matches. */
  matches(event: unknown): boolean;
}

/**
 * Validates and compiles a pattern (an object, or its JSON text as CloudFormation may hold it).
 *
 * @throws InvalidEventPatternException naming the field path and value that EventBridge would refuse
 */
export function compileEventPattern(pattern: unknown): CompiledEventPattern {
  const parsed = parsePatternInput(pattern);
  if (!isPlainObject(parsed)) {
    throw new InvalidEventPatternException(`Filter is not an object; got ${describe(parsed)}`, '');
  }
  const root = compileObject(parsed, '', false);
  return { matches: (event) => matchesObject(root, parseEventInput(event)) };
}

/** Throws the error `PutRule` would return for this pattern; returns quietly when it is valid. */
export function validateEventPattern(pattern: unknown): void {
  compileEventPattern(pattern);
}

/**
 * One-off match, like EventBridge's `TestEventPattern`. Compile once with `compileEventPattern`
 * when the same pattern meets many events.
 *
 * @throws InvalidEventPatternException when the pattern itself is invalid
 */
export function matchesEventPattern(pattern: unknown, event: unknown): boolean {
  return compileEventPattern(pattern).matches(event);
}

interface ObjectMatcher {
  readonly fields: readonly FieldMatcher[];
  /** Each `$or` group: at least one alternative must match the same event object. */
  readonly orGroups: readonly (readonly ObjectMatcher[])[];
}

type FieldMatcher =
  | { readonly name: string; readonly kind: 'leaf'; readonly conditions: readonly LeafCondition[] }
  | { readonly name: string; readonly kind: 'object'; readonly matcher: ObjectMatcher };

/**
 * Names EventBridge keeps for operators; inside `$or` they cannot be field names, so a misplaced
 * operator is caught instead of silently matching a field of that name (Event Ruler's reserved list).
 */
const RESERVED_NAMES_IN_OR = new Set([
  'exactly', 'equals-ignore-case', 'prefix', 'suffix', 'anything-but', 'exists', 'wildcard', 'numeric', 'cidr',
  '=', '<', '<=', '>', '>=',
]);

function parsePatternInput(pattern: unknown): unknown {
  const text = typeof pattern === 'string' ? pattern : JSON.stringify(pattern ?? null);
  if (text.length > MAX_EVENT_PATTERN_LENGTH) {
    throw new InvalidEventPatternException(
      `Event pattern is ${text.length} characters long; the limit is ${MAX_EVENT_PATTERN_LENGTH}`, '');
  }
  if (typeof pattern !== 'string') {
    return pattern;
  }
  try {
    return JSON.parse(pattern);
  } catch (error) {
    throw new InvalidEventPatternException(`${(error as Error).message} in ${describe(pattern)}`, '');
  }
}

function parseEventInput(event: unknown): unknown {
  if (typeof event !== 'string') {
    return event;
  }
  try {
    return JSON.parse(event);
  } catch {
    throw new EventsValidationException(`Parameter Event is not valid: ${describe(event)} is not JSON.`);
  }
}

function compileObject(pattern: Record<string, unknown>, path: string, insideOr: boolean): ObjectMatcher {
  const names = Object.keys(pattern);
  if (names.length === 0) {
    throw new InvalidEventPatternException('Empty objects are not allowed', path || '(root)');
  }
  const fields: FieldMatcher[] = [];
  const orGroups: ObjectMatcher[][] = [];
  for (const name of names) {
    const value = pattern[name];
    const fieldPath = path ? `${path}.${name}` : name;
    if (name === '$or') {
      orGroups.push(compileOr(value, fieldPath));
      continue;
    }
    if (insideOr && RESERVED_NAMES_IN_OR.has(name)) {
      throw new InvalidEventPatternException(
        `${name} is a reserved keyword which cannot be used as a field name inside $or`, fieldPath);
    }
    if (Array.isArray(value)) {
      if (value.length === 0) {
        throw new InvalidEventPatternException('Empty arrays are not allowed', fieldPath);
      }
      const conditions = value.map((entry, i) => compileLeafCondition(entry, `${fieldPath}[${i}]`));
      fields.push({ name, kind: 'leaf', conditions });
    } else if (isPlainObject(value)) {
      fields.push({ name, kind: 'object', matcher: compileObject(value, fieldPath, insideOr) });
    } else {
      throw new InvalidEventPatternException(
        `"${name}" must be an object or an array; got ${describe(value)}`, fieldPath);
    }
  }
  return { fields, orGroups };
}

function compileOr(value: unknown, path: string): ObjectMatcher[] {
  if (!Array.isArray(value)) {
    throw new InvalidEventPatternException(`It must be an Array followed with $or; got ${describe(value)}`, path);
  }
  if (value.length < 2) {
    throw new InvalidEventPatternException(
      `There must have at least 2 Objects in $or relationship; got ${value.length}`, path);
  }
  return value.map((alternative, i) => {
    if (!isPlainObject(alternative)) {
      throw new InvalidEventPatternException(
        `Only JSON object is allowed in array of $or relationship; got ${describe(alternative)}`, `${path}[${i}]`);
    }
    return compileObject(alternative, `${path}[${i}]`, true);
  });
}

/** `value` is the event object at this level; anything else is treated as an object with no fields. */
function matchesObject(matcher: ObjectMatcher, value: unknown): boolean {
  const event = isPlainObject(value) ? value : {};
  for (const field of matcher.fields) {
    const fieldValue = Object.prototype.hasOwnProperty.call(event, field.name) ? event[field.name] : undefined;
    const matched = field.kind === 'leaf'
      ? matchesLeaf(field.conditions, leafValues(fieldValue))
      : objectCandidates(fieldValue).some((candidate) => matchesObject(field.matcher, candidate));
    if (!matched) {
      return false;
    }
  }
  return matcher.orGroups.every((group) => group.some((alternative) => matchesObject(alternative, event)));
}

function matchesLeaf(conditions: readonly LeafCondition[], values: readonly JsonScalar[]): boolean {
  return conditions.some((condition) => condition.kind === 'exists'
    ? condition.exists === (values.length > 0)
    : values.some((value) => condition.test(value)));
}

/** The scalar values at a field, arrays flattened; objects are not leaves. */
function leafValues(value: unknown, into: JsonScalar[] = []): JsonScalar[] {
  if (Array.isArray(value)) {
    value.forEach((element) => leafValues(element, into));
  } else if (value !== undefined && !isPlainObject(value)) {
    into.push(value as JsonScalar);
  }
  return into;
}

/**
 * The objects a nested pattern is matched against: the field's object, or each object in its
 * (possibly nested) array. With none, an empty object stands in, so only `exists: false` can match.
 */
function objectCandidates(value: unknown): unknown[] {
  const found: unknown[] = [];
  const visit = (element: unknown): void => {
    if (Array.isArray(element)) {
      element.forEach(visit);
    } else if (isPlainObject(element)) {
      found.push(element);
    }
  };
  visit(value);
  return found.length > 0 ? found : [{}];
}
