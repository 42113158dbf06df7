import { FairsharePolicy, ShareAttributes } from './records';
import { FairsharePolicyInput } from './requests';
import {
  fail, isInteger, shareEntryMatches, validateComputeReservation, validateShareDecaySeconds, validateShareDistribution,
  validateShareIdentifier as validateIdentifier,
} from '../../../validation';

/** FS-3, FS-5: bounds of `schedulingPriority` (job definition) and `schedulingPriorityOverride` (SubmitJob). */
export const MAX_SCHEDULING_PRIORITY = 9999;
/** FS-3: most share identifiers active in one queue at once. */
export const MAX_ACTIVE_SHARES = 500;

/** FS-3: a SubmitJob `shareIdentifier` (FS-1's syntax, never a prefix: a job belongs to one share). */
export function validateShareIdentifier(field: string, value: string): void {
  validateIdentifier(field, value, false);
}

/** FS-5: an integer 0..9999. */
export function validateSchedulingPriority(field: string, value: unknown, rule: string): void {
  if (!isInteger(value) || value < 0 || value > MAX_SCHEDULING_PRIORITY) fail(field, value, `an integer 0..${MAX_SCHEDULING_PRIORITY}`, rule);
}

/**
 * FS-1 through the validators the constructs use (src/validation/fair-share-limits.ts): the policy
 * with AWS's defaults applied (decay 0, reservation 0, weight 1). Throws ValidationError.
 */
export function validateFairsharePolicy(field: string, input: FairsharePolicyInput | undefined): FairsharePolicy {
  const policy = input ?? {};
  if (typeof policy !== 'object' || Array.isArray(policy)) fail(field, policy, 'an object', 'FS-1');
  const shareDecaySeconds = policy.shareDecaySeconds ?? 0;
  validateShareDecaySeconds(`${field}.shareDecaySeconds`, shareDecaySeconds);
  const computeReservation = policy.computeReservation ?? 0;
  validateComputeReservation(`${field}.computeReservation`, computeReservation);
  const entries = policy.shareDistribution ?? [];
  if (!Array.isArray(entries)) fail(`${field}.shareDistribution`, entries, 'a list of {shareIdentifier, weightFactor}', 'FS-1');
  validateShareDistribution(`${field}.shareDistribution`, entries);
  const shareDistribution: ShareAttributes[] = entries.map((entry) => ({
    shareIdentifier: entry.shareIdentifier,
    weightFactor: entry.weightFactor ?? 1,
  }));
  return { shareDecaySeconds, computeReservation, shareDistribution };
}

/**
 * FS-4: the weight factor of a share: the entry that covers it (its own, or a prefix; entries never
 * overlap, so at most one does), else 1.
 */
export function weightFactorOf(policy: FairsharePolicy, shareIdentifier: string): number {
  return policy.shareDistribution.find((entry) => shareEntryMatches(entry.shareIdentifier, shareIdentifier))?.weightFactor ?? 1;
}
