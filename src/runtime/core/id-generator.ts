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

  nextUuid(): string {
    const hex = (this.next32().toString(16).padStart(8, '0')
      + this.next32().toString(16).padStart(8, '0')
      + this.next32().toString(16).padStart(8, '0')
      + this.next32().toString(16).padStart(8, '0')).split('');
    hex[12] = '4';
    hex[16] = '89ab'[parseInt(hex[16], 16) & 3];
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
  }

  private next32(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }
}
