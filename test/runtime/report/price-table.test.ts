import { DEFAULT_SPOT_PRICE_FACTOR, PriceTable } from '../../../src/runtime/report/price-table';

describe('PriceTable', () => {
  test('PLAN-5: bundled on-demand prices come from the instance catalog; Spot is the stated fraction', () => {
    const prices = PriceTable.fromOverrides();
    expect(prices.usdPerHour('c5.large', false)).toBe(0.085);
    expect(prices.usdPerHour('c5.large', true)).toBeCloseTo(0.085 * DEFAULT_SPOT_PRICE_FACTOR, 12);
    expect(prices.source).toContain('2026-07-20');
  });

  test('PLAN-5: overrides win per type and purchase option', () => {
    const prices = PriceTable.fromOverrides({ onDemand: { 'c5.large': 0.1 }, spot: { 'm5.large': 0.02 }, spotPriceFactor: 0.5 });
    expect(prices.usdPerHour('c5.large', false)).toBe(0.1);
    expect(prices.usdPerHour('c5.large', true)).toBe(0.05);
    expect(prices.usdPerHour('m5.large', true)).toBe(0.02);
  });

  test('PLAN-5: bad overrides name the field and the value', () => {
    expect(() => PriceTable.fromOverrides({ spotPriceFactor: 2 }, 'prices.json')).toThrow('prices.json.spotPriceFactor: 2 is invalid: a number from 0 to 1');
    expect(() => PriceTable.fromOverrides({ onDemand: { 'c5.large': -1 } })).toThrow('prices.onDemand.c5.large: -1 is invalid');
    expect(() => PriceTable.fromOverrides({ ondemand: {} } as never)).toThrow('prices.ondemand: unknown field');
    expect(() => PriceTable.fromOverrides().usdPerHour('zz.large', false)).toThrow(/zz\.large/);
  });
});
