import * as fc from 'fast-check';
import { InvalidEventPatternException } from '../../../../src/runtime/events/events-errors';
import { matchesWildcard, parseWildcardPattern } from '../../../../src/runtime/events/pattern/wildcard-pattern';

const matches = (pattern: string, value: string) => matchesWildcard(parseWildcardPattern(pattern, 'p'), value);

describe('parseWildcardPattern', () => {
  test('EVT-3: stars split the pattern into literal segments', () => {
    // GIVEN the docs' event-bus ARN wildcard
    // WHEN it is parsed
    const parsed = parseWildcardPattern('arn:aws:events:us-east-1:*:event-bus/*', 'p');
    // THEN the literal text between the stars is kept
    expect(parsed.segments).toEqual(['arn:aws:events:us-east-1:', ':event-bus/', '']);
  });

  test('EVT-3: \\* and \\\\ are literal characters', () => {
    expect(parseWildcardPattern('a\\*b\\\\c*', 'p').segments).toEqual(['a*b\\c', '']);
  });

  test.each([
    ['**', 'Consecutive wildcard characters at pos 1'],
    ['a***', 'Consecutive wildcard characters at pos 2'],
    ['a\\b', 'Invalid escape at pos 1'],
    ['trailing\\', 'Invalid escape at pos 8'],
  ])('EVT-3: %s is refused', (pattern, reason) => {
    // GIVEN a wildcard EventBridge refuses
    // WHEN it is parsed
    // THEN the error names the position, and the path given by the caller
    expect(() => parseWildcardPattern(pattern, 'detail.k[0].wildcard')).toThrow(InvalidEventPatternException);
    expect(() => parseWildcardPattern(pattern, 'detail.k[0].wildcard')).toThrow(reason);
    expect(() => parseWildcardPattern(pattern, 'detail.k[0].wildcard')).toThrow('(at detail.k[0].wildcard)');
  });
});

describe('matchesWildcard', () => {
  test.each([
    ['Simple*Service', 'SimpleQueueService', true],
    ['Simple*Service', 'SimpleService', true],
    ['Simple*Service', 'SimpleServices', false],
    ['*', '', true],
    ['', '', true],
    ['', 'x', false],
    ['*.png', 'a.png.png', true],
    ['a*a', 'a', false],
    ['a*a', 'aa', true],
    ['/Users/*/dir/dir/dir/dir/dir/doc.txt', '/Users/ls_user/dir/dir/dir/dir/dir/doc.txt', true],
    ['/Users/*/dir/dir/dir/dir/dir/doc.txt', '/Users/ls_user/dir/dir/dir/dir/otherdir/doc.txt', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'aXb', false],
  ])('EVT-3: %s vs %s is %s', (pattern, value, expected) => {
    // GIVEN a wildcard and a string WHEN matched THEN star means any run of characters, nothing else is special
    expect(matches(pattern, value)).toBe(expected);
  });

  test('EVT-3: agrees with an anchored regular expression on random patterns', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '.', '/'), maxLength: 8 });
    const pattern = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '.'), maxLength: 3 }), { minLength: 1, maxLength: 4 })
      .map((segments) => segments.join('*'))
      .filter((p) => !p.includes('**'));
    fc.assert(fc.property(pattern, text, (p, value) => {
      // GIVEN a reference: each star becomes [\s\S]*, everything else is escaped
      const reference = new RegExp(`^${p.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('[\\s\\S]*')}$`);
      // WHEN both judge the same value THEN they agree
      expect(matches(p, value)).toBe(reference.test(value));
    }));
  });
});
