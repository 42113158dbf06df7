import { CheckpointPart } from './checkpoint-part';
import { EventLoop } from '../event-loop';

/** The kind of an event whose action will do nothing (EventKind.describe said null). */
const NO_OP = 'no-op';
const NO_OP_SUBJECT = {};

/** A transient event as a checkpoint keeps it. */
interface SavedEvent {
  /** Time and heap sequence: where it runs, and its place among the events of the same millisecond. */
  readonly t: number;
  readonly s: number;
  readonly kind: string;
  /** `EventKind.describe(subject)`. */
  readonly data: unknown;
}

/**
 * The pending transient events of a checkpoint (an attempt's ready time, TIME-2 timeout, stop
 * grace, a simulated container's end, an idle instance's check, a DIAG-4 time limit): each as its
 * time, its sequence and its kind's description of its subject, re-armed last at the restore (every
 * other part has put back what they act on) with the same time and sequence.
 *
 * At rest only when every such event has a kind that describes it, and none is due now: the events
 * of the current millisecond (zero-delay scheduling passes, submitted jobs' moves, event-bus
 * deliveries) must have run, so nothing of the current instant is left half done.
 */
export function eventCheckpointPart(loop: EventLoop): CheckpointPart {
  const save = (): SavedEvent[] | undefined => {
    const now = loop.now();
    const saved: SavedEvent[] = [];
    for (const event of loop.transientEventList()) {
      if (event.kind === NO_OP) {
        saved.push({ t: event.time, s: event.sequence, kind: NO_OP, data: null });
        continue;
      }
      const kind = event.kind === undefined ? undefined : loop.eventKinds.get(event.kind);
      if (!kind || event.time <= now) return undefined;
      const data = kind.describe(event.subject!);
      if (data === undefined) return undefined;
      // An event that will do nothing (its attempt ended) is kept as such: running it still moves a virtual clock.
      saved.push({ t: event.time, s: event.sequence, kind: data === null ? NO_OP : event.kind!, data });
    }
    return saved;
  };
  return {
    key: 'events',
    atRest: () => save() !== undefined,
    save: () => {
      const saved = save();
      if (!saved) throw new Error('a pending event that checkpoints do not carry (see atRest)');
      return saved;
    },
    restore: (chunks) => {
      for (const event of chunks as SavedEvent[]) {
        if (event.kind === NO_OP) {
          loop.restoreEvent(event.t, event.s, NO_OP, NO_OP_SUBJECT, () => undefined);
          continue;
        }
        const kind = loop.eventKinds.get(event.kind);
        if (!kind) throw new Error(`the checkpoint holds an event of kind "${event.kind}", which this batch-local does not know`);
        kind.rearm(event.data, event.t, event.s);
      }
    },
  };
}
