import { PlanReport } from './plan-report';
import { PlanOptions, PlanSource, planWorkload } from './plan-workload';
import { PolicyOverride, policyOverrideText } from './policy-overrides';
import { Workload } from './workload';

/*
 * A what-if of scheduling policy settings (docs/plan.md, PLAN-14): the same workload, template and seed planned once
 * per set of settings, so the runs differ only by them.
 */

/** One run of a comparison. */
export interface PlanRun {
  /** The settings as given (`teams:a=1,b=3`), or `as in the template`. */
  readonly name: string;
  /** What was changed; empty for the template's own settings. */
  readonly overrides: readonly PolicyOverride[];
  readonly report: PlanReport;
}

export interface PlanComparison {
  readonly runs: readonly PlanRun[];
}

/** The name of the run with the template's own settings. */
export const TEMPLATE_RUN = 'as in the template';

/**
 * Plans the workload once per variant. A single variant is compared with the template's own
 * settings (that run first). `fieldOf(i)` names variant i in errors (the CLI: its option and value).
 */
export function comparePolicySettings(source: PlanSource, workload: Workload, variants: readonly PolicyOverride[],
  options: PlanOptions & { readonly fieldOf?: (index: number) => string } = {}): PlanComparison {
  if (variants.length === 0) throw new Error('comparePolicySettings: give at least one set of policy settings');
  const runs: Array<{ name: string; overrides: PolicyOverride[]; field: string }> = variants.map((variant, i) => ({
    name: policyOverrideText(variant), overrides: [variant], field: options.fieldOf?.(i) ?? `variants[${i}]`,
  }));
  if (runs.length === 1) runs.unshift({ name: TEMPLATE_RUN, overrides: [], field: 'template' });
  const { fieldOf: _fieldOf, ...planOptions } = options;
  return {
    runs: runs.map((run) => ({
      name: run.name,
      overrides: run.overrides,
      report: planWorkload(source, workload, { ...planOptions, policyOverrides: run.overrides, policyOverridesField: run.field }),
    })),
  };
}
