import { InvalidEventPatternException } from '../events-errors';

/**
 * An EventBridge `wildcard` value, split into the literal text between its `*` characters.
 * `dir/*.png` becomes `['dir/', '.png']`; a value without `*` is a single literal segment.
 */
export interface WildcardPattern {
  readonly source: string;
  /** Literal segments; `*` sits between each pair. Escapes (`\*`, `\\`) are already resolved. */
  readonly segments: readonly string[];
}

/**
 * Parses a wildcard value with EventBridge's rules: any number of `*`, but never two in a row;
 * `\*` is a literal star, `\\` a literal backslash, and a backslash before anything else is an error.
 *
 * @param path where the value sits in the pattern, for the error message
 * @throws InvalidEventPatternException naming the position of the offending character
 */
export function parseWildcardPattern(source: string, path: string): WildcardPattern {
  const segments: string[] = [];
  let literal = '';
  let previousWasStar = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '*') {
      if (previousWasStar) {
        throw new InvalidEventPatternException(`Consecutive wildcard characters at pos ${i} in "${source}"`, path);
      }
      segments.push(literal);
      literal = '';
      previousWasStar = true;
      continue;
    }
    previousWasStar = false;
    if (char === '\\') {
      const escaped = source[i + 1];
      if (escaped !== '*' && escaped !== '\\') {
        throw new InvalidEventPatternException(
          `Invalid escape at pos ${i} in "${source}": a backslash may only escape "*" or "\\"`, path);
      }
      literal += escaped;
      i++;
      continue;
    }
    literal += char;
  }
  segments.push(literal);
  return { source, segments };
}

/**
 * True when `value` matches the whole wildcard pattern. Leftmost-first placement of each middle
 * segment is optimal for `*`-only globs, so no backtracking is needed: O(value × pattern) at worst,
 * where a regular expression could backtrack exponentially on hostile input.
 */
export function matchesWildcard(pattern: WildcardPattern, value: string): boolean {
  const segments = pattern.segments;
  const first = segments[0];
  if (segments.length === 1) {
    return value === first;
  }
  if (!value.startsWith(first)) {
    return false;
  }
  let position = first.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const found = value.indexOf(segments[i], position);
    if (found < 0) {
      return false;
    }
    position = found + segments[i].length;
  }
  const last = segments[segments.length - 1];
  return value.length - last.length >= position && value.endsWith(last);
}
