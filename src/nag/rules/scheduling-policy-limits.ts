import { CfnResource } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import {
  ShareInput,
  validateComputeReservation,
  validateResourceName,
  validateShareDecaySeconds,
  validateShareDistribution,
  ValidationError,
} from '../../validation';
import { resolveValue } from '../private/cfn-references';

/**
 * FS-1 on every `AWS::Batch::SchedulingPolicy`, however it was made (aws-cdk-lib's
 * `FairshareSchedulingPolicy` checks nothing; `BatchJobQueue` checks only the policies of its own
 * queues): `shareDecaySeconds` 0..604800, `computeReservation` 0..99, at most 500 shares, each
 * identifier and `weightFactor` in range, no duplicate or overlapping entries, the name (LIM-8).
 * A value that is still a token at synth is not judged, and then neither is the list it is in.
 */
export function schedulingPolicyIsWithinLimits(node: CfnResource): NagRuleResult {
  if (!(node instanceof batch.CfnSchedulingPolicy)) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const policy = resolveValue(node, { name: node.name, fairshare: node.fairsharePolicy });
  const fairshare = policy.fairshare ?? {};
  try {
    if (typeof policy.name === 'string') {
      validateResourceName('name', policy.name);
    }
    if (typeof fairshare.shareDecaySeconds === 'number') {
      validateShareDecaySeconds('shareDecaySeconds', fairshare.shareDecaySeconds);
    }
    if (typeof fairshare.computeReservation === 'number') {
      validateComputeReservation('computeReservation', fairshare.computeReservation);
    }
    const shares = fairshare.shareDistribution;
    if (Array.isArray(shares) && shares.every(isLiteralShare)) {
      validateShareDistribution('shareDistribution', shares);
    }
  } catch (error) {
    if (error instanceof ValidationError) {
      return NagRuleCompliance.NON_COMPLIANT;
    }
    throw error;
  }
  return NagRuleCompliance.COMPLIANT;
}

/** A share whose identifier and weight are plain values (not intrinsics left by tokens). */
function isLiteralShare(share: unknown): share is ShareInput {
  const entry = share as Record<string, unknown> | null;
  return typeof entry?.shareIdentifier === 'string'
    && (entry.weightFactor === undefined || typeof entry.weightFactor === 'number');
}
