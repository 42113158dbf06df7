/**
 * One kind of runtime state that a checkpoint (`serve --state-dir`) carries across a restart.
 *
 * A checkpoint is taken only at a rest point: no job unfinished, no live event in the heap, every
 * part at rest. What a part holds there is data (records, counters), never pending work, so a
 * snapshot is that data and a restore writes it back into a freshly built runtime: no closure of
 * the event heap has to be serialized, because at a rest point there is none.
 *
 * A new kind of state (a scheduler's fair-share usage, a new resource kind) is carried by adding a
 * part: `save` returns JSON-able chunks (object graphs of registered classes go through the
 * ObjectGraphCodec), `restore` puts it back, and `atRest` says false while the part holds
 * transient work (a live timer, an instance that a fresh start would not have), which postpones the
 * checkpoint. Resource kinds created by API requests need nothing: the registry is rebuilt by
 * replaying the requests that changed it.
 */
export interface CheckpointPart {
  /** Unique, stable name of the part in the snapshot file (`jobs`, `capacity`, ...). */
  readonly key: string;
  /** Whether the part holds nothing but data now (no transient work). @default true */
  atRest?(): boolean;
  /** The part's state as JSON-able chunks, each written as one checksummed record (one per job, so no line is huge). */
  save(): unknown[];
  /**
   * Drops the standing events a freshly built runtime armed (a schedule's first fire), before the
   * restore moves the clock to the checkpoint's time: `restore` re-arms them as they were saved.
   */
  clear?(): void;
  /** Puts `save()`'s chunks back, in order, into a freshly built runtime (its template loaded, its registry rebuilt). */
  restore(chunks: unknown[]): void;
}
