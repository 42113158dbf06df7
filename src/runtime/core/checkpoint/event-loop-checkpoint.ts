import { CheckpointPart } from './checkpoint-part';
import { EventLoop } from '../event-loop';

/**
 * The event loop's share of a checkpoint: where event sequences continue. At a rest point the only
 * pending events are standing ones, which their owners' parts re-arm with the sequences they had
 * (`EventLoop.restoreStanding`); numbering later events from the saved position on keeps every event
 * of the same millisecond in the order the uninterrupted run would give it.
 */
export function eventLoopCheckpointPart(loop: EventLoop): CheckpointPart {
  return {
    key: 'loop',
    save: () => [{ sequence: loop.sequencePosition }],
    restore: ([saved]) => loop.restoreSequencePosition((saved as { sequence: number }).sequence),
  };
}
