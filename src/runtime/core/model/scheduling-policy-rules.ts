import { FairsharePolicy, ShareAttributes } from './records';
import { FairsharePolicyInput } from './requests';
import { fail, isInteger } from '../../../validation';

/** FS-1: bounds of a fair-share policy (API reference, `FairsharePolicy` and `ShareAttributes`). */
export const MAX_SHARE_DECAY_SECONDS = 604_800;
export const MAX_COMPUTE_RESERVATION = 99;
export const MAX_SHARE_DISTRIBUTION = 500;
export const MIN_WEIGHT_FACTOR = 0.0001;
export const MAX_WEIGHT_FACTOR = 999.9999;
/** FS-3, FS-5: bounds of `schedulingPriority` (job definition) and `schedulingPriorityOverride` (SubmitJob). */
export const MAX_SCHEDULING_PRIORITY = 9999;
/** FS-3: most share identifiers active in one queue at once. */
export const MAX_ACTIVE_SHARES = 500;

/**
 * FS-1, FS-3 (choice): the API documents a share identifier as "up to 255 alphanumeric characters, and
 * can be followed by an asterisk"; the runtime holds callers to exactly that.
 */
const SHARE_IDENTIFIER = /^[A-Za-z0-9]{1,255}$/;
const SHARE_PREFIX = /^[A-Za-z0-9]{0,254}\*$/;

/** FS-3: a SubmitJob `shareIdentifier` (no `*`: a job belongs to one share). */
export function validateShareIdentifier(field: string, value: unknown): void {
  if (typeof value !== 'string' || !SHARE_IDENTIFIER.test(value)) {
    fail(field, value, '1..255 letters and digits', 'FS-3');
  }
}

/** FS-5: an integer 0..9999. */
export function validateSchedulingPriority(field: string, value: unknown, rule: string): void {
  if (!isInteger(value) || value < 0 || value > MAX_SCHEDULING_PRIORITY) fail(field, value, `an integer 0..${MAX_SCHEDULING_PRIORITY}`, rule);
}

/** FS-1: the policy with AWS's defaults (decay 0, reservation 0, weight 1); throws ValidationError. */
export function validateFairsharePolicy(field: string, input: FairsharePolicyInput | undefined): FairsharePolicy {
  const policy = input ?? {};
  if (typeof policy !== 'object' || Array.isArray(policy)) fail(field, policy, 'an object', 'FS-1');
  const shareDecaySeconds = policy.shareDecaySeconds ?? 0;
  if (!isInteger(shareDecaySeconds) || shareDecaySeconds < 0 || shareDecaySeconds > MAX_SHARE_DECAY_SECONDS) {
    fail(`${field}.shareDecaySeconds`, policy.shareDecaySeconds, `an integer 0..${MAX_SHARE_DECAY_SECONDS}`, 'FS-1');
  }
  const computeReservation = policy.computeReservation ?? 0;
  if (!isInteger(computeReservation) || computeReservation < 0 || computeReservation > MAX_COMPUTE_RESERVATION) {
    fail(`${field}.computeReservation`, policy.computeReservation, `an integer 0..${MAX_COMPUTE_RESERVATION}`, 'FS-1');
  }
  const entries = policy.shareDistribution ?? [];
  if (!Array.isArray(entries) || entries.length > MAX_SHARE_DISTRIBUTION) {
    fail(`${field}.shareDistribution`, Array.isArray(entries) ? `${entries.length} entries` : entries, `a list of at most ${MAX_SHARE_DISTRIBUTION} entries`, 'FS-1');
  }
  const shareDistribution: ShareAttributes[] = entries.map((entry, index) => {
    const at = `${field}.shareDistribution[${index}]`;
    const id = entry?.shareIdentifier;
    if (typeof id !== 'string' || !(SHARE_IDENTIFIER.test(id) || SHARE_PREFIX.test(id))) {
      fail(`${at}.shareIdentifier`, id, '1..255 letters and digits, optionally ending in * (a prefix)', 'FS-1');
    }
    const weightFactor = entry.weightFactor ?? 1;
    if (typeof weightFactor !== 'number' || !(weightFactor >= MIN_WEIGHT_FACTOR && weightFactor <= MAX_WEIGHT_FACTOR)) {
      fail(`${at}.weightFactor`, entry.weightFactor, `a number ${MIN_WEIGHT_FACTOR}..${MAX_WEIGHT_FACTOR}`, 'FS-1');
    }
    return { shareIdentifier: id, weightFactor };
  });
  shareDistribution.forEach((entry, index) => {
    const earlier = shareDistribution.findIndex((other, otherIndex) => otherIndex < index && sharesOverlap(other.shareIdentifier, entry.shareIdentifier));
    if (earlier >= 0) {
      fail(`${field}.shareDistribution[${index}].shareIdentifier`, entry.shareIdentifier,
        `an identifier no other entry covers`, 'FS-1', `it overlaps shareDistribution[${earlier}] ${JSON.stringify(shareDistribution[earlier].shareIdentifier)}`);
    }
  });
  return { shareDecaySeconds, computeReservation, shareDistribution };
}

/** FS-1: whether some share identifier matches both entries (equal, or one prefix covers the other). */
export function sharesOverlap(a: string, b: string): boolean {
  const stem = (id: string): string => id.endsWith('*') ? id.slice(0, -1) : id;
  if (a.endsWith('*') && b.endsWith('*')) return stem(a).startsWith(stem(b)) || stem(b).startsWith(stem(a));
  if (a.endsWith('*')) return b.startsWith(stem(a));
  if (b.endsWith('*')) return a.startsWith(stem(b));
  return a === b;
}

/**
 * FS-4: the weight factor of a share: its exact entry, else the entry of the longest prefix covering
 * it (entries never overlap, so at most one does), else 1.
 */
export function weightFactorOf(policy: FairsharePolicy, shareIdentifier: string): number {
  for (const entry of policy.shareDistribution) {
    const id = entry.shareIdentifier;
    if (id.endsWith('*') ? shareIdentifier.startsWith(id.slice(0, -1)) : id === shareIdentifier) return entry.weightFactor;
  }
  return 1;
}
