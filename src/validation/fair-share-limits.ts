import { fail, isInteger } from './validation-error';

/**
 * FS-1: the limits of a fair-share scheduling policy (`fairsharePolicy` of CreateSchedulingPolicy and
 * `AWS::Batch::SchedulingPolicy`). Field names are the caller's: the constructs say
 * `fairShare.shares[1].shareIdentifier`, the API `fairsharePolicy.shareDistribution[1].shareIdentifier`.
 */
const RULE = 'FS-1';

/** FS-1: `shareDecaySeconds` is an integer 0..604800 (one week); 0 counts only current usage. */
export const MAX_SHARE_DECAY_SECONDS = 604_800;
/** FS-1: `computeReservation` is an integer percentage 0..99. */
export const MAX_COMPUTE_RESERVATION = 99;
/** FS-1: at most 500 entries in `shareDistribution`. */
export const MAX_SHARE_DISTRIBUTION_ENTRIES = 500;
/** FS-1: `weightFactor` bounds (a lower weight gets more of the queue). */
export const MIN_WEIGHT_FACTOR = 0.0001;
export const MAX_WEIGHT_FACTOR = 999.9999;
/** FS-1: a share identifier has at most 255 characters before its optional trailing `*`. */
export const MAX_SHARE_IDENTIFIER_LENGTH = 255;

/** The suffix that makes a `shareIdentifier` entry a prefix entry. */
const PREFIX_MARK = '*';

// (choice) The API reference says "limited to 255 alphanumeric characters, and can be followed by
// an asterisk"; its example changed from `UserA-1` to `UserA1`, so `-` and `_` are not accepted.
const SHARE_IDENTIFIER_CHAR = /^[A-Za-z0-9]$/;
const SHARE_IDENTIFIER_LIMIT = `1..${MAX_SHARE_IDENTIFIER_LENGTH} letters and digits, optionally followed by "*" (a prefix)`;

/** One `shareDistribution` entry. */
export interface ShareInput {
  readonly shareIdentifier: string;
  /** Default 1. */
  readonly weightFactor?: number;
}

/** FS-1: `shareDecaySeconds` 0..604800, an integer. */
export function validateShareDecaySeconds(field: string, seconds: number): void {
  if (!isInteger(seconds) || seconds < 0 || seconds > MAX_SHARE_DECAY_SECONDS) {
    fail(field, seconds, `an integer 0..${MAX_SHARE_DECAY_SECONDS} seconds (one week)`, RULE);
  }
}

/** FS-1: `computeReservation` 0..99, an integer (a percentage). */
export function validateComputeReservation(field: string, percent: number): void {
  if (!isInteger(percent) || percent < 0 || percent > MAX_COMPUTE_RESERVATION) {
    fail(field, percent, `an integer 0..${MAX_COMPUTE_RESERVATION} (percent)`, RULE);
  }
}

/** FS-1: `weightFactor` 0.0001..999.9999. */
export function validateWeightFactor(field: string, weight: number): void {
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < MIN_WEIGHT_FACTOR || weight > MAX_WEIGHT_FACTOR) {
    fail(field, weight, `a number ${MIN_WEIGHT_FACTOR}..${MAX_WEIGHT_FACTOR}`, RULE);
  }
}

/**
 * FS-1: a share identifier (`teamA`) or, where `allowPrefix`, a prefix entry (`team*`). SubmitJob's
 * `shareIdentifier` is never a prefix.
 */
export function validateShareIdentifier(field: string, value: string, allowPrefix = true): void {
  if (typeof value !== 'string') {
    fail(field, value, SHARE_IDENTIFIER_LIMIT, RULE, 'not a string');
  }
  const stem = allowPrefix && isSharePrefix(value) ? value.slice(0, -PREFIX_MARK.length) : value;
  // "*" alone (an empty stem) is the catch-all prefix: valid, and it overlaps every other entry.
  if (value.length === 0) {
    fail(field, value, SHARE_IDENTIFIER_LIMIT, RULE, 'it is empty');
  }
  const chars = Array.from(stem);
  if (chars.length > MAX_SHARE_IDENTIFIER_LENGTH) {
    fail(field, value, SHARE_IDENTIFIER_LIMIT, RULE, `length is ${chars.length}`);
  }
  const badIndex = chars.findIndex((char) => !SHARE_IDENTIFIER_CHAR.test(char));
  if (badIndex >= 0) {
    const detail = chars[badIndex] === PREFIX_MARK && allowPrefix
      ? `"*" is only allowed as the last character (character at index ${badIndex})`
      : `character at index ${badIndex} ${JSON.stringify(chars[badIndex])} is not allowed`;
    fail(field, value, SHARE_IDENTIFIER_LIMIT, RULE, detail);
  }
}

/** True for a prefix entry (`team*`). */
export function isSharePrefix(shareIdentifier: string): boolean {
  return shareIdentifier.endsWith(PREFIX_MARK);
}

/** True when the entry `entry` (an identifier or a prefix) covers the job share identifier `identifier`. */
export function shareEntryMatches(entry: string, identifier: string): boolean {
  return isSharePrefix(entry) ? identifier.startsWith(entry.slice(0, -PREFIX_MARK.length)) : entry === identifier;
}

/**
 * FS-1: two entries overlap when some share identifier would match both: `team*` overlaps `teamA`
 * and `te*`; two equal identifiers overlap too (a duplicate).
 */
export function shareEntriesOverlap(a: string, b: string): boolean {
  if (isSharePrefix(a) && isSharePrefix(b)) {
    const stemA = a.slice(0, -PREFIX_MARK.length);
    const stemB = b.slice(0, -PREFIX_MARK.length);
    return stemA.startsWith(stemB) || stemB.startsWith(stemA);
  }
  if (isSharePrefix(a)) {
    return shareEntryMatches(a, b);
  }
  if (isSharePrefix(b)) {
    return shareEntryMatches(b, a);
  }
  return a === b;
}

/** FS-1: at most 500 `shareDistribution` entries. */
export function validateShareCount(field: string, count: number): void {
  if (count > MAX_SHARE_DISTRIBUTION_ENTRIES) {
    fail(field, count, `at most ${MAX_SHARE_DISTRIBUTION_ENTRIES} entries`, RULE, `${count} given`);
  }
}

/**
 * FS-1: `shareDistribution`: at most 500 entries, each a valid identifier or prefix with a weight
 * factor in range, and no two entries overlapping. The message of an overlap names both entries.
 */
export function validateShareDistribution(field: string, shares: readonly ShareInput[]): void {
  validateShareCount(field, shares.length);
  shares.forEach((share, index) => {
    validateShareIdentifier(`${field}[${index}].shareIdentifier`, share.shareIdentifier);
    if (share.weightFactor !== undefined) {
      validateWeightFactor(`${field}[${index}].weightFactor`, share.weightFactor);
    }
    const earlier = shares.findIndex((other, otherIndex) => otherIndex < index && shareEntriesOverlap(other.shareIdentifier, share.shareIdentifier));
    if (earlier >= 0) {
      const other = shares[earlier].shareIdentifier;
      const detail = other === share.shareIdentifier
        ? `${field}[${earlier}] declares it already`
        : `it overlaps ${field}[${earlier}] ${JSON.stringify(other)}`;
      fail(`${field}[${index}].shareIdentifier`, share.shareIdentifier, 'entries that do not overlap (no duplicate, no identifier covered by a prefix entry)', RULE, detail);
    }
  });
}
