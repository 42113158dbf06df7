import { SeededRandom } from '../../../src/runtime/executors/simulated/seeded-random';
import { drawSeconds } from '../../../src/runtime/report/workload-behaviors';

function draws(distribution: Parameters<typeof drawSeconds>[0], n: number, seed = 3): number[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: n }, () => drawSeconds(distribution, random));
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('drawSeconds', () => {
  test('PLAN-8: uniform draws stay within bounds and average the midpoint', () => {
    const xs = draws({ distribution: 'uniform', minSeconds: 10, maxSeconds: 20 }, 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...xs)).toBeLessThan(20);
    expect(mean(xs)).toBeCloseTo(15, 0);
  });

  test('PLAN-8: normal draws have the given mean and standard deviation', () => {
    const xs = draws({ distribution: 'normal', meanSeconds: 100, stddevSeconds: 10 }, 20_000);
    const m = mean(xs);
    expect(m).toBeCloseTo(100, 0);
    expect(Math.sqrt(mean(xs.map((x) => (x - m) ** 2)))).toBeCloseTo(10, 0);
  });

  test('PLAN-8: lognormal draws have the given median', () => {
    const xs = draws({ distribution: 'lognormal', medianSeconds: 60, sigma: 0.5 }, 20_001).sort((a, b) => a - b);
    expect(xs[10_000]).toBeGreaterThan(57);
    expect(xs[10_000]).toBeLessThan(63);
    expect(xs[0]).toBeGreaterThan(0);
  });

  test('PLAN-9: the same seed gives the same draws', () => {
    const d = { distribution: 'normal' as const, meanSeconds: 5, stddevSeconds: 1 };
    expect(draws(d, 5, 42)).toEqual(draws(d, 5, 42));
    expect(draws(d, 5, 42)).not.toEqual(draws(d, 5, 43));
  });
});
