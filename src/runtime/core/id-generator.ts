/* eslint-disable no-bitwise */ // hashing and heap index arithmetic are bit operations by nature
/** Produces job ids (LIFE-6: UUIDs). */
export interface IdGenerator {
  nextUuid(): string;
}

/**
 * Deterministic UUID v4 strings from a seeded PRNG (splitmix32), so virtual-time runs give the same
 * ids every time. A system id generator (crypto.randomUUID) lives outside the core.
 */
export class SeededIdGenerator implements IdGenerator {
  private state: number;

  constructor(seed: number = 1) {
    this.state = seed >>> 0;
  }

  /** Checkpoint: the generator's position, so a restored one continues where this one is. */
  get position(): number {
    return this.state;
  }

  restorePosition(position: number): void {
    this.state = position | 0;
  }

  nextUuid(): string {
    const a = this.next32();
    const b = (this.next32() & 0xffff0fff) | 0x00004000; // version 4
    const c = (this.next32() & 0x3fffffff) | 0x80000000; // variant 10xx
    const d = this.next32();
    // join() gives one flat string: a template literal's rope would keep its ten pieces alive with
    // every job id (a million of them under LIM-7).
    return [hex8(a), '-', hex4(b >>> 16), '-', hex4(b & 0xffff), '-', hex4(c >>> 16), '-', hex4(c & 0xffff), hex8(d)].join('');
  }

  private next32(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}
