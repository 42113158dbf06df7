import { TimesBySequence } from '../../../src/runtime/report/times-by-sequence';

describe('TimesBySequence', () => {
  test('PLAN-3: keeps one time per sequence number, across chunks; unset and cleared read NaN', () => {
    // GIVEN
    const times = new TimesBySequence();

    // WHEN
    times.set(0, 10);
    times.set(200_000, 20);
    times.set(65_535, 30);
    times.clear(65_535);

    // THEN
    expect(times.get(0)).toBe(10);
    expect(times.get(200_000)).toBe(20);
    expect(times.get(65_535)).toBeNaN();
    expect(times.get(1)).toBeNaN();
    expect(times.get(10_000_000)).toBeNaN();
  });
});
