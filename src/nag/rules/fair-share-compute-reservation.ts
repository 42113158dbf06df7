import { CfnResource } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { schedulingPolicyOfQueue } from '../private/batch-topology';
import { resolveValue } from '../private/cfn-references';

/**
 * The most of a fair-share queue's maximum vCPUs that `computeReservation` may keep free while
 * every share the policy declares is active. (choice) 10 %: a reservation of 20 with two declared
 * shares keeps 4 % free, 50 with two keeps 25 % (flagged), 50 with four keeps 6.25 %.
 */
export const MAX_IDLE_FRACTION_WITH_DECLARED_SHARES = 0.1;

/** FS-6: the fraction of the queue's maximum vCPUs held for inactive shares: `(cr/100)^activeShares`. */
export function reservedFraction(computeReservation: number, activeShares: number): number {
  return Math.pow(computeReservation / 100, activeShares);
}

/**
 * FS-6: a fair-share queue's `computeReservation` must not keep much of its capacity idle once
 * every share its policy declares is active. The reservation is for share identifiers that are not
 * active yet; when the teams the policy was written for are all busy, whatever it still holds back
 * is idle while their jobs wait. Each declared entry counts as one active share (a prefix entry
 * may stand for more, which would reserve less: acknowledge the finding then). A policy that
 * declares no share, or lives outside the stack, is not judged.
 */
export function fairShareReservationKeepsCapacityInUse(node: CfnResource): NagRuleResult {
  if (!(node instanceof batch.CfnJobQueue)) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const policy = schedulingPolicyOfQueue(node);
  if (policy === undefined) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const fairshare = resolveValue(policy, policy.fairsharePolicy);
  const computeReservation = fairshare?.computeReservation;
  const shares = fairshare?.shareDistribution;
  if (typeof computeReservation !== 'number' || !Array.isArray(shares) || shares.length === 0) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  return reservedFraction(computeReservation, shares.length) > MAX_IDLE_FRACTION_WITH_DECLARED_SHARES
    ? NagRuleCompliance.NON_COMPLIANT
    : NagRuleCompliance.COMPLIANT;
}
