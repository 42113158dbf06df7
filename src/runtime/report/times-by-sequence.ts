/* eslint-disable no-bitwise */ // chunk and offset of an index are bit arithmetic by nature

const CHUNK_BITS = 16;
const CHUNK_SIZE = 1 << CHUNK_BITS;

/**
 * One timestamp per job, indexed by the job's submission sequence number: flat typed-array chunks
 * instead of a Map keyed by job, because a million RUNNABLE jobs in a Map cost a hash entry each
 * and most of the collector's time in garbage collection; here they cost 8 bytes each.
 */
export class TimesBySequence {
  private readonly chunks: Float64Array[] = [];

  set(sequence: number, time: number): void {
    const chunk = sequence >>> CHUNK_BITS;
    let values = this.chunks[chunk];
    if (values === undefined) {
      while (this.chunks.length <= chunk) this.chunks.push(undefined as unknown as Float64Array);
      values = this.chunks[chunk] = new Float64Array(CHUNK_SIZE).fill(NaN);
    }
    values[sequence & (CHUNK_SIZE - 1)] = time;
  }

  /** The time set for the sequence number, else NaN. */
  get(sequence: number): number {
    const values = this.chunks[sequence >>> CHUNK_BITS];
    return values === undefined ? NaN : values[sequence & (CHUNK_SIZE - 1)];
  }

  clear(sequence: number): void {
    const values = this.chunks[sequence >>> CHUNK_BITS];
    if (values !== undefined) values[sequence & (CHUNK_SIZE - 1)] = NaN;
  }
}
