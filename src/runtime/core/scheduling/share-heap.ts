import { ShareState } from './fair-share-share';

/**
 * A binary min-heap of shares by weighted usage, then weighted decayed usage (of equal usage, the share
 * that used less recently goes first: choice), then the submission order of their next job. The keys
 * live on the shares (`heapKey`...), so a push allocates nothing: a million placements make no garbage.
 */
export class ShareHeap {
  private readonly shares: ShareState[] = [];

  get size(): number {
    return this.shares.length;
  }

  push(share: ShareState, key: number, history: number, sequence: number): void {
    share.heapKey = key;
    share.heapHistory = history;
    share.heapSequence = sequence;
    const shares = this.shares;
    shares.push(share);
    let i = shares.length - 1;
    while (i > 0) {
      const parent = Math.floor((i - 1) / 2);
      if (!before(shares[i], shares[parent])) break;
      const swap = shares[i];
      shares[i] = shares[parent];
      shares[parent] = swap;
      i = parent;
    }
  }

  pop(): ShareState | undefined {
    const shares = this.shares;
    if (shares.length === 0) return undefined;
    const top = shares[0];
    const last = shares.pop()!;
    if (shares.length > 0) {
      shares[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < shares.length && before(shares[left], shares[smallest])) smallest = left;
        if (right < shares.length && before(shares[right], shares[smallest])) smallest = right;
        if (smallest === i) break;
        const swap = shares[i];
        shares[i] = shares[smallest];
        shares[smallest] = swap;
        i = smallest;
      }
    }
    return top;
  }
}

/** Whether share `a` is served before share `b`. */
export function before(a: ShareState, b: ShareState): boolean {
  if (a.heapKey !== b.heapKey) return a.heapKey < b.heapKey;
  if (a.heapHistory !== b.heapHistory) return a.heapHistory < b.heapHistory;
  return a.heapSequence < b.heapSequence;
}
