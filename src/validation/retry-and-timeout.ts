import { fail, isInteger } from './validation-error';

const RULE = 'LIM-10';

/** LIM-10: shortest timeout AWS Batch accepts. */
export const MIN_ATTEMPT_DURATION_SECONDS = 60;
/** LIM-10: `retryStrategy.attempts` bounds. */
export const MIN_RETRY_ATTEMPTS = 1;
export const MAX_RETRY_ATTEMPTS = 10;
/** LIM-10: most `evaluateOnExit` conditions. */
export const MAX_EVALUATE_ON_EXIT = 5;
/** LIM-10: longest `onExitCode` / `onReason` / `onStatusReason` pattern. */
export const MAX_EXIT_PATTERN_LENGTH = 512;
/** LIM-10: `evaluateOnExit[].action` values (compared case-insensitively). */
export const RETRY_ACTIONS: readonly string[] = ['RETRY', 'EXIT'];

export interface EvaluateOnExitInput {
  onExitCode?: string;
  onReason?: string;
  onStatusReason?: string;
  action: string;
}

export interface RetryStrategyInput {
  attempts?: number;
  evaluateOnExit?: EvaluateOnExitInput[];
}

/**
 * Each pattern is a literal with an optional trailing `*` (a prefix match). The body's character
 * class differs: exit codes are decimal digits; reasons are letters, digits, `.`, `:` and white
 * space (the service model: "including spaces and tabs").
 */
const EXIT_CODE_BODY = /^[0-9]*$/;
const REASON_BODY = /^[A-Za-z0-9.:\s]*$/;

/** LIM-10: `timeout.attemptDurationSeconds` is an integer >= 60. */
export function validateAttemptDurationSeconds(field: string, seconds: number): void {
  if (!isInteger(seconds) || seconds < MIN_ATTEMPT_DURATION_SECONDS) {
    fail(field, seconds, `an integer >= ${MIN_ATTEMPT_DURATION_SECONDS} (seconds)`, RULE);
  }
}

/**
 * LIM-10: `attempts` 1..10; `evaluateOnExit` at most 5 conditions and only together with
 * `attempts`; each condition's patterns and action well formed. `field` is the path of the
 * strategy itself, e.g. `retryStrategy`.
 */
export function validateRetryStrategy(field: string, strategy: RetryStrategyInput): void {
  if (strategy.attempts !== undefined) {
    const attempts = strategy.attempts;
    if (!isInteger(attempts) || attempts < MIN_RETRY_ATTEMPTS || attempts > MAX_RETRY_ATTEMPTS) {
      fail(`${field}.attempts`, attempts, `an integer ${MIN_RETRY_ATTEMPTS}..${MAX_RETRY_ATTEMPTS}`, RULE);
    }
  }
  const conditions = strategy.evaluateOnExit;
  // An empty list changes nothing (no condition can match), so only a non-empty one needs attempts.
  if (conditions === undefined || conditions.length === 0) {
    return;
  }
  if (conditions.length > MAX_EVALUATE_ON_EXIT) {
    fail(`${field}.evaluateOnExit`, conditions.length, `at most ${MAX_EVALUATE_ON_EXIT} conditions`, RULE, `${conditions.length} given`);
  }
  if (strategy.attempts === undefined) {
    fail(`${field}.attempts`, undefined, 'required when evaluateOnExit is given', RULE);
  }
  conditions.forEach((condition, index) => validateEvaluateOnExit(`${field}.evaluateOnExit[${index}]`, condition));
}

/** LIM-10: one `evaluateOnExit` condition. */
export function validateEvaluateOnExit(field: string, condition: EvaluateOnExitInput): void {
  if (condition.onExitCode !== undefined) {
    validateExitPattern(`${field}.onExitCode`, condition.onExitCode, EXIT_CODE_BODY, 'digits');
  }
  if (condition.onReason !== undefined) {
    validateExitPattern(`${field}.onReason`, condition.onReason, REASON_BODY, 'letters, digits, ".", ":" and white space');
  }
  if (condition.onStatusReason !== undefined) {
    validateExitPattern(`${field}.onStatusReason`, condition.onStatusReason, REASON_BODY, 'letters, digits, ".", ":" and white space');
  }
  const action = condition.action;
  if (typeof action !== 'string' || !RETRY_ACTIONS.includes(action.toUpperCase())) {
    fail(`${field}.action`, action, `${RETRY_ACTIONS.join(' or ')} (case-insensitive)`, RULE);
  }
}

function validateExitPattern(field: string, pattern: string, body: RegExp, bodyWords: string): void {
  const limit = `1..${MAX_EXIT_PATTERN_LENGTH} characters of ${bodyWords}, optionally ending with "*"`;
  if (typeof pattern !== 'string') {
    fail(field, pattern, limit, RULE, 'not a string');
  }
  if (pattern.length < 1 || pattern.length > MAX_EXIT_PATTERN_LENGTH) {
    fail(field, pattern, limit, RULE, `length is ${pattern.length}`);
  }
  const star = pattern.indexOf('*');
  if (star >= 0 && star !== pattern.length - 1) {
    fail(field, pattern, limit, RULE, `"*" at index ${star} is not the last character`);
  }
  const literal = star >= 0 ? pattern.slice(0, -1) : pattern;
  if (!body.test(literal)) {
    const bad = Array.from(literal).find((char) => !body.test(char));
    fail(field, pattern, limit, RULE, `${JSON.stringify(bad)} is not allowed`);
  }
}
