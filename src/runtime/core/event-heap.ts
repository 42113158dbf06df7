/* eslint-disable no-bitwise */ // hashing and heap index arithmetic are bit operations by nature
/** An entry of the event heap; it is its own cancellation handle (no closure per event). */
export class ScheduledEvent {
  cancelled = false;

  constructor(readonly time: number, readonly sequence: number, readonly action: () => void) {}

  cancel(): void {
    this.cancelled = true;
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

  get size(): number {
    return this.items.length;
  }

  push(time: number, action: () => void): ScheduledEvent {
    const event = new ScheduledEvent(time, this.nextSequence++, action);
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

  peek(): ScheduledEvent | undefined {
    return this.items[0];
  }

  pop(): ScheduledEvent | undefined {
    const items = this.items;
    const top = items[0];
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
