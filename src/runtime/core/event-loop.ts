import { EventKind } from './checkpoint/event-kind';
import { Clock, VirtualClock } from './clock';
import { EventHeap, ScheduledEvent } from './event-heap';

/** Told when the earliest pending event changes, so a real-time driver can arm one timer. */
export interface WakeUpListener {
  onEarliestEventChanged(epochMs: number): void;
}

/** A handle to cancel a scheduled action. */
export interface Cancellable {
  cancel(): void;
}

/**
 * The discrete-event loop of the runtime. Everything that happens "later" (an instance finishing
 * its start, a job exiting in virtual time, a timeout, a scheduling pass) is an event here.
 */
export class EventLoop {
  private readonly heap = new EventHeap();
  private wakeUpListener?: WakeUpListener;
  /** The re-armers of the kinds of `atDescribed` events, by kind (checkpoints only read them). */
  readonly eventKinds = new Map<string, EventKind>();

  constructor(readonly clock: Clock) {}

  now(): number {
    return this.clock.now();
  }

  /** Whether time is virtual (advanced by this loop) rather than read from a system clock. */
  get isVirtual(): boolean {
    return this.clock instanceof VirtualClock;
  }

  setWakeUpListener(listener: WakeUpListener): void {
    this.wakeUpListener = listener;
  }

  /**
   * Runs `action` at `epochMs` (or now, if that is in the past).
   *
   * @param standing the owner re-arms it after a checkpoint's restore (`restoreStanding`): it does not
   * keep the runtime from a rest point (a schedule's next fire)
   */
  at(epochMs: number, action: () => void, standing: boolean = false): ScheduledEvent {
    return this.push(Math.max(epochMs, this.clock.now()), action, standing);
  }

  /** Checkpoint restore: re-arms a standing event at its saved time with its saved sequence (its place among same-time events). */
  restoreStanding(epochMs: number, sequence: number, action: () => void): ScheduledEvent {
    return this.push(epochMs, action, true, sequence);
  }

  /**
   * Like `at`, for an event a checkpoint can carry: `kind` names its owner's re-armer
   * (`eventKinds`) and `subject` the object it acts on; a checkpoint saves them as data with the
   * event's time and sequence, and the restore re-arms it as it was (`restoreEvent`).
   */
  atDescribed(epochMs: number, kind: string, subject: object, action: () => void): ScheduledEvent {
    const event = this.push(Math.max(epochMs, this.clock.now()), action, false);
    event.kind = kind;
    event.subject = subject;
    return event;
  }

  /** Checkpoint restore: re-arms a transient event at its saved time with its saved sequence. */
  restoreEvent(epochMs: number, sequence: number, kind: string, subject: object, action: () => void): ScheduledEvent {
    const event = this.push(epochMs, action, false, sequence);
    event.kind = kind;
    event.subject = subject;
    return event;
  }

  /** Checkpoints: the pending events that are not standing, in (time, sequence) order. */
  transientEventList(): ScheduledEvent[] {
    return this.heap.live().filter((event) => !event.standing).sort((a, b) => a.time - b.time || a.sequence - b.sequence);
  }

  private push(time: number, action: () => void, standing: boolean, sequence?: number): ScheduledEvent {
    const previousEarliest = this.heap.peek();
    const event = this.heap.push(time, action, standing, sequence);
    if (this.wakeUpListener && (!previousEarliest || time < previousEarliest.time)) {
      this.wakeUpListener.onEarliestEventChanged(time);
    }
    return event;
  }

  after(delayMs: number, action: () => void): Cancellable {
    return this.at(this.clock.now() + delayMs, action);
  }

  /** Epoch ms of the earliest pending event, if any. */
  nextEventTime(): number | undefined {
    this.dropCancelled();
    return this.heap.peek()?.time;
  }

  /** Events that will still run: cancelled ones (a finished job's timeout, a stopped timer) are not counted. */
  get pendingEvents(): number {
    return this.heap.liveSize;
  }

  /** Pending events that are not standing: the work a rest point must not have. */
  get transientEvents(): number {
    return this.heap.liveSize - this.heap.standingSize;
  }

  /** Where event sequences continue (a checkpoint carries it). */
  get sequencePosition(): number {
    return this.heap.sequencePosition;
  }

  restoreSequencePosition(position: number): void {
    this.heap.restoreSequencePosition(position);
  }

  /**
   * Runs every event due at or before `untilEpochMs`, advancing a virtual clock to each event's time.
   * Returns the number of events run. `maxEvents` bounds runaway simulations (e.g. a schedule that
   * fires forever).
   */
  runUntil(untilEpochMs: number, maxEvents: number = Number.MAX_SAFE_INTEGER): number {
    let count = 0;
    const clock = this.clock;
    const virtual = clock instanceof VirtualClock ? clock : undefined;
    for (;;) {
      const next: ScheduledEvent | undefined = this.heap.peek();
      if (!next || next.time > untilEpochMs) break;
      this.heap.pop();
      if (next.cancelled) continue;
      if (count >= maxEvents) {
        throw new Error(`The simulation ran more than ${maxEvents} events without going idle; a schedule or a retry loop may never end`);
      }
      virtual?.advanceTo(next.time);
      next.action();
      count++;
    }
    if (Number.isFinite(untilEpochMs)) virtual?.advanceTo(untilEpochMs);
    return count;
  }

  /** Runs until no event is left. Virtual time only. */
  runUntilIdle(maxEvents?: number): number {
    return this.runUntil(Number.POSITIVE_INFINITY, maxEvents);
  }

  private dropCancelled(): void {
    while (this.heap.peek()?.cancelled) this.heap.pop();
  }
}
