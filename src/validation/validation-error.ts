/**
 * Longest rendering of a rejected value kept in a message. Values such as a 30 KiB payload or a
 * 600-character pattern would otherwise drown the part of the message that says what is wrong.
 */
const MAX_VALUE_CHARS = 100;

/**
 * Renders a value the way messages quote it: JSON, cut to about 100 characters.
 * Never throws (circular structures and BigInts fall back to `String(value)`).
 */
export function formatValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 3)}...` : text;
}

/** The standard message: field, quoted value, the limit it broke and the spec rule id. */
export function formatValidationMessage(field: string, value: unknown, limit: string, rule: string): string {
  return `${field}: ${formatValue(value)} is invalid: ${limit} (${rule})`;
}

/**
 * A value broke one of the spec's limits (LIM-1..LIM-15 and the rules they lean on).
 *
 * Thrown by the pure validators in this folder. Constructs let it surface at synth time (adding
 * the construct path); the runtime API maps it to `ClientException` (HTTP 400). It carries the
 * parts separately so both can phrase or map it without parsing the message.
 */
export class ValidationError extends Error {
  constructor(
    /** Path of the offending field, e.g. `retryStrategy.evaluateOnExit[2].onExitCode`. */
    readonly field: string,
    /** The rejected value as given (not truncated; only the message truncates it). */
    readonly value: unknown,
    /** The limit in words, e.g. `an integer 2..10000`. */
    readonly limit: string,
    /** The spec rule id, e.g. `LIM-6`. */
    readonly rule: string,
    message?: string,
  ) {
    super(message ?? formatValidationMessage(field, value, limit, rule));
    this.name = 'ValidationError';
  }
}

/**
 * Throws the standard error; `detail` (what exactly is wrong, when the limit alone does not say)
 * is appended to the standard message.
 */
export function fail(field: string, value: unknown, limit: string, rule: string, detail?: string): never {
  const message = formatValidationMessage(field, value, limit, rule);
  throw new ValidationError(field, value, limit, rule, detail ? `${message}: ${detail}` : message);
}

/** True for a finite integer (rejects NaN, Infinity, 1.5 and non-numbers smuggled in from JSON). */
export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}
