import { QueuePosition } from './queue-order';
import { JobQueueSnapshot } from '../../shapes';

export type { JobQueueSnapshot };

/** FS-8: GetJobQueueSnapshot answers the first 100 RUNNABLE jobs. */
export const SNAPSHOT_SIZE = 100;

/**
 * FS-8: the queue's front as the scheduler would take it now. `earliestTimeAtPosition` (choice): when the
 * job entered its queue's order (became RUNNABLE); `lastUpdatedAt`: the runtime's clock now.
 */
export function queueSnapshot(front: readonly QueuePosition[], now: number): JobQueueSnapshot {
  return {
    frontOfQueue: {
      jobs: front.map((position) => ({ jobArn: position.job.arn, earliestTimeAtPosition: position.runnableSince })),
      lastUpdatedAt: now,
    },
  };
}
