import { WorkloadError } from './workload';
import { BatchBackend } from '../core/backend';
import { SchedulingPolicyRecord } from '../core/model/records';

/*
 * What-if settings of a scheduling policy for `batch-local plan --compare-weights` (docs/plan.md, PLAN-14): the
 * policy is changed, through UpdateSchedulingPolicy's checks (FS-1), before the first submission.
 */

/** New settings for one scheduling policy of the template. */
export interface PolicyOverride {
  /** The policy: name, ARN or the template's logical id. @default - the template's only policy */
  readonly policy?: string;
  /**
   * Weight factors by share identifier (a trailing `*` is a prefix entry): an identifier the policy
   * lists gets the new weight, another is added; the policy's other entries stay. @default - unchanged
   */
  readonly weights?: Record<string, number>;
  /** @default - unchanged */
  readonly shareDecaySeconds?: number;
  /** @default - unchanged */
  readonly computeReservation?: number;
}

const SETTINGS = new Set(['shareDecaySeconds', 'computeReservation']);

/**
 * Parses `[POLICY:]KEY=VALUE,...`: KEY a share identifier (its weight factor), or `shareDecaySeconds`
 * or `computeReservation`. `option` names the option in errors.
 */
export function parsePolicyOverride(text: string, option: string): PolicyOverride {
  const firstEquals = text.indexOf('=');
  const colon = firstEquals < 0 ? -1 : text.lastIndexOf(':', firstEquals);
  const policy = colon > 0 ? text.slice(0, colon) : undefined;
  const body = colon >= 0 ? text.slice(colon + 1) : text;
  const weights: Record<string, number> = {};
  const settings: Record<string, number> = {};
  for (const item of body.split(',')) {
    const [key, value, extra] = item.split('=');
    if (!key || value === undefined || value === '' || extra !== undefined) {
      throw new WorkloadError(`${option} ${text}: ${JSON.stringify(item)} is not KEY=VALUE; expected [POLICY:]SHARE=WEIGHT,...[,shareDecaySeconds=S][,computeReservation=R]`);
    }
    const number = Number(value);
    if (!Number.isFinite(number)) throw new WorkloadError(`${option} ${text}: ${key}: ${JSON.stringify(value)} is not a number`);
    if (key in weights || key in settings) throw new WorkloadError(`${option} ${text}: ${key} is given twice`);
    if (SETTINGS.has(key)) settings[key] = number; else weights[key] = number;
  }
  return {
    ...(policy !== undefined ? { policy } : {}),
    ...(Object.keys(weights).length > 0 ? { weights } : {}),
    ...settings,
  };
}

/** `[policy:]a=1,b=3,shareDecaySeconds=60`: how a run of a comparison is named. */
export function policyOverrideText(override: PolicyOverride): string {
  const items = [
    ...Object.entries(override.weights ?? {}).map(([share, weight]) => `${share}=${weight}`),
    ...(override.shareDecaySeconds !== undefined ? [`shareDecaySeconds=${override.shareDecaySeconds}`] : []),
    ...(override.computeReservation !== undefined ? [`computeReservation=${override.computeReservation}`] : []),
  ];
  return `${override.policy !== undefined ? `${override.policy}:` : ''}${items.join(',')}`;
}

/**
 * Applies overrides to the runtime's policies. `resolve` maps a logical id to an ARN (else returns
 * the value); `field` names the option in errors. Throws WorkloadError naming it, the value and the limit.
 */
export function applyPolicyOverrides(
  backend: BatchBackend, overrides: readonly PolicyOverride[], resolve: (value: string) => string, field: string,
): void {
  for (const override of overrides) {
    const policy = policyOf(backend, override.policy, resolve, field);
    const current = policy.fairsharePolicy;
    const distribution = current.shareDistribution.map((entry) => ({ ...entry }));
    for (const [shareIdentifier, weightFactor] of Object.entries(override.weights ?? {})) {
      const entry = distribution.find((e) => e.shareIdentifier === shareIdentifier);
      if (entry) entry.weightFactor = weightFactor; else distribution.push({ shareIdentifier, weightFactor });
    }
    try {
      backend.updateSchedulingPolicy({
        arn: policy.arn,
        fairsharePolicy: {
          shareDecaySeconds: override.shareDecaySeconds ?? current.shareDecaySeconds,
          computeReservation: override.computeReservation ?? current.computeReservation,
          shareDistribution: distribution,
        },
      });
    } catch (error) {
      throw new WorkloadError(`${field} (scheduling policy ${policy.name}): ${(error as Error).message}`);
    }
  }
}

function policyOf(backend: BatchBackend, ref: string | undefined, resolve: (value: string) => string, field: string): SchedulingPolicyRecord {
  const policies = backend.registry.listSchedulingPolicies();
  const names = policies.map((p) => p.name).join(', ') || 'none';
  if (ref === undefined) {
    if (policies.length !== 1) throw new WorkloadError(`${field}: the template has ${policies.length} scheduling policies (${names}); name one: POLICY:SHARE=WEIGHT,...`);
    return policies[0];
  }
  const policy = backend.registry.findSchedulingPolicy(resolve(ref));
  if (!policy) throw new WorkloadError(`${field}: unknown scheduling policy ${JSON.stringify(ref)}; the template's: ${names}`);
  return policy;
}
