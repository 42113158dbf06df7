import { SeededRandom } from '../../../../src/runtime/executors/simulated/seeded-random';

describe('SeededRandom', () => {
  test('the same seed gives the same sequence, another seed another one', () => {
    // GIVEN
    const draw = (seed: number): number[] => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    // WHEN / THEN
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  test('draws are uniform-looking numbers in [0, 1)', () => {
    // GIVEN
    const random = new SeededRandom(7);
    // WHEN
    const draws = Array.from({ length: 10_000 }, () => random.next());
    // THEN
    expect(draws.every((d) => d >= 0 && d < 1)).toBe(true);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  test('a seed that is not an integer is rejected with its value', () => {
    expect(() => new SeededRandom(1.5)).toThrow('seed: 1.5 is not an integer');
  });
});
