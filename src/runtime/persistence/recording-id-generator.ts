import { IdGenerator, SeededIdGenerator } from '../core/id-generator';

/**
 * Wraps the runtime's id generator so the journal can hold the ids each request produced, and a
 * replay hands out exactly those again. Live, it records what the inner generator gives; replaying
 * a record, it answers the record's ids in order (still drawing from the inner generator, so that
 * it stays in step and continues where the previous session stopped).
 */
export class RecordingIdGenerator implements IdGenerator {
  private taken: string[] = [];
  private replay?: { ids: readonly string[]; next: number };

  constructor(private readonly inner: IdGenerator) {}

  nextUuid(): string {
    const generated = this.inner.nextUuid();
    if (this.replay && this.replay.next < this.replay.ids.length) return this.replay.ids[this.replay.next++];
    this.taken.push(generated);
    return generated;
  }

  /** Checkpoint: where the inner generator is (a seeded one; a durable endpoint always has one). */
  get position(): number {
    return this.seeded().position;
  }

  restorePosition(position: number): void {
    this.seeded().restorePosition(position);
  }

  /** The ids generated since the last call (live). */
  take(): string[] {
    const taken = this.taken;
    this.taken = [];
    return taken;
  }

  /** From now on, answer `ids` in order (replay of one record). */
  replayIds(ids: readonly string[]): void {
    this.replay = { ids, next: 0 };
  }

  private seeded(): SeededIdGenerator {
    if (!(this.inner instanceof SeededIdGenerator)) throw new Error('checkpoints need a seeded id generator');
    return this.inner;
  }

  /** Ends the record's replay; returns how many of its ids were not asked for (0 when the replay matched). */
  endReplay(): number {
    const left = this.replay ? this.replay.ids.length - this.replay.next : 0;
    this.replay = undefined;
    this.taken = [];
    return left;
  }
}
