/**
 * How deeply a JSON text nests arrays and objects, counted in one pass over the text (strings
 * skipped), so that a body nested a hundred thousand levels deep is refused before anything walks
 * it recursively (a validator, an error message quoting the value), which would overflow the stack.
 * Stops counting once past `limit`.
 */
export function jsonNestingDepth(text: string, limit: number = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) { // a string: skip to its closing quote
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) { // [ {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) { // ] }
      depth--;
    }
  }
  return deepest;
}
