import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { isUnresolved } from './validate';
import {
  fail,
  validateComputeReservation,
  validateResourceName,
  validateShareCount,
  validateShareDecaySeconds,
  validateShareDistribution,
} from '../../validation';

/** The settings of a fair-share policy that cannot change once the policy exists. */
export interface FairShareSettings {
  readonly shareDecay?: cdk.Duration;
  readonly computeReservation?: number;
  readonly schedulingPolicyName?: string;
}

/**
 * FS-1 (and LIM-8 for the name) on the settings fixed at construction. Runs before aws-cdk-lib
 * builds the policy, whose `shareDecay.toSeconds()` would otherwise throw its own message without
 * the field or the limit for a fraction of a second. Values known only at deploy time pass.
 */
export function checkFairShareSettings(field: string, settings: FairShareSettings): void {
  const { shareDecay, computeReservation, schedulingPolicyName } = settings;
  if (shareDecay !== undefined && !shareDecay.isUnresolved()) {
    const seconds = shareDecay.toSeconds({ integral: false });
    if (!Number.isInteger(seconds)) {
      fail(`${field}.shareDecay`, shareDecay.toString(), 'whole seconds', 'FS-1', `${seconds} seconds`);
    }
    validateShareDecaySeconds(`${field}.shareDecay`, seconds);
  }
  if (computeReservation !== undefined && !isUnresolved(computeReservation)) {
    validateComputeReservation(`${field}.computeReservation`, computeReservation);
  }
  if (schedulingPolicyName !== undefined && !isUnresolved(schedulingPolicyName)) {
    validateResourceName(`${field}.schedulingPolicyName`, schedulingPolicyName);
  }
}

/**
 * FS-1 on the shares, at synth time because `addShare` can still add to them: at most 500
 * entries, each identifier and weight in range, no duplicates, no overlapping prefixes. When an
 * identifier or weight is a token, only the count is checked (the others cannot be judged).
 */
export function checkShares(field: string, shares: readonly batch.Share[]): void {
  if (shares.some((share) => isUnresolved(share.shareIdentifier) || isUnresolved(share.weightFactor))) {
    validateShareCount(field, shares.length);
  } else {
    validateShareDistribution(field, shares);
  }
}
