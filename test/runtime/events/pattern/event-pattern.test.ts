import * as fc from 'fast-check';
import { EVENT_PATTERN_VECTORS } from './event-pattern-vectors';
import { EventsValidationException, InvalidEventPatternException } from '../../../../src/runtime/events/events-errors';
import {
  compileEventPattern,
  matchesEventPattern,
  MAX_EVENT_PATTERN_LENGTH,
  validateEventPattern,
} from '../../../../src/runtime/events/pattern/event-pattern';

describe('matchesEventPattern: documented vectors', () => {
  test('EVT-3: the vector table holds 100+ vectors, both outcomes', () => {
    // GIVEN the vector table
    // WHEN it is counted
    const matching = EVENT_PATTERN_VECTORS.filter((v) => v.matches).length;
    // THEN there are enough vectors of each outcome to mean something
    expect(EVENT_PATTERN_VECTORS.length).toBeGreaterThanOrEqual(100);
    expect(matching).toBeGreaterThan(30);
    expect(EVENT_PATTERN_VECTORS.length - matching).toBeGreaterThan(30);
  });

  test.each(EVENT_PATTERN_VECTORS.map((v) => [v.name, v] as const))('EVT-3: %s', (_name, v) => {
    // GIVEN a pattern and an event from the EventBridge documentation or the seed guide
    // WHEN the event is matched against the pattern
    const result = matchesEventPattern(v.pattern, v.event);
    // THEN the outcome is the documented one
    expect(result).toBe(v.matches);
  });
});

// Reasons follow the messages PutRule returns ("Event pattern is not valid. Reason: ...").
const INVALID_PATTERNS: readonly (readonly [string, unknown, string, string])[] = [
  ['top level is a list', ['not', 'a', 'dict'], 'Filter is not an object', ''],
  ['text that is not JSON', "{'bad': 'quotation'}", 'Event pattern is not valid', ''],
  ['empty pattern', {}, 'Empty objects are not allowed', '(root)'],
  ['empty nested object', { detail: {} }, 'Empty objects are not allowed', 'detail'],
  ['empty value list', { source: [] }, 'Empty arrays are not allowed', 'source'],
  ['bare string value', { string: 'my-value' }, '"string" must be an object or an array', 'string'],
  ['bare number value', { int: 42 }, '"int" must be an object or an array', 'int'],
  ['list inside the value list', { source: [['a']] }, 'Match value must be String, number, true, false, or null', 'source[0]'],
  ['empty operator object', { source: [{}] }, 'Match expression name not found', 'source[0]'],
  ['two operators in one object', { source: [{ prefix: 'a', suffix: 'b' }] }, 'Only one key allowed in match expression', 'source[0]'],
  ['operator names are case-sensitive (NUMERIC)', { n: [{ NUMERIC: ['=', 5] }] }, 'Unrecognized match type NUMERIC', 'n[0]'],
  ['operator names are case-sensitive (EXISTS)', { n: [{ EXISTS: true }] }, 'Unrecognized match type EXISTS', 'n[0]'],
  ['prefix number', { time: [{ prefix: 123 }] }, 'prefix match pattern must be a string', 'time[0].prefix'],
  ['prefix list', { time: [{ prefix: ['2022'] }] }, 'prefix match pattern must be a string', 'time[0].prefix'],
  ['prefix ignore-case number', { s: [{ prefix: { 'equals-ignore-case': 1 } }] }, 'equals-ignore-case match pattern must be a string',
    's[0].prefix.equals-ignore-case'],
  ['prefix with another nested operator', { s: [{ prefix: { wildcard: 'x' } }] }, 'Unsupported prefix pattern: wildcard', 's[0].prefix'],
  ['suffix number', { f: [{ suffix: 123 }] }, 'suffix match pattern must be a string', 'f[0].suffix'],
  ['equals-ignore-case list', { s: [{ 'equals-ignore-case': ['x'] }] }, 'equals-ignore-case match pattern must be a string',
    's[0].equals-ignore-case'],
  ['equals-ignore-case with prefix inside', { s: [{ 'equals-ignore-case': { prefix: 'x' } }] },
    'equals-ignore-case match pattern must be a string', 's[0].equals-ignore-case'],
  ['wildcard number', { a: [{ wildcard: 123 }] }, 'wildcard match pattern must be a string', 'a[0].wildcard'],
  ['wildcard with consecutive stars', { a: [{ wildcard: 'arn:aws:events:us-east-1:**:event-bus/*' }] },
    'Consecutive wildcard characters at pos 26', 'a[0].wildcard'],
  ['wildcard escaping a letter', { a: [{ wildcard: 'a\\b' }] }, 'Invalid escape at pos 1', 'a[0].wildcard'],
  ['numeric is not a list', { c: [{ numeric: 10 }] }, 'Value of numeric must be an array', 'c[0].numeric'],
  ['numeric range without its upper value', { c: [{ numeric: ['>', 0, '<'] }] }, 'Value of < must be numeric', 'c[0].numeric[3]'],
  ['numeric range with two lower operators', { c: [{ numeric: ['>', 0, '>', 0] }] }, 'Bad numeric range operator: ">"', 'c[0].numeric[2]'],
  ['numeric upper operator first', { c: [{ numeric: ['<', 10, '>', 0] }] }, 'Too many elements in numeric expression', 'c[0].numeric'],
  ['numeric range upside down', { c: [{ numeric: ['>', 5, '<', 5] }] }, 'Bottom must be less than top', 'c[0].numeric'],
  ['numeric value as a string', { c: [{ numeric: ['=', '5'] }] }, 'Value of = must be numeric', 'c[0].numeric[1]'],
  ['numeric unknown operator', { c: [{ numeric: ['==', 5] }] }, 'Unrecognized numeric range operator: ==', 'c[0].numeric[0]'],
  ['numeric beyond 5.0e9', { c: [{ numeric: ['>', 6e9] }] }, 'outside the supported range -5.0e9 to 5.0e9', 'c[0].numeric[1]'],
  ['numeric range with a fifth term', { c: [{ numeric: ['>', 0, '<', 5, 6] }] }, 'Too many terms in numeric range expression', 'c[0].numeric'],
  ['numeric empty list', { c: [{ numeric: [] }] }, 'Invalid member in numeric match', 'c[0].numeric[0]'],
  ['anything-but null', { s: [{ 'anything-but': null }] }, 'Value of anything-but must be an array or single string/number value',
    's[0].anything-but'],
  ['anything-but list with null', { s: [{ 'anything-but': ['stopped', null] }] }, 'Inside anything but list, start|null|boolean is not supported',
    's[0].anything-but[1]'],
  ['anything-but list of mixed types', { s: [{ 'anything-but': ['a', 1] }] }, 'mixed type is not supported', 's[0].anything-but'],
  ['anything-but empty list', { s: [{ 'anything-but': [] }] }, 'mixed type is not supported', 's[0].anything-but'],
  ['anything-but empty prefix', { s: [{ 'anything-but': { prefix: '' } }] }, 'Null prefix/suffix not allowed', 's[0].anything-but.prefix'],
  ['anything-but empty suffix', { s: [{ 'anything-but': { suffix: '' } }] }, 'Null prefix/suffix not allowed', 's[0].anything-but.suffix'],
  ['anything-but prefix number', { s: [{ 'anything-but': { prefix: 123 } }] }, 'prefix/suffix match pattern must be a string',
    's[0].anything-but.prefix'],
  ['anything-but prefix list with a number', { s: [{ 'anything-but': { prefix: [123, 'test'] } }] },
    'prefix/suffix match pattern must be a string', 's[0].anything-but.prefix[0]'],
  ['anything-but prefix ignore-case', { s: [{ 'anything-but': { prefix: { 'equals-ignore-case': 'file' } } }] },
    'prefix/suffix match pattern must be a string', 's[0].anything-but.prefix'],
  ['anything-but equals-ignore-case number', { s: [{ 'anything-but': { 'equals-ignore-case': 123 } }] },
    'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported', 's[0].anything-but.equals-ignore-case'],
  ['anything-but wildcard number', { s: [{ 'anything-but': { wildcard: 123 } }] }, 'wildcard match pattern must be a string',
    's[0].anything-but.wildcard'],
  ['anything-but wildcard with consecutive stars', { s: [{ 'anything-but': { wildcard: ['ok', 'a**'] } }] },
    'Consecutive wildcard characters at pos 2', 's[0].anything-but.wildcard[1]'],
  ['anything-but empty prefix list', { s: [{ 'anything-but': { prefix: [] } }] }, 'Empty arrays are not allowed', 's[0].anything-but.prefix'],
  ['anything-but numeric', { s: [{ 'anything-but': { numeric: ['>', 1] } }] }, 'Unsupported anything-but pattern: numeric',
    's[0].anything-but.numeric'],
  ['anything-but with two operators', { s: [{ 'anything-but': { prefix: 'a', suffix: 'b' } }] }, 'exactly one of', 's[0].anything-but'],
  ['exists as a string', { s: [{ exists: 'true' }] }, 'exists match pattern must be either true or false', 's[0].exists'],
  ['cidr without a mask', { ip: [{ cidr: 'bad-filter' }] }, "Malformed CIDR, one '/' required", 'ip[0].cidr'],
  ['cidr with a bad address', { ip: [{ cidr: 'xx.11.xx/8' }] }, 'Nonstandard IP address: xx.11.xx', 'ip[0].cidr'],
  ['cidr with a bad IPv6 address', { ip: [{ cidr: 'xxxx:db8:1234:1a00::/64' }] }, 'Nonstandard IP address: xxxx:db8:1234:1a00::',
    'ip[0].cidr'],
  ['cidr with a word for mask', { ip: [{ cidr: 'bad-/64filter' }] }, 'mask bits must be an integer', 'ip[0].cidr'],
  ['cidr mask too wide', { ip: [{ cidr: '10.0.0.0/33' }] }, 'exceed the 32 bits', 'ip[0].cidr'],
  ['cidr list', { ip: [{ cidr: ['bad-type'] }] }, 'cidr match pattern must be a string', 'ip[0].cidr'],
  ['$or not a list', { $or: { a: ['x'] } }, 'It must be an Array followed with $or', '$or'],
  ['$or with one branch', { $or: [{ a: ['x'] }] }, 'There must have at least 2 Objects in $or relationship', '$or'],
  ['$or with a string branch', { $or: [{ a: ['x'] }, 'b'] }, 'Only JSON object is allowed in array of $or relationship', '$or[1]'],
  ['$or branch using an operator as a field', { $or: [{ numeric: [123] }, { prefix: ['abc'] }] },
    'numeric is a reserved keyword', '$or[0].numeric'],
];

describe('validateEventPattern', () => {
  test.each(INVALID_PATTERNS)('EVT-3: %s is refused', (_name, pattern, reason, path) => {
    // GIVEN a pattern EventBridge's PutRule refuses
    // WHEN it is validated
    const attempt = () => validateEventPattern(pattern);
    // THEN the error is EventBridge's, with its reason and the path of the offending part
    expect(attempt).toThrow(InvalidEventPatternException);
    expect(attempt).toThrow(reason);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidEventPatternException).path).toBe(path);
      expect((error as InvalidEventPatternException).errorType).toBe('InvalidEventPatternException');
    }
  });

  test('EVT-3: the error names the path and the offending value', () => {
    // GIVEN a numeric range whose upper bound is a string, deep in the pattern
    const pattern = { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 'five'] }] } };
    // WHEN it is validated
    // THEN the message reads like EventBridge's and adds where and what
    expect(() => validateEventPattern(pattern)).toThrow(
      'Event pattern is not valid. Reason: Value of <= must be numeric; got "five" (at detail.c-count[0].numeric[3])');
  });

  test('EVT-3: a pattern at the 4096-character limit is accepted, one character more is refused', () => {
    // GIVEN two pattern texts of 4096 and 4097 characters
    const padded = (length: number) => {
      const base = '{"source":[""]}';
      return `{"source":["${'x'.repeat(length - base.length)}"]}`;
    };
    // WHEN they are validated
    // THEN only the longer one is refused, with the limit in the message
    expect(padded(MAX_EVENT_PATTERN_LENGTH).length).toBe(4096);
    expect(() => validateEventPattern(padded(MAX_EVENT_PATTERN_LENGTH))).not.toThrow();
    expect(() => validateEventPattern(padded(MAX_EVENT_PATTERN_LENGTH + 1))).toThrow('the limit is 4096');
  });

  test('EVT-3: matching with an invalid pattern throws instead of answering false', () => {
    // GIVEN an invalid pattern
    // WHEN it is used to match
    // THEN the caller learns the pattern is wrong
    expect(() => matchesEventPattern({ source: [] }, { source: 'x' })).toThrow(InvalidEventPatternException);
  });

  test('EVT-3: an event that is not JSON text is a validation error, like TestEventPattern', () => {
    // GIVEN a valid pattern and event text that is not JSON
    // WHEN they are matched
    // THEN the event is refused
    expect(() => matchesEventPattern({ source: ['a'] }, '{not json')).toThrow(EventsValidationException);
  });
});

describe('compileEventPattern', () => {
  test('EVT-3: a compiled pattern matches many events without being parsed again', () => {
    // GIVEN the seed's FAILED-job pattern compiled once
    const compiled = compileEventPattern('{"source":["aws.batch"],"detail":{"status":["FAILED"]}}');
    // WHEN several events go through it
    const results = ['FAILED', 'SUCCEEDED', 'FAILED'].map((status) => compiled.matches({ source: 'aws.batch', detail: { status } }));
    // THEN each is judged on its own
    expect(results).toEqual([true, false, true]);
  });

  test('EVT-3: a non-object event is treated as having no fields', () => {
    // GIVEN patterns with exists:false and with an exact value
    // WHEN they meet a null event
    // THEN only the absence test holds
    expect(matchesEventPattern({ a: [{ exists: false }] }, null)).toBe(true);
    expect(matchesEventPattern({ a: ['x'] }, null)).toBe(false);
  });

  test('EVT-3: inherited object properties are not event fields', () => {
    // GIVEN a pattern on a field named like an Object.prototype member
    // WHEN the event does not have it
    // THEN it is absent
    expect(matchesEventPattern({ constructor: [{ exists: false }] }, {})).toBe(true);
    expect(matchesEventPattern({ toString: [{ exists: true }] }, {})).toBe(false);
  });
});

const scalar = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));

describe('matchesEventPattern: properties', () => {
  test('EVT-3: a scalar always matches a list holding itself', () => {
    fc.assert(fc.property(scalar, fc.array(scalar), (value, others) => {
      // GIVEN any JSON scalar and a list containing it among others
      // WHEN an event with that value is matched
      // THEN it matches
      expect(matchesEventPattern({ f: [...others, value] }, { f: value })).toBe(true);
    }));
  });

  test('EVT-3: exact string lists match exactly when the list includes the value', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 3 }), { minLength: 1 }), fc.string({ maxLength: 3 }), (list, value) => {
      expect(matchesEventPattern({ f: list }, { f: value })).toBe(list.includes(value));
    }));
  });

  test('EVT-3: anything-but [list] is the opposite of the list for a present string', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 3 }), { minLength: 1 }), fc.string({ maxLength: 3 }), (list, value) => {
      expect(matchesEventPattern({ f: [{ 'anything-but': list }] }, { f: value })).toBe(!list.includes(value));
    }));
  });

  test('EVT-3: exists:true and exists:false never agree', () => {
    fc.assert(fc.property(fc.option(fc.jsonValue(), { nil: undefined }), (value) => {
      // GIVEN any event value at the field, or none
      const event = value === undefined ? {} : { f: value };
      // WHEN both existence tests run
      // THEN exactly one holds
      expect(matchesEventPattern({ f: [{ exists: true }] }, event))
        .toBe(!matchesEventPattern({ f: [{ exists: false }] }, event));
    }));
  });

  test('EVT-3: numeric ranges agree with plain comparisons', () => {
    const bound = fc.integer({ min: -1000, max: 1000 });
    fc.assert(fc.property(bound, bound, fc.double({ min: -2000, max: 2000, noNaN: true }), (a, b, value) => {
      fc.pre(a < b);
      const matched = matchesEventPattern({ n: [{ numeric: ['>', a, '<=', b] }] }, { n: value });
      expect(matched).toBe(value > a && value <= b);
    }));
  });
});
