/** A `--prices FILE`: any field may be left out; the bundled table fills the rest. */
export interface PriceOverrides {
  /** What the prices are (shown in the report). @default - the bundled table's description */
  readonly source?: string;
  /** On-demand USD per hour by instance type. @default - the bundled table */
  readonly onDemand?: Record<string, number>;
  /** Spot USD per hour by instance type. @default - on-demand × spotPriceFactor */
  readonly spot?: Record<string, number>;
  /** Spot price as a fraction of on-demand, 0..1 (also Fargate Spot's fraction of Fargate). @default 0.35 */
  readonly spotPriceFactor?: number;
  /** Fargate's prices. @default - Linux/x86 us-east-1: 0.04048 USD per vCPU-hour, 0.004445 USD per GB-hour */
  readonly fargate?: FargatePrices;
  /** Fargate Spot's prices. @default - Fargate's × spotPriceFactor */
  readonly fargateSpot?: FargatePrices;
}

/** What Fargate bills per task, from the start of the image pull to the task's end (per second, one minute at least). */
export interface FargatePrices {
  /** USD per vCPU-hour. */
  readonly usdPerVcpuHour: number;
  /** USD per GB-hour of memory. */
  readonly usdPerGbHour: number;
}
