/* eslint-disable no-bitwise */ // hashing and heap index arithmetic are bit operations by nature
/** An entry of the event heap; it is its own cancellation handle (no closure per event). */
export class ScheduledEvent {
  cancelled = false;
  /** Set once popped off the heap (run or dropped): cancelling it then no longer changes the live count. */
  popped = false;
  /**
   * What the event is, as data a checkpoint can save (see EventKind): its kind and the object
   * it acts on. Two field writes, no allocation: the runtime without checkpoints never reads them.
   */
  kind?: string;
  subject?: object;

  constructor(
    readonly time: number,
    readonly sequence: number,
    readonly action: () => void,
    private readonly counter: LiveEventCounter,
    /** Re-armed by its owner after a checkpoint's restore (a schedule's next fire): it does not keep the runtime from a rest point. */
    readonly standing: boolean = false,
  ) {}

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    if (!this.popped) this.counter.forget(this);
  }
}

/** The heap's count of entries that will still run, shared with its entries so a cancel updates it in O(1). */
class LiveEventCounter {
  live = 0;
  standing = 0;

  add(event: ScheduledEvent): void {
    this.live++;
    if (event.standing) this.standing++;
  }

  forget(event: ScheduledEvent): void {
    this.live--;
    if (event.standing) this.standing--;
  }
}

/**
 * A binary min-heap ordered by (time, sequence): events at the same time run in the order they were
 * scheduled, which keeps the simulation deterministic. Hand-written because it is ~50 lines and the
 * hot path of the simulator (no npm heap offers cancellation tokens with this ordering for free).
 */
export class EventHeap {
  private readonly items: ScheduledEvent[] = [];
  private nextSequence = 0;
  /** Entries neither cancelled nor popped (a cancelled entry stays in the array until it surfaces). */
  private readonly counter = new LiveEventCounter();

  /** Entries in the array, cancelled ones that have not surfaced yet included. */
  get size(): number {
    return this.items.length;
  }

  /** Entries that will still run: neither cancelled nor popped. */
  get liveSize(): number {
    return this.counter.live;
  }

  /** Live entries that are standing (see ScheduledEvent.standing). */
  get standingSize(): number {
    return this.counter.standing;
  }

  /** The sequence the next entry gets (a checkpoint carries it, so restored and later entries keep their order). */
  get sequencePosition(): number {
    return this.nextSequence;
  }

  /** Checkpoint restore: later entries are numbered from `position` on (never back). */
  restoreSequencePosition(position: number): void {
    this.nextSequence = Math.max(this.nextSequence, position);
  }

  /**
   * @param sequence a checkpoint restore re-arms a standing entry with the sequence it had, so it keeps
   * its place among the entries of the same millisecond
   */
  push(time: number, action: () => void, standing: boolean = false, sequence: number = this.nextSequence++): ScheduledEvent {
    const event = new ScheduledEvent(time, sequence, action, this.counter, standing);
    this.counter.add(event);
    const items = this.items;
    let index = items.length;
    items.push(event);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(event, items[parent])) break;
      items[index] = items[parent];
      index = parent;
    }
    items[index] = event;
    return event;
  }

  /** Checkpoints: the entries that will still run, in no particular order. */
  live(): ScheduledEvent[] {
    return this.items.filter((event) => !event.cancelled);
  }

  peek(): ScheduledEvent | undefined {
    return this.items[0];
  }

  pop(): ScheduledEvent | undefined {
    const items = this.items;
    const top = items[0];
    if (top) {
      top.popped = true;
      if (!top.cancelled) this.counter.forget(top);
    }
    const last = items.pop();
    if (items.length > 0 && last) {
      let index = 0;
      const length = items.length;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= length) break;
        const right = left + 1;
        const child = right < length && before(items[right], items[left]) ? right : left;
        if (!before(items[child], last)) break;
        items[index] = items[child];
        index = child;
      }
      items[index] = last;
    }
    return top;
  }
}

function before(a: ScheduledEvent, b: ScheduledEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.sequence < b.sequence);
}
