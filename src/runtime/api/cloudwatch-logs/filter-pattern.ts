import { ApiError } from '../http/api-error';

/**
 * The term subset of CloudWatch Logs filter patterns (what `aws logs filter-log-events
 * --filter-pattern` is mostly used with): space-separated terms that must all appear, `"quoted
 * phrases"`, `?term` alternatives (any one of them), and `-term` exclusions; matching is
 * case-sensitive, as on AWS. JSON (`{ $.x = 1 }`) and space-delimited (`[a, b]`) patterns are refused
 * with InvalidParameterException rather than silently matching everything.
 */
export class FilterPattern {
  static parse(pattern: string | undefined): FilterPattern {
    const text = (pattern ?? '').trim();
    if (text.startsWith('{') || text.startsWith('[')) {
      throw new ApiError(400, 'InvalidParameterException',
        `filterPattern: ${JSON.stringify(text.slice(0, 100))}: JSON and space-delimited filter patterns are not supported by batch-local; use terms, "phrases", ?alternatives and -exclusions`);
    }
    const required: string[] = [];
    const optional: string[] = [];
    const excluded: string[] = [];
    for (const token of tokenize(text)) {
      if (token.startsWith('?') && token.length > 1) optional.push(unquote(token.slice(1)));
      else if (token.startsWith('-') && token.length > 1) excluded.push(unquote(token.slice(1)));
      else required.push(unquote(token));
    }
    return new FilterPattern(required, optional, excluded);
  }

  private constructor(
    private readonly required: readonly string[],
    private readonly optional: readonly string[],
    private readonly excluded: readonly string[],
  ) {}

  matches(message: string): boolean {
    if (this.excluded.some((term) => message.includes(term))) return false;
    if (!this.required.every((term) => message.includes(term))) return false;
    return this.optional.length === 0 || this.optional.some((term) => message.includes(term));
  }
}

/** Splits on white space, keeping `"quoted phrases"` (with an optional ?/- prefix) whole. */
function tokenize(text: string): string[] {
  return text.match(/[?-]?"[^"]*"|\S+/g) ?? [];
}

function unquote(token: string): string {
  return token.length >= 2 && token.startsWith('"') && token.endsWith('"') ? token.slice(1, -1) : token;
}
