import { InvalidEventPatternException } from '../events-errors';
import { cidrContains, parseCidrBlock } from './ip-cidr';
import { matchesWildcard, parseWildcardPattern, WildcardPattern } from './wildcard-pattern';

/** A JSON value that is not an object or array: what a leaf condition is tested against. */
export type JsonScalar = string | number | boolean | null;

/**
 * One entry of a pattern's value list (`"state": [ <entry>, <entry> ]`), compiled.
 * `exists` looks at whether the field has any leaf value; `value` tests each leaf value.
 */
export type LeafCondition =
  | { readonly kind: 'exists'; readonly exists: boolean }
  | { readonly kind: 'value'; readonly test: (value: JsonScalar) => boolean };

/**
 * EventBridge documents numeric matching for values between -5.0e9 and +5.0e9 inclusive
 * ("Content filtering in Amazon EventBridge event patterns", Numeric matching).
 */
export const NUMERIC_MATCH_LIMIT = 5e9;

/**
 * Compiles one value-list entry. Reasons follow EventBridge's own wording where it has one (the
 * messages `PutRule` returns after "Event pattern is not valid. Reason:"), plus the offending value.
 *
 * @param path where the entry sits, e.g. `detail.state[1]`
 */
export function compileLeafCondition(entry: unknown, path: string): LeafCondition {
  if (entry === null || typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean') {
    const expected = entry;
    return valueCondition((value) => value === expected);
  }
  if (Array.isArray(entry) || typeof entry !== 'object') {
    throw new InvalidEventPatternException(
      `Match value must be String, number, true, false, or null; got ${describe(entry)}`, path);
  }
  const keys = Object.keys(entry);
  if (keys.length === 0) {
    throw new InvalidEventPatternException('Match expression name not found: the object is empty', path);
  }
  if (keys.length > 1) {
    throw new InvalidEventPatternException(
      `Only one key allowed in match expression; got ${keys.map((k) => `"${k}"`).join(', ')}`, path);
  }
  const operator = keys[0];
  const operand = (entry as Record<string, unknown>)[operator];
  const operandPath = `${path}.${operator}`;
  switch (operator) {
    case 'prefix':
      return stringOperatorCondition('prefix', operand, operandPath, (value, text) => value.startsWith(text));
    case 'suffix':
      return stringOperatorCondition('suffix', operand, operandPath, (value, text) => value.endsWith(text));
    case 'equals-ignore-case': {
      const text = requireString(operand, 'equals-ignore-case match pattern must be a string', operandPath);
      return valueCondition((value) => typeof value === 'string' && sameIgnoringCase(value, text));
    }
    case 'wildcard': {
      const wildcard = parseWildcardPattern(
        requireString(operand, 'wildcard match pattern must be a string', operandPath), operandPath);
      return valueCondition((value) => typeof value === 'string' && matchesWildcard(wildcard, value));
    }
    case 'numeric':
      return compileNumeric(operand, operandPath);
    case 'anything-but': {
      const excluded = compileAnythingBut(operand, operandPath);
      // Anything-but needs a value to exist, but any value the exclusion does not catch matches,
      // including null and values of another JSON type.
      return valueCondition((value) => !excluded(value));
    }
    case 'exists':
      if (typeof operand !== 'boolean') {
        throw new InvalidEventPatternException(
          `exists match pattern must be either true or false; got ${describe(operand)}`, operandPath);
      }
      return { kind: 'exists', exists: operand };
    case 'cidr': {
      const block = parseCidrBlock(requireString(operand, 'cidr match pattern must be a string', operandPath), operandPath);
      return valueCondition((value) => typeof value === 'string' && cidrContains(block, value));
    }
    default:
      throw new InvalidEventPatternException(`Unrecognized match type ${operator}`, path);
  }
}

function valueCondition(test: (value: JsonScalar) => boolean): LeafCondition {
  return { kind: 'value', test };
}

/** `prefix` / `suffix`: a string, or `{ "equals-ignore-case": string }` for the case-blind form. */
function stringOperatorCondition(
  operator: 'prefix' | 'suffix',
  operand: unknown,
  path: string,
  compare: (value: string, text: string) => boolean,
): LeafCondition {
  if (typeof operand === 'string') {
    return valueCondition((value) => typeof value === 'string' && compare(value, operand));
  }
  if (isPlainObject(operand)) {
    const keys = Object.keys(operand);
    if (keys.length !== 1 || keys[0] !== 'equals-ignore-case') {
      throw new InvalidEventPatternException(
        `Unsupported ${operator} pattern: ${keys.join(', ') || '{}'} (only "equals-ignore-case" may be nested)`, path);
    }
    const text = requireString(operand['equals-ignore-case'],
      'equals-ignore-case match pattern must be a string', `${path}.equals-ignore-case`).toLowerCase();
    return valueCondition((value) => typeof value === 'string' && compare(value.toLowerCase(), text));
  }
  throw new InvalidEventPatternException(`${operator} match pattern must be a string; got ${describe(operand)}`, path);
}

/**
 * `numeric`: `[op, n]` with op one of `=`, `<`, `<=`, `>`, `>=`, or a range `[">" | ">=", low, "<" | "<=", high]`.
 */
function compileNumeric(operand: unknown, path: string): LeafCondition {
  if (!Array.isArray(operand)) {
    throw new InvalidEventPatternException(`Value of numeric must be an array; got ${describe(operand)}`, path);
  }
  if (operand.length === 0 || typeof operand[0] !== 'string') {
    throw new InvalidEventPatternException(`Invalid member in numeric match: ${describe(operand[0])}`, `${path}[0]`);
  }
  const operator = operand[0];
  if (!['=', '<', '<=', '>', '>='].includes(operator)) {
    throw new InvalidEventPatternException(`Unrecognized numeric range operator: ${operator}`, `${path}[0]`);
  }
  const first = requireNumber(operand[1], operator, `${path}[1]`);
  const lowerBoundOnly = operator === '>' || operator === '>=';
  if (operand.length > 2 && !lowerBoundOnly) {
    throw new InvalidEventPatternException(
      `Too many elements in numeric expression: "${operator}" takes one number, got ${describe(operand)}`, path);
  }
  if (operand.length === 2) {
    return valueCondition((value) => typeof value === 'number' && compareNumbers(value, operator, first));
  }
  const upperOperator = operand[2];
  if (upperOperator !== '<' && upperOperator !== '<=') {
    throw new InvalidEventPatternException(
      `Bad numeric range operator: ${describe(upperOperator)} (the upper bound takes "<" or "<=")`, `${path}[2]`);
  }
  const second = requireNumber(operand[3], upperOperator, `${path}[3]`);
  if (operand.length > 4) {
    throw new InvalidEventPatternException(`Too many terms in numeric range expression: ${describe(operand)}`, path);
  }
  if (first >= second) {
    throw new InvalidEventPatternException(`Bottom must be less than top: ${first} is not below ${second}`, path);
  }
  return valueCondition((value) => typeof value === 'number'
    && compareNumbers(value, operator, first) && compareNumbers(value, upperOperator, second));
}

function requireNumber(value: unknown, operator: string, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidEventPatternException(`Value of ${operator} must be numeric; got ${describe(value)}`, path);
  }
  if (Math.abs(value) > NUMERIC_MATCH_LIMIT) {
    throw new InvalidEventPatternException(
      `Numeric value ${value} is outside the supported range -5.0e9 to 5.0e9`, path);
  }
  return value;
}

function compareNumbers(value: number, operator: string, bound: number): boolean {
  switch (operator) {
    case '=': return value === bound;
    case '<': return value < bound;
    case '<=': return value <= bound;
    case '>': return value > bound;
    default: return value >= bound;
  }
}

/**
 * The part of `anything-but` that says what to exclude: a string, a number, a list of only strings
 * or only numbers, or `{ prefix | suffix | equals-ignore-case | wildcard: string | string[] }`.
 * Returns the exclusion test; the caller negates it.
 */
function compileAnythingBut(operand: unknown, path: string): (value: JsonScalar) => boolean {
  if (typeof operand === 'string' || typeof operand === 'number') {
    return (value) => value === operand;
  }
  if (Array.isArray(operand)) {
    return compileAnythingButList(operand, path);
  }
  if (!isPlainObject(operand)) {
    throw new InvalidEventPatternException(
      `Value of anything-but must be an array or single string/number value; got ${describe(operand)}`, path);
  }
  const keys = Object.keys(operand);
  if (keys.length !== 1) {
    throw new InvalidEventPatternException(
      `anything-but takes exactly one of prefix, suffix, equals-ignore-case, wildcard; got ${keys.join(', ') || '{}'}`,
      path);
  }
  const operator = keys[0];
  const texts = anythingButStrings(operator, operand[operator], `${path}.${operator}`);
  switch (operator) {
    case 'prefix':
      return (value) => typeof value === 'string' && texts.some((text) => value.startsWith(text));
    case 'suffix':
      return (value) => typeof value === 'string' && texts.some((text) => value.endsWith(text));
    case 'equals-ignore-case':
      return (value) => typeof value === 'string' && texts.some((text) => sameIgnoringCase(value, text));
    default: {
      const wildcards: WildcardPattern[] = texts.map((text, i) =>
        parseWildcardPattern(text, Array.isArray(operand[operator]) ? `${path}.wildcard[${i}]` : `${path}.wildcard`));
      return (value) => typeof value === 'string' && wildcards.some((wildcard) => matchesWildcard(wildcard, value));
    }
  }
}

function compileAnythingButList(list: unknown[], path: string): (value: JsonScalar) => boolean {
  list.forEach((item, i) => {
    if (typeof item !== 'string' && typeof item !== 'number') {
      throw new InvalidEventPatternException(
        `Inside anything but list, start|null|boolean is not supported; got ${describe(item)}`, `${path}[${i}]`);
    }
  });
  const hasString = list.some((item) => typeof item === 'string');
  const hasNumber = list.some((item) => typeof item === 'number');
  if (hasString === hasNumber) {
    throw new InvalidEventPatternException(
      'Inside anything but list, either all values are number or string, mixed type is not supported; '
      + `got ${describe(list)}`, path);
  }
  const excluded = new Set(list);
  return (value) => (typeof value === 'string' || typeof value === 'number') && excluded.has(value);
}

/** The string or list of strings an `anything-but` sub-operator names; empty prefixes/suffixes are refused. */
function anythingButStrings(operator: string, operand: unknown, path: string): string[] {
  if (!['prefix', 'suffix', 'equals-ignore-case', 'wildcard'].includes(operator)) {
    throw new InvalidEventPatternException(`Unsupported anything-but pattern: ${operator}`, path);
  }
  const items = Array.isArray(operand) ? operand : [operand];
  if (Array.isArray(operand) && operand.length === 0) {
    throw new InvalidEventPatternException('Empty arrays are not allowed', path);
  }
  return items.map((item, i) => {
    const itemPath = Array.isArray(operand) ? `${path}[${i}]` : path;
    if (typeof item !== 'string') {
      const reason = operator === 'equals-ignore-case'
        ? 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported'
        : `${operator === 'wildcard' ? 'wildcard' : 'prefix/suffix'} match pattern must be a string`;
      throw new InvalidEventPatternException(`${reason}; got ${describe(item)}`, itemPath);
    }
    if (item === '' && (operator === 'prefix' || operator === 'suffix')) {
      throw new InvalidEventPatternException('Null prefix/suffix not allowed', itemPath);
    }
    return item;
  });
}

function requireString(value: unknown, reason: string, path: string): string {
  if (typeof value !== 'string') {
    throw new InvalidEventPatternException(`${reason}; got ${describe(value)}`, path);
  }
  return value;
}

function sameIgnoringCase(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** True for a JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as it appeared in the pattern, for error messages. */
export function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
