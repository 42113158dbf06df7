import { FargatePrices, PriceOverrides } from './price-overrides';
import { getInstanceType } from '../../instance-catalog/instance-catalog';

/**
 * Bundled prices: the instance catalog's on-demand Linux prices, shared tenancy, us-east-1, USD per
 * hour, from the AWS Price List (https://aws.amazon.com/ec2/pricing/on-demand/) as snapshotted on
 * 2026-07-20 (see the header of src/instance-catalog/instance-types.ts for the source). Prices change; pass
 * `--prices FILE` (a `PriceOverrides` JSON) for today's or your negotiated ones.
 */
export const BUNDLED_PRICE_DATE = '2026-07-20';

/**
 * Spot is priced at this fraction of on-demand unless overridden: Spot prices move per type and zone
 * (AWS advertises "up to 90%" off); 0.35 (a 65% discount) is a middle-of-the-road assumption, stated
 * in every report (`priceSource`).
 */
export const DEFAULT_SPOT_PRICE_FACTOR = 0.35;

/**
 * Bundled Fargate prices: Linux/x86, us-east-1, USD, from https://aws.amazon.com/fargate/pricing/ as
 * of the same date. ARM (Graviton) tasks cost about 20 % less; pass `--prices` for them.
 */
export const BUNDLED_FARGATE_PRICES: FargatePrices = { usdPerVcpuHour: 0.04048, usdPerGbHour: 0.004445 };

/** USD per instance-hour by type and purchase option; Fargate per vCPU-hour and GB-hour. */
export class PriceTable {
  /** Validates an overrides object (e.g. a parsed `--prices` file), naming the bad field. */
  static fromOverrides(overrides: PriceOverrides = {}, where: string = 'prices'): PriceTable {
    if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
      throw new Error(`${where}: expected an object with onDemand, spot, spotPriceFactor or source`);
    }
    const known = new Set(['source', 'onDemand', 'spot', 'spotPriceFactor', 'fargate', 'fargateSpot']);
    for (const key of Object.keys(overrides)) {
      if (!known.has(key)) throw new Error(`${where}.${key}: unknown field; known: ${[...known].join(', ')}`);
    }
    const factor = overrides.spotPriceFactor ?? DEFAULT_SPOT_PRICE_FACTOR;
    if (typeof factor !== 'number' || !(factor >= 0 && factor <= 1)) {
      throw new Error(`${where}.spotPriceFactor: ${JSON.stringify(factor)} is invalid: a number from 0 to 1`);
    }
    for (const field of ['onDemand', 'spot'] as const) {
      const table = overrides[field];
      if (table === undefined) continue;
      if (typeof table !== 'object' || table === null || Array.isArray(table)) throw new Error(`${where}.${field}: expected an object of instance type -> USD per hour`);
      for (const [type, price] of Object.entries(table)) {
        if (typeof price !== 'number' || !(price >= 0) || !Number.isFinite(price)) {
          throw new Error(`${where}.${field}.${type}: ${JSON.stringify(price)} is invalid: a price in USD per hour >= 0`);
        }
      }
    }
    for (const field of ['fargate', 'fargateSpot'] as const) {
      const prices = overrides[field];
      if (prices === undefined) continue;
      if (typeof prices !== 'object' || prices === null || Array.isArray(prices)) throw new Error(`${where}.${field}: expected {"usdPerVcpuHour": N, "usdPerGbHour": N}`);
      for (const key of Object.keys(prices)) {
        if (key !== 'usdPerVcpuHour' && key !== 'usdPerGbHour') throw new Error(`${where}.${field}.${key}: unknown field; known: usdPerVcpuHour, usdPerGbHour`);
      }
      for (const key of ['usdPerVcpuHour', 'usdPerGbHour'] as const) {
        const price = prices[key];
        if (typeof price !== 'number' || !(price >= 0) || !Number.isFinite(price)) {
          throw new Error(`${where}.${field}.${key}: ${JSON.stringify(price)} is invalid: a price in USD >= 0`);
        }
      }
    }
    const fargate = overrides.fargate ?? BUNDLED_FARGATE_PRICES;
    const fargateSpot = overrides.fargateSpot
      ?? { usdPerVcpuHour: fargate.usdPerVcpuHour * factor, usdPerGbHour: fargate.usdPerGbHour * factor };
    const source = overrides.source
      ?? (overrides.onDemand || overrides.spot ? `${where} overrides, else ` : '')
      + `on-demand Linux us-east-1 prices of ${BUNDLED_PRICE_DATE} (AWS Price List)`;
    const fargateSource = `Fargate ${overrides.fargate ? 'as given' : 'Linux/x86 us-east-1'} $${fargate.usdPerVcpuHour}/vCPU-hour + $${fargate.usdPerGbHour}/GB-hour`
      + `, Fargate Spot ${overrides.fargateSpot ? 'as given' : `at ${factor} × Fargate`}`;
    return new PriceTable(overrides.onDemand ?? {}, overrides.spot ?? {}, factor, fargate, fargateSpot,
      `${source}; Spot ${overrides.spot ? 'as given, else ' : ''}at ${factor} × on-demand; ${fargateSource}`);
  }

  private constructor(
    private readonly onDemand: Record<string, number>,
    private readonly spot: Record<string, number>,
    readonly spotPriceFactor: number,
    private readonly fargate: FargatePrices,
    private readonly fargateSpot: FargatePrices,
    readonly source: string,
  ) {}

  /** Fargate's (or with `spot`, Fargate Spot's) price per vCPU-hour and GB-hour. */
  fargatePrices(spot: boolean): FargatePrices {
    return spot ? this.fargateSpot : this.fargate;
  }

  /** USD per hour of one instance of the type; Spot when `spot`. Throws for a type neither the overrides nor the catalog know. */
  usdPerHour(instanceType: string, spot: boolean): number {
    const onDemand = this.onDemand[instanceType] ?? getInstanceType(instanceType).onDemandUsdPerHour;
    return spot ? this.spot[instanceType] ?? onDemand * this.spotPriceFactor : onDemand;
  }
}
