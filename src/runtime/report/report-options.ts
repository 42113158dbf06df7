import { PriceOverrides } from './price-overrides';

/** Options of `LocalBatchRuntime.report()`. */
export interface ReportOptions {
  /** Prices that replace the bundled table's (on-demand us-east-1 of 2026-07-20; Spot at 0.35 × on-demand). @default - the bundled table */
  readonly prices?: PriceOverrides;
}
