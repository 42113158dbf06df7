/**
 * Piecewise-constant levels (instances, allocated vCPUs...) integrated into time buckets as they
 * change, without knowing the run's length: when the buckets run out, neighbours merge and the width
 * doubles. Memory stays bounded (channels × maxBuckets) however long the run or many the jobs, and the
 * cost per change is O(channels) amortized.
 */
export class Timeline {
  private widthMs: number;
  private readonly sums: Float64Array[];
  private readonly levels: Float64Array;
  private readonly totals: Float64Array;
  private lastMs: number;

  constructor(readonly originMs: number, readonly channels: number, readonly maxBuckets: number = 240, initialWidthMs: number = 1000) {
    if (!(maxBuckets >= 2 && maxBuckets % 2 === 0)) throw new RangeError(`maxBuckets: ${maxBuckets} must be an even number >= 2`);
    this.widthMs = initialWidthMs;
    this.sums = Array.from({ length: channels }, () => new Float64Array(maxBuckets));
    this.levels = new Float64Array(channels);
    this.totals = new Float64Array(channels);
    this.lastMs = originMs;
  }

  get bucketWidthMs(): number {
    return this.widthMs;
  }

  level(channel: number): number {
    return this.levels[channel];
  }

  /** Changes a level at `atMs` (not before the last change). */
  add(channel: number, delta: number, atMs: number): void {
    this.advance(atMs);
    this.levels[channel] += delta;
  }

  /** Changes a level at the time of the last `advance` (several changes at one time: advance once). */
  shift(channel: number, delta: number): void {
    this.levels[channel] += delta;
  }

  /** Integrates the current levels up to `atMs`. */
  advance(atMs: number): void {
    let from = this.lastMs;
    if (atMs <= from) return;
    for (let c = 0; c < this.channels; c++) this.totals[c] += this.levels[c] * (atMs - from);
    while (from < atMs) {
      let index = Math.floor((from - this.originMs) / this.widthMs);
      if (index >= this.maxBuckets) {
        this.coarsen();
        continue;
      }
      const end = Math.min(atMs, this.originMs + (index + 1) * this.widthMs);
      for (let c = 0; c < this.channels; c++) {
        const level = this.levels[c];
        if (level !== 0) this.sums[c][index] += level * (end - from);
      }
      from = end;
    }
    this.lastMs = atMs;
  }

  /** Level × ms, from the origin to the last `advance`. */
  integral(channel: number): number {
    return this.totals[channel];
  }

  /** Doubles the bucket width until it is at least `widthMs` (a power-of-two multiple of the current one). */
  coarsenTo(widthMs: number): void {
    while (this.widthMs < widthMs) this.coarsen();
  }

  /** Level × ms per bucket, for the buckets up to the last `advance`. */
  bucketSums(channel: number): number[] {
    const used = Math.ceil((this.lastMs - this.originMs) / this.widthMs);
    return Array.from(this.sums[channel].subarray(0, used));
  }

  private coarsen(): void {
    const half = this.maxBuckets / 2;
    for (const sums of this.sums) {
      for (let i = 0; i < half; i++) sums[i] = sums[2 * i] + sums[2 * i + 1];
      sums.fill(0, half);
    }
    this.widthMs *= 2;
  }
}
