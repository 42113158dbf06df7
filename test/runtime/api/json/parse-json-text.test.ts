import * as fc from 'fast-check';
import { jsonErrorOffset, lineAndColumn, parseJsonText } from '../../../../src/runtime/api/json/parse-json-text';

describe('parseJsonText', () => {
  test.each([
    ['a misplaced brace (Node gives no position)', '{\n  "a": 1,\n  "b": }\n', 'line 3, column 8: Unexpected token \'}\''],
    ['a trailing comma', '{"a": 1,\n}', 'line 2, column 1: Expected double-quoted property name'],
    ['a missing colon', '{\n"a" 1}', 'line 2, column 5: Expected \':\' after property name'],
    ['a misspelt literal', '[tru]', 'line 1, column 5: Unexpected token \']\''],
    ['an early end', '{\n  "a": [1, 2', 'line 2, column 13: Expected \',\' or \']\' after array element'],
    ['an empty text', '', 'line 1, column 1: Unexpected end of JSON input'],
    ['text after the value', '{}\n\nx', 'line 3, column 1: Unexpected non-whitespace character after JSON'],
    ['a raw newline in a string', '{"a": "x\ny"}', 'line 1, column 9: Bad control character in string literal'],
    ['a bad unicode escape (found by the property below)', '{"a": "  \\u12G4"}', 'line 1, column 14: Bad Unicode escape'],
  ])('%s: the error gives line and column', (_, text, message) => {
    expect(() => parseJsonText(text)).toThrow(SyntaxError);
    expect(() => parseJsonText(text)).toThrow(message);
  });

  test('valid JSON parses as JSON.parse does; a byte-order mark is skipped', () => {
    expect(parseJsonText('{"a": [1, "x", null, true]}')).toEqual({ a: [1, 'x', null, true] });
    expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ a: 1 });
  });

  test('the error does not echo the text, not even the excerpt Node gives of a long one', () => {
    expect(() => parseJsonText(`{"secret": "${'x'.repeat(100)}", }`)).toThrow(/^line 1, column 116: Expected double-quoted property name$/);
    expect(() => parseJsonText(`{"secret": "${'x'.repeat(100)}", "b": }`)).toThrow(/^line 1, column 121: Unexpected token '}'$/);
  });
});

describe('jsonErrorOffset', () => {
  test('finds an error exactly when JSON.parse fails, at the position Node reports when it reports one (property)', () => {
    // GIVEN: JSON texts, some damaged by deleting or inserting a character
    const damaged = fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', '}', ']', ',', ':', '"', 'x', '\n', '-', '.'))
      .map(([text, at, insert]) => {
        const i = text.length === 0 ? 0 : at % text.length;
        return insert === '' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + insert + text.slice(i);
      });

    fc.assert(fc.property(damaged, (text) => {
      // WHEN
      let nodeError: Error | undefined;
      try {
        JSON.parse(text);
      } catch (error) {
        nodeError = error as Error;
      }
      const offset = jsonErrorOffset(text);

      // THEN
      expect(offset === undefined).toBe(nodeError === undefined);
      const nodePosition = /at position (\d+)/.exec(nodeError?.message ?? '');
      if (nodePosition) expect(offset).toBe(Number(nodePosition[1]));
    }), { numRuns: 2000 });
  });
});

describe('lineAndColumn', () => {
  test('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd\n', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\n', 2)).toEqual({ line: 1, column: 3 });
    expect(lineAndColumn('ab\ncd\n', 3)).toEqual({ line: 2, column: 1 });
    expect(lineAndColumn('ab\ncd\n', 6)).toEqual({ line: 3, column: 1 });
  });
});
