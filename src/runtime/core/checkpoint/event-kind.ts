/**
 * One kind of transient event that a checkpoint can carry (an attempt's timeout, an instance's idle
 * check, ...). Its owner arms the event with `EventLoop.atDescribed(time, kind, subject, action)` and
 * registers the kind once (`EventLoop.eventKinds`); a checkpoint saves each live event as its time,
 * its heap sequence and `describe(subject)`, and the restore calls `rearm` with them, which puts
 * the event back with `EventLoop.restoreEvent` at the same time and sequence, so events of the same
 * millisecond keep the order of the uninterrupted run. A live event with no kind (a closure nobody
 * can rebuild) postpones the checkpoint: it is never written wrong.
 */
export interface EventKind {
  /**
   * The subject as data (ids, never objects); null when the event will do nothing when it runs (its
   * attempt ended): it is re-armed as an event that does nothing, which still moves a virtual clock;
   * undefined when it cannot be carried now (the checkpoint waits).
   */
  describe(subject: object): unknown;
  /**
   * Re-arms the event at `time` with `sequence`, after every other part was restored; may drop it
   * (a real process's own timer: a replayed attempt has none).
   */
  rearm(data: unknown, time: number, sequence: number): void;
}
