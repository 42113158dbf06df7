/* eslint-disable no-bitwise */ // hashing and heap index arithmetic are bit operations by nature
/** Produces job ids (LIFE-6: UUIDs). */
export interface IdGenerator {
  nextUuid(): string;
  /**
   * Optional: draws the next `count` ids at once, each built only when read, in the order `nextUuid`
   * would have given them. A million copies of a plan submission then keep no id nobody asks for
   * (issue #25). Generators whose ids cannot be rebuilt later (random, recorded) leave it out.
   */
  reserve?(count: number): IdBlock;
}

/** Ids drawn ahead (IdGenerator.reserve): `idAt(i)` is the id the i-th `nextUuid` call would have given. */
export interface IdBlock {
  idAt(offset: number): string;
}

/** splitmix32's increment: each 32-bit draw adds it to the state. */
const GOLDEN = 0x9e3779b9;
/** A UUID takes four draws: the state moves on by this much per id. */
const PER_UUID = Math.imul(4, GOLDEN);

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
    const id = uuidAfter(this.state);
    this.state = (this.state + PER_UUID) | 0;
    return id;
  }

  /** The ids depend only on the state they start from, so a block keeps that state and rebuilds id i on read. */
  reserve(count: number): IdBlock {
    const start = this.state;
    this.state = (start + Math.imul(count, PER_UUID)) | 0;
    return { idAt: (offset) => uuidAfter((start + Math.imul(offset, PER_UUID)) | 0) };
  }
}

/** The UUID the generator gives from `state` (four splitmix32 draws). */
function uuidAfter(state: number): string {
  const a = mix(state + GOLDEN);
  const b = (mix(state + 2 * GOLDEN) & 0xffff0fff) | 0x00004000; // version 4
  const c = (mix(state + 3 * GOLDEN) & 0x3fffffff) | 0x80000000; // variant 10xx
  const d = mix(state + 4 * GOLDEN);
  // join() gives one flat string: a template literal's rope would keep its ten pieces alive with
  // every job id (a million of them under LIM-7).
  return [hex8(a), '-', hex4(b >>> 16), '-', hex4(b & 0xffff), '-', hex4(c >>> 16), '-', hex4(c & 0xffff), hex8(d)].join('');
}

/** splitmix32's output for the state after a draw (`state` may exceed 32 bits: it is taken modulo 2^32). */
function mix(state: number): number {
  let z = state | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}
