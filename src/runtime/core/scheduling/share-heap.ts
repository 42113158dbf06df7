import { ShareState } from './fair-share-share';

interface Entry {
  readonly share: ShareState;
  /** Weighted usage when pushed (FS-4: lowest first). */
  readonly key: number;
  /** Weighted decayed usage: of equal usage, the share that used less recently goes first (choice). */
  readonly history: number;
  /** The sequence of the share's next job: then the share whose next job was submitted first. */
  readonly sequence: number;
}

/** A binary min-heap of shares by weighted usage, then weighted decayed usage, then their next job's submission order. */
export class ShareHeap {
  private readonly entries: Entry[] = [];

  get size(): number {
    return this.entries.length;
  }

  push(share: ShareState, key: number, history: number, sequence: number): void {
    const entries = this.entries;
    entries.push({ share, key, history, sequence });
    let i = entries.length - 1;
    while (i > 0) {
      const parent = Math.floor((i - 1) / 2);
      if (!before(entries[i], entries[parent])) break;
      [entries[i], entries[parent]] = [entries[parent], entries[i]];
      i = parent;
    }
  }

  pop(): ShareState | undefined {
    const entries = this.entries;
    if (entries.length === 0) return undefined;
    const top = entries[0];
    const last = entries.pop()!;
    if (entries.length > 0) {
      entries[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < entries.length && before(entries[left], entries[smallest])) smallest = left;
        if (right < entries.length && before(entries[right], entries[smallest])) smallest = right;
        if (smallest === i) break;
        [entries[i], entries[smallest]] = [entries[smallest], entries[i]];
        i = smallest;
      }
    }
    return top.share;
  }
}

function before(a: Entry, b: Entry): boolean {
  if (a.key !== b.key) return a.key < b.key;
  if (a.history !== b.history) return a.history < b.history;
  return a.sequence < b.sequence;
}
