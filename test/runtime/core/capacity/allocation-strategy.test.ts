import { expandInstanceTypes, getInstanceType } from '../../../../src/instance-catalog/instance-catalog';
import {
  allocationStrategyOf,
  defaultSpotInterruptionRisk,
  launchesOnlyFirstChoice,
  launchOrder,
  mayExceedMaxvCpus,
  riskBand,
  SpotRiskTable,
} from '../../../../src/runtime/core/capacity/allocation-strategy';

const names = (specs: readonly { name: string }[]) => specs.map((spec) => spec.name);
const specs = (...typeNames: string[]) => typeNames.map(getInstanceType);

describe('allocationStrategyOf', () => {
  test('SCHED-6: BEST_FIT is the default', () => {
    expect(allocationStrategyOf(undefined)).toBe('BEST_FIT');
  });

  test('SCHED-6: an unknown strategy is rejected, naming the value and the choices', () => {
    expect(() => allocationStrategyOf('CHEAPEST')).toThrow(
      'computeResources.allocationStrategy: "CHEAPEST" is invalid: one of BEST_FIT, BEST_FIT_PROGRESSIVE, SPOT_CAPACITY_OPTIMIZED, SPOT_PRICE_CAPACITY_OPTIMIZED (SCHED-6)');
  });
});

describe('mayExceedMaxvCpus', () => {
  test('SCHED-5: every strategy but on-demand BEST_FIT may exceed maxvCpus by one instance', () => {
    expect(mayExceedMaxvCpus('BEST_FIT', 'EC2')).toBe(false);
    expect(mayExceedMaxvCpus('BEST_FIT', 'SPOT')).toBe(true);
    expect(mayExceedMaxvCpus('BEST_FIT_PROGRESSIVE', 'EC2')).toBe(true);
    expect(mayExceedMaxvCpus('SPOT_CAPACITY_OPTIMIZED', 'SPOT')).toBe(true);
    expect(mayExceedMaxvCpus('SPOT_PRICE_CAPACITY_OPTIMIZED', 'SPOT')).toBe(true);
  });

  test('SCHED-6: only BEST_FIT launches nothing but its first choice', () => {
    expect(launchesOnlyFirstChoice('BEST_FIT')).toBe(true);
    expect(launchesOnlyFirstChoice('BEST_FIT_PROGRESSIVE')).toBe(false);
  });
});

describe('launchOrder', () => {
  const standIn = new SpotRiskTable();

  test('SCHED-6: BEST_FIT tries the cheapest type first', () => {
    expect(names(launchOrder('BEST_FIT', specs('m5.xlarge', 'c5.xlarge', 'c5.large'), standIn))).toEqual(['c5.large', 'c5.xlarge', 'm5.xlarge']);
  });

  test('SCHED-6: BEST_FIT_PROGRESSIVE tries the lowest cost per vCPU first', () => {
    // c5.2xlarge: 0.0425/vCPU; m5.large: 0.048/vCPU although it is cheaper overall
    expect(names(launchOrder('BEST_FIT_PROGRESSIVE', specs('m5.large', 'c5.2xlarge'), standIn))).toEqual(['c5.2xlarge', 'm5.large']);
  });

  test('SCHED-6: SPOT_CAPACITY_OPTIMIZED tries the lowest interruption risk first, then the cheapest', () => {
    const risks = new SpotRiskTable([{ instanceType: 'c5.large', risk: 0.2 }, { instanceType: 'm5.large', risk: 0.01 }, { instanceType: 'c4.large', risk: 0.01 }]);
    expect(names(launchOrder('SPOT_CAPACITY_OPTIMIZED', specs('c5.large', 'c4.large', 'm5.large'), risks))).toEqual(['m5.large', 'c4.large', 'c5.large']);
  });

  test('SCHED-6: SPOT_PRICE_CAPACITY_OPTIMIZED takes the lowest risk band first, the lowest cost per vCPU within it', () => {
    const risks = new SpotRiskTable([{ instanceType: 'c5.large', risk: 0.04 }, { instanceType: 'm5.large', risk: 0.01 }, { instanceType: 'c4.large', risk: 0.06 }]);
    expect(names(launchOrder('SPOT_PRICE_CAPACITY_OPTIMIZED', specs('c4.large', 'm5.large', 'c5.large'), risks))).toEqual(['c5.large', 'm5.large', 'c4.large']);
  });

  test('SCHED-6: the order does not depend on the order the CE lists its types in', () => {
    const types = expandInstanceTypes(['optimal']);
    for (const strategy of ['BEST_FIT', 'BEST_FIT_PROGRESSIVE', 'SPOT_CAPACITY_OPTIMIZED', 'SPOT_PRICE_CAPACITY_OPTIMIZED'] as const) {
      expect(names(launchOrder(strategy, [...types].reverse(), standIn))).toEqual(names(launchOrder(strategy, types, standIn)));
    }
  });
});

describe('Spot interruption risk stand-in', () => {
  test('SCHED-6: larger sizes and GPU types are riskier; 2 vCPUs start at 3%', () => {
    expect(defaultSpotInterruptionRisk(getInstanceType('c5.large'))).toBe(0.03);
    expect(defaultSpotInterruptionRisk(getInstanceType('c5.xlarge'))).toBe(0.05);
    expect(defaultSpotInterruptionRisk(getInstanceType('c5.24xlarge'))).toBeGreaterThan(defaultSpotInterruptionRisk(getInstanceType('c5.4xlarge')));
    expect(defaultSpotInterruptionRisk(getInstanceType('g4dn.xlarge'))).toBeCloseTo(0.13);
  });

  test('SCHED-6: risks fall in the Spot Instance Advisor\'s 5-point bands', () => {
    expect([0, 0.049, 0.05, 0.1, 0.15, 0.2, 0.9].map(riskBand)).toEqual([0, 0, 1, 2, 3, 4, 4]);
  });

  test('SCHED-6: given risks override the stand-in; a risk outside 0..1 is rejected', () => {
    const table = new SpotRiskTable([{ instanceType: 'c5.large', risk: 0.5 }]);
    expect(table.riskOf(getInstanceType('c5.large'))).toBe(0.5);
    expect(table.riskOf(getInstanceType('m5.large'))).toBe(0.03);
    expect(() => new SpotRiskTable([{ instanceType: 'c5.large', risk: 1.5 }])).toThrow('spotInterruptionRisks: risk 1.5 of c5.large is invalid: a probability from 0 to 1');
  });
});
