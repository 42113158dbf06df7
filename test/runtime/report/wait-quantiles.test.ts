import { WaitQuantiles } from '../../../src/runtime/report/wait-quantiles';

describe('WaitQuantiles', () => {
  test('PLAN-3: nearest-rank percentiles are exact for small runs', () => {
    // GIVEN waits of 1..100 s
    const waits = new WaitQuantiles();
    for (let s = 100; s >= 1; s--) waits.add(s * 1000);

    // WHEN
    const stats = waits.statistics();

    // THEN
    expect(stats).toEqual({ count: 100, p50Seconds: 50, p90Seconds: 90, p99Seconds: 99, maxSeconds: 100, meanSeconds: 50.5, exact: true });
  });

  test('PLAN-3: past 65,536 waits the percentiles come from a log histogram within 1%', () => {
    // GIVEN 200,000 waits spread uniformly over 0..2000 s
    const waits = new WaitQuantiles();
    const n = 200_000;
    for (let i = 0; i < n; i++) waits.add((i * 2_000_000) / n);

    // WHEN
    const stats = waits.statistics();

    // THEN
    expect(stats.exact).toBe(false);
    expect(stats.count).toBe(n);
    expect(Math.abs(stats.p50Seconds - 1000) / 1000).toBeLessThan(0.01);
    expect(Math.abs(stats.p90Seconds - 1800) / 1800).toBeLessThan(0.01);
    expect(Math.abs(stats.p99Seconds - 1980) / 1980).toBeLessThan(0.01);
    expect(stats.maxSeconds).toBeCloseTo(1999.99, 6);
    expect(waits.histogram().reduce((sum, bin) => sum + bin.count, 0)).toBe(n);
  });

  test('PLAN-3: the histogram has equal bins from 0 to the longest wait; merge adds counts', () => {
    // GIVEN two sets of waits
    const a = new WaitQuantiles();
    const b = new WaitQuantiles();
    a.add(0);
    a.add(10_000);
    b.add(20_000);

    // WHEN merged
    a.merge(b);

    // THEN
    const bins = a.histogram();
    expect(bins).toHaveLength(20);
    expect(bins[0]).toEqual({ fromSeconds: 0, toSeconds: 1, count: 1 });
    expect(bins[10].count).toBe(1);
    expect(bins[19].count).toBe(1);
    expect(a.statistics().count).toBe(3);
  });

  test('PLAN-3: no waits gives zeros and no histogram', () => {
    const waits = new WaitQuantiles();
    expect(waits.statistics()).toEqual({ count: 0, p50Seconds: 0, p90Seconds: 0, p99Seconds: 0, maxSeconds: 0, meanSeconds: 0, exact: true });
    expect(waits.histogram()).toEqual([]);
  });
});
