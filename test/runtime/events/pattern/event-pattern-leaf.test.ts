import { compileLeafCondition, describe as describeValue, isPlainObject, JsonScalar, LeafCondition, NUMERIC_MATCH_LIMIT } from '../../../../src/runtime/events/pattern/event-pattern-leaf';

const test1 = (condition: LeafCondition, value: JsonScalar): boolean => {
  if (condition.kind !== 'value') {
    throw new Error('expected a value condition');
  }
  return condition.test(value);
};

describe('compileLeafCondition', () => {
  test('EVT-3: exists compiles to an existence check, not a value test', () => {
    // GIVEN exists entries WHEN compiled THEN they carry the expected presence
    expect(compileLeafCondition({ exists: true }, 'f[0]')).toEqual({ kind: 'exists', exists: true });
    expect(compileLeafCondition({ exists: false }, 'f[0]')).toEqual({ kind: 'exists', exists: false });
  });

  test.each([
    ['exact string', 'a', 'a', true],
    ['exact string, other case', 'a', 'A', false],
    ['exact number', 5, 5, true],
    ['exact null', null, null, true],
    ['exact false vs null', false, null, false],
    ['prefix', { prefix: 'ab' }, 'abc', true],
    ['suffix', { suffix: 'bc' }, 'abc', true],
    ['suffix vs number', { suffix: '5' }, 5, false],
    ['equals-ignore-case', { 'equals-ignore-case': 'ÄBC' }, 'äbc', true],
    ['numeric =', { numeric: ['=', 5] }, 5, true],
    ['numeric <', { numeric: ['<', 5] }, 5, false],
    ['numeric <=', { numeric: ['<=', 5] }, 5, true],
    ['numeric >', { numeric: ['>', 5] }, 5, false],
    ['numeric >=', { numeric: ['>=', 5] }, 5, true],
    ['numeric at the documented limit', { numeric: ['<=', NUMERIC_MATCH_LIMIT] }, 5e9, true],
    ['anything-but number vs string', { 'anything-but': 5 }, '5', true],
    ['anything-but suffix list', { 'anything-but': { suffix: ['.a', '.b'] } }, 'x.b', false],
    ['cidr', { cidr: '192.168.0.0/16' }, '192.168.4.1', true],
  ])('EVT-3: %s', (_name, entry, value, expected) => {
    // GIVEN one value-list entry WHEN compiled and tested on one value THEN the answer follows the operator
    expect(test1(compileLeafCondition(entry, 'f[0]'), value as JsonScalar)).toBe(expected);
  });
});

describe('helpers', () => {
  test('EVT-3: isPlainObject accepts objects only', () => {
    expect([{}, { a: 1 }, [], null, 'x', 1].map(isPlainObject)).toEqual([true, true, false, false, false, false]);
  });

  test('EVT-3: describe quotes values and shortens long ones', () => {
    expect(describeValue('x')).toBe('"x"');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue('y'.repeat(200))).toHaveLength(80);
  });
});
