/** A `--prices FILE`: any field may be left out; the bundled table fills the rest. */
export interface PriceOverrides {
  /** What the prices are (shown in the report). @default - the bundled table's description */
  readonly source?: string;
  /** On-demand USD per hour by instance type. @default - the bundled table */
  readonly onDemand?: Record<string, number>;
  /** Spot USD per hour by instance type. @default - on-demand × spotPriceFactor */
  readonly spot?: Record<string, number>;
  /** Spot price as a fraction of on-demand, 0..1. @default 0.35 */
  readonly spotPriceFactor?: number;
}
