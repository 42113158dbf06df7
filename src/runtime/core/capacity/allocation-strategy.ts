import { cheapestFirst, lowestCostPerVcpuFirst } from '../../../instance-catalog/instance-catalog';
import { InstanceTypeSpec } from '../../../instance-catalog/instance-type-spec';

/*
 * The allocation strategies of a managed compute environment (SCHED-5, SCHED-6): in which order a
 * CE tries instance types when it scales up, and whether it may exceed `maxvCpus` by one instance.
 * Pure functions over the instance catalog.
 */

/** `computeResources.allocationStrategy` values (the API's strings). */
export type AllocationStrategy = 'BEST_FIT' | 'BEST_FIT_PROGRESSIVE' | 'SPOT_CAPACITY_OPTIMIZED' | 'SPOT_PRICE_CAPACITY_OPTIMIZED';

const STRATEGIES: readonly string[] = ['BEST_FIT', 'BEST_FIT_PROGRESSIVE', 'SPOT_CAPACITY_OPTIMIZED', 'SPOT_PRICE_CAPACITY_OPTIMIZED'];

/** The CE's strategy; `BEST_FIT` when unset (the API default). Throws for a value the API would reject. */
export function allocationStrategyOf(value: string | undefined): AllocationStrategy {
  if (value === undefined) return 'BEST_FIT';
  if (!STRATEGIES.includes(value)) {
    throw new RangeError(`computeResources.allocationStrategy: ${JSON.stringify(value)} is invalid: one of ${STRATEGIES.join(', ')} (SCHED-6)`);
  }
  return value as AllocationStrategy;
}

/**
 * SCHED-5: `BEST_FIT_PROGRESSIVE`, `SPOT_CAPACITY_OPTIMIZED`, `SPOT_PRICE_CAPACITY_OPTIMIZED`, and
 * `BEST_FIT` on Spot may exceed `maxvCpus` by at most one instance; on-demand `BEST_FIT` never does.
 */
export function mayExceedMaxvCpus(strategy: AllocationStrategy, computeType: string): boolean {
  return strategy !== 'BEST_FIT' || computeType === 'SPOT';
}

/**
 * SCHED-6: whether the strategy only ever launches its first choice for a job and otherwise waits
 * (`BEST_FIT`), rather than moving on to further types.
 */
export function launchesOnlyFirstChoice(strategy: AllocationStrategy): boolean {
  return strategy === 'BEST_FIT';
}

/*
 * The stand-in for Spot interruption risk. The real figure is the Spot Instance Advisor's band
 * ("<5%", "5-10%", ... ">20%" interruptions per month), which changes daily and is not available
 * offline. The stand-in encodes the two trends the Advisor shows most consistently: larger sizes
 * come from shallower pools and are interrupted more (+2 points per doubling of vCPUs from 3% for
 * 2 vCPUs), and GPU pools are small and in demand (+8 points). Deterministic, so runs repeat; give
 * real figures with `InstanceCapacityOptions.spotInterruptionRisks` when they matter.
 */
const BASE_RISK = 0.03;
const RISK_PER_DOUBLING = 0.02;
const GPU_RISK = 0.08;
const MAX_RISK = 0.3;

/** The stand-in interruption risk of a Spot instance type, 0..0.3 (see above). */
export function defaultSpotInterruptionRisk(spec: InstanceTypeSpec): number {
  const doublings = Math.max(0, Math.log2(spec.vcpus / 2));
  const risk = BASE_RISK + RISK_PER_DOUBLING * doublings + (spec.gpus > 0 ? GPU_RISK : 0);
  return Math.min(MAX_RISK, Math.round(risk * 1e6) / 1e6);
}

/** The Spot Instance Advisor's 5-point bands: 0 for < 5%, 1 for 5-10%, ..., 4 for > 20%. */
export function riskBand(risk: number): number {
  return Math.min(4, Math.floor(risk / 0.05 + 1e-9));
}

/** Tells the interruption risk of an instance type (the stand-in unless overridden). */
export interface SpotRiskSource {
  riskOf(spec: InstanceTypeSpec): number;
}

/**
 * The order in which a CE with `strategy` tries its instance types when it launches an instance:
 * - `BEST_FIT`: cheapest first (it launches only the first that fits the job);
 * - `BEST_FIT_PROGRESSIVE`: lowest cost per vCPU first;
 * - `SPOT_CAPACITY_OPTIMIZED`: lowest interruption risk first, then cheapest;
 * - `SPOT_PRICE_CAPACITY_OPTIMIZED`: lowest risk band first, then lowest cost per vCPU within the
 *   band (EC2's price-capacity-optimized: the pools least likely to be interrupted, the cheapest of them).
 * The CE filters this order by what fits the job; the result never depends on the order the CE listed its types in.
 */
export function launchOrder(strategy: AllocationStrategy, types: readonly InstanceTypeSpec[], risks: SpotRiskSource): InstanceTypeSpec[] {
  switch (strategy) {
    case 'BEST_FIT':
      return cheapestFirst(types);
    case 'BEST_FIT_PROGRESSIVE':
      return lowestCostPerVcpuFirst(types);
    case 'SPOT_CAPACITY_OPTIMIZED': {
      const byPrice = cheapestFirst(types);
      const rank = new Map(byPrice.map((spec, index) => [spec.name, index]));
      return byPrice.sort((a, b) => risks.riskOf(a) - risks.riskOf(b) || rank.get(a.name)! - rank.get(b.name)!);
    }
    case 'SPOT_PRICE_CAPACITY_OPTIMIZED': {
      const byCostPerVcpu = lowestCostPerVcpuFirst(types);
      const rank = new Map(byCostPerVcpu.map((spec, index) => [spec.name, index]));
      return byCostPerVcpu.sort((a, b) => riskBand(risks.riskOf(a)) - riskBand(risks.riskOf(b)) || rank.get(a.name)! - rank.get(b.name)!);
    }
  }
}

/** Interruption risks: given figures where there are some, the stand-in elsewhere. */
export class SpotRiskTable implements SpotRiskSource {
  private readonly overrides: ReadonlyMap<string, number>;

  constructor(overrides: readonly { instanceType: string; risk: number }[] = []) {
    for (const { instanceType, risk } of overrides) {
      if (!(risk >= 0 && risk <= 1)) {
        throw new RangeError(`spotInterruptionRisks: risk ${risk} of ${instanceType} is invalid: a probability from 0 to 1`);
      }
    }
    this.overrides = new Map(overrides.map(({ instanceType, risk }) => [instanceType, risk]));
  }

  riskOf(spec: InstanceTypeSpec): number {
    return this.overrides.get(spec.name) ?? defaultSpotInterruptionRisk(spec);
  }
}
