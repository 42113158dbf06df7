import * as fc from 'fast-check';
import { Timeline } from '../../../src/runtime/report/timeline';

describe('Timeline', () => {
  test('PLAN-4: integrates a piecewise-constant level into 1 s buckets', () => {
    // GIVEN level 2 from 0.5 s to 2.5 s
    const timeline = new Timeline(0, 1, 8, 1000);
    timeline.add(0, 2, 500);
    timeline.add(0, -2, 2500);

    // WHEN integrated to 3 s
    timeline.advance(3000);

    // THEN
    expect(timeline.bucketSums(0)).toEqual([1000, 2000, 1000]);
    expect(timeline.integral(0)).toBe(4000);
  });

  test('PLAN-4: past maxBuckets, neighbours merge and the width doubles; the integral stays exact', () => {
    // GIVEN 4 buckets of 1 s and a level of 1 for 9 s
    const timeline = new Timeline(0, 1, 4, 1000);
    timeline.add(0, 1, 0);

    // WHEN
    timeline.advance(9000);

    // THEN widths 1 -> 2 -> 4 s, so 3 buckets of 4 s (the last partial)
    expect(timeline.bucketWidthMs).toBe(4000);
    expect(timeline.bucketSums(0)).toEqual([4000, 4000, 1000]);
    expect(timeline.integral(0)).toBe(9000);
  });

  test('PLAN-4: property: bucket sums add up to the integral, whatever the changes', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: -5, max: 5 })), { maxLength: 60 }), (changes) => {
      // GIVEN changes at increasing times
      const timeline = new Timeline(0, 1, 16, 100);
      let t = 0;
      let expected = 0;
      let level = 0;
      for (const [gap, delta] of changes) {
        expected += level * gap;
        t += gap;
        timeline.add(0, delta, t);
        level += delta;
      }
      // WHEN integrated a little further
      timeline.advance(t + 1);
      expected += level;
      // THEN
      const sum = timeline.bucketSums(0).reduce((a, b) => a + b, 0);
      expect(sum).toBe(expected);
      expect(timeline.integral(0)).toBe(expected);
      expect(timeline.bucketSums(0).length).toBeLessThanOrEqual(16);
    }));
  });
});
