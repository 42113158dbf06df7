/* eslint-disable no-bitwise */ // heap index arithmetic
/**
 * The baseline the runtime core is measured against (issue: "a bare scheduling loop — heap + FIFO +
 * bin-packing, no API objects — runs 1M jobs in about 0.3 s"): the same workload as the scheduler
 * benchmark (1 vCPU jobs of one minute, 10,000 vCPUs as 16-vCPU instances), with typed arrays only.
 * A helper, not a benchmark: bench/scheduler.ts runs it in the same process as the runtime.
 */

/** Runs `jobs` one-vCPU jobs of `durationMs` on `instances` instances of `vcpusPerInstance`; returns the makespan (ms). */
export function runBareSchedulingLoop(jobs: number, instances: number = 625, vcpusPerInstance: number = 16, durationMs: number = 60_000): number {
  // Event heap of job ends, ordered by (time, sequence): parallel typed arrays.
  const heapTime = new Float64Array(jobs);
  const heapSeq = new Int32Array(jobs);
  const heapInstance = new Int32Array(jobs);
  let heapSize = 0;
  let sequence = 0;
  const before = (a: number, b: number): boolean => heapTime[a] < heapTime[b] || (heapTime[a] === heapTime[b] && heapSeq[a] < heapSeq[b]);
  const swap = (a: number, b: number): void => {
    const t = heapTime[a]; heapTime[a] = heapTime[b]; heapTime[b] = t;
    const s = heapSeq[a]; heapSeq[a] = heapSeq[b]; heapSeq[b] = s;
    const i = heapInstance[a]; heapInstance[a] = heapInstance[b]; heapInstance[b] = i;
  };
  const push = (time: number, instance: number): void => {
    let index = heapSize++;
    heapTime[index] = time;
    heapSeq[index] = sequence++;
    heapInstance[index] = instance;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(index, parent)) break;
      swap(index, parent);
      index = parent;
    }
  };
  const pop = (): void => {
    swap(0, --heapSize);
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= heapSize) break;
      const right = left + 1;
      const child = right < heapSize && before(right, left) ? right : left;
      if (!before(child, index)) break;
      swap(child, index);
      index = child;
    }
  };

  // Bin-packing: fill the instance with the least free vCPUs that still fits (best fit), found
  // through per-free-count buckets of instances with O(1) swap-removal.
  const free = new Int32Array(instances).fill(vcpusPerInstance);
  const slot = new Int32Array(instances);
  const byFree: number[][] = Array.from({ length: vcpusPerInstance + 1 }, () => []);
  const file = (instance: number): void => {
    const bucket = byFree[free[instance]];
    slot[instance] = bucket.length;
    bucket.push(instance);
  };
  const unfile = (instance: number): void => {
    const bucket = byFree[free[instance]];
    const last = bucket.pop()!;
    if (last !== instance) {
      bucket[slot[instance]] = last;
      slot[last] = slot[instance];
    }
  };
  for (let i = 0; i < instances; i++) file(i);
  const place = (): number => {
    for (let f = 1; f <= vcpusPerInstance; f++) {
      const bucket = byFree[f];
      if (bucket.length > 0) {
        const instance = bucket[bucket.length - 1];
        unfile(instance);
        free[instance]--;
        file(instance);
        return instance;
      }
    }
    return -1;
  };
  const release = (instance: number): void => {
    unfile(instance);
    free[instance]++;
    file(instance);
  };

  // FIFO of RUNNABLE jobs: all submitted at time 0, so the FIFO is a cursor.
  let nextJob = 0;
  let now = 0;
  const schedule = (): void => {
    while (nextJob < jobs) {
      const instance = place();
      if (instance < 0) return;
      nextJob++;
      push(now + durationMs, instance);
    }
  };
  schedule();
  while (heapSize > 0) {
    now = heapTime[0];
    const instance = heapInstance[0];
    pop();
    release(instance);
    schedule();
  }
  return now;
}
