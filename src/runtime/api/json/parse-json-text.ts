/**
 * JSON.parse with errors that say where: `line 3, column 8: Unexpected token '}'`. Node's messages
 * give a character position for some errors and none for others (`Unexpected token '}', "..." is
 * not valid JSON` on Node 20), so the position comes from our own scan of the text, the same on
 * every Node version. A leading byte-order mark is skipped (editors on Windows write one).
 */
export function parseJsonText(text: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    const offset = jsonErrorOffset(body);
    const reason = conciseReason((error as Error).message);
    if (offset === undefined) throw new SyntaxError(reason);
    const { line, column } = lineAndColumn(body, offset);
    throw new SyntaxError(`line ${line}, column ${column}: ${reason}`);
  }
}

/** 1-based line and column of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Node's message without what our position replaces: the position, and the echo of the whole text. */
function conciseReason(message: string): string {
  return message
    .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '');
}

class JsonSyntax {
  constructor(readonly offset: number) {}
}

/**
 * The offset of the first character where `text` stops being JSON (RFC 8259), or its length when
 * it ends too early; undefined if it is valid (or too deeply nested to scan).
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (at: number = i): never => { throw new JsonSyntax(at); };
  const space = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): void => {
    i++; // the opening quote
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const next = text[i + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          i += 2;
        } else if (next === 'u') {
          // Node points at the first character that is not a hex digit (`\u12G4` -> the G).
          let hex = 0;
          while (hex < 4 && /[0-9a-fA-F]/.test(text[i + 2 + hex] ?? '')) hex++;
          if (hex < 4) fail(i + 2 + hex);
          i += 6;
        } else {
          fail(i + 1);
        }
      } else if (c.charCodeAt(0) < 0x20) {
        fail();
      } else {
        i++;
      }
    }
    fail();
  };
  const digit = (): boolean => text[i] >= '0' && text[i] <= '9';
  const digits = (): void => {
    if (!digit()) fail();
    while (digit()) i++;
  };
  // Fails where a digit was due (`1.}`, `1e"`), as Node does.
  const number = (): void => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') {
      string();
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      number();
    } else {
      // Points at the first wrong character of a misspelt literal (`tru}` at the `}`), as Node does.
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : '';
      let matched = 0;
      while (matched < word.length && text[i + matched] === word[matched]) matched++;
      if (word === '' || matched < word.length) fail(i + matched);
      i += word.length;
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntax) return Math.min(error.offset, text.length);
    if (error instanceof RangeError) return undefined; // nested too deeply for the scan's recursion
    throw error;
  }
}
