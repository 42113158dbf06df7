import { HistogramBin, WaitStatistics } from './plan-report';

/** Exact values are kept up to this many; beyond, a log histogram takes over. */
const EXACT_LIMIT = 65_536;
/** Log histogram bucket ratio: a quantile read from it is within 1% of the true value. */
const RATIO = 1.01;
const LOG_RATIO = Math.log(RATIO);
const HISTOGRAM_BINS = 20;

/**
 * Wait times in ms, streamed in: exact quantiles for small runs (the unit tests check exact
 * figures), and bounded memory for a million waits (a sparse log histogram with 1% resolution).
 */
export class WaitQuantiles {
  private exact: number[] | undefined = [];
  /** Bucket index -> count; bucket k holds values in [RATIO^(k-1), RATIO^k) ms, bucket 0 holds < 1 ms. */
  private readonly buckets = new Map<number, number>();
  private count = 0;
  private sum = 0;
  private max = 0;

  add(waitMs: number): void {
    this.count++;
    this.sum += waitMs;
    if (waitMs > this.max) this.max = waitMs;
    if (this.exact) {
      this.exact.push(waitMs);
      if (this.exact.length > EXACT_LIMIT) {
        for (const value of this.exact) this.addToBuckets(value);
        this.exact = undefined;
      }
    } else {
      this.addToBuckets(waitMs);
    }
  }

  /** Adds another's values (e.g. all queues together). */
  merge(other: WaitQuantiles): void {
    if (other.exact) {
      for (const value of other.exact) this.add(value);
      return;
    }
    if (this.exact) {
      for (const value of this.exact) this.addToBuckets(value);
      this.exact = undefined;
    }
    for (const [bucket, n] of other.buckets) this.buckets.set(bucket, (this.buckets.get(bucket) ?? 0) + n);
    this.count += other.count;
    this.sum += other.sum;
    this.max = Math.max(this.max, other.max);
  }

  statistics(): WaitStatistics {
    const seconds = (ms: number): number => ms / 1000;
    return {
      count: this.count,
      p50Seconds: seconds(this.quantile(0.5)),
      p90Seconds: seconds(this.quantile(0.9)),
      p99Seconds: seconds(this.quantile(0.99)),
      maxSeconds: seconds(this.max),
      meanSeconds: this.count === 0 ? 0 : seconds(this.sum / this.count),
      exact: this.exact !== undefined,
    };
  }

  /** Equal-width bins from 0 to the longest wait (one bin when every wait is the same). */
  histogram(): HistogramBin[] {
    if (this.count === 0) return [];
    const bins = this.max === 0 ? 1 : HISTOGRAM_BINS;
    const width = this.max === 0 ? 1 : this.max / bins;
    const counts = new Array<number>(bins).fill(0);
    const binOf = (ms: number): number => Math.min(bins - 1, Math.floor(ms / width));
    if (this.exact) {
      for (const value of this.exact) counts[binOf(value)]++;
    } else {
      for (const [bucket, n] of this.buckets) counts[binOf(Math.min(this.max, representative(bucket)))] += n;
    }
    return counts.map((count, i) => ({ fromSeconds: (i * width) / 1000, toSeconds: ((i + 1) * width) / 1000, count }));
  }

  /** Nearest-rank quantile (the smallest value with at least q of the values at or below it). */
  private quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    if (this.exact) {
      const sorted = Float64Array.from(this.exact).sort();
      return sorted[rank - 1];
    }
    let seen = 0;
    for (const bucket of [...this.buckets.keys()].sort((a, b) => a - b)) {
      seen += this.buckets.get(bucket)!;
      if (seen >= rank) return Math.min(this.max, representative(bucket));
    }
    return this.max;
  }

  private addToBuckets(valueMs: number): void {
    const bucket = valueMs < 1 ? 0 : Math.floor(Math.log(valueMs) / LOG_RATIO) + 1;
    this.buckets.set(bucket, (this.buckets.get(bucket) ?? 0) + 1);
  }
}

/** The middle of a log bucket (0 for the sub-millisecond bucket). */
function representative(bucket: number): number {
  return bucket === 0 ? 0 : Math.pow(RATIO, bucket - 0.5);
}
