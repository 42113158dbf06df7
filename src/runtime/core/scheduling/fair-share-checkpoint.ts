import { ShareUsage } from './fair-share-queue-order';
import { Scheduler } from './scheduler';
import { CheckpointPart } from '../checkpoint/checkpoint-part';
import { JobQueueRecord } from '../model/records';

interface QueueUsageChunk {
  readonly queue: string;
  readonly shares: readonly ShareUsage[];
}

/**
 * FS-4 across a restart of `serve --state-dir`: the decaying usage of each fair-share queue's shares.
 * A checkpoint replaces the journal before it, and replaying the journal is what rebuilt usage
 * before checkpoints; without this part a restart after a checkpoint would forget which share used
 * the queue recently and serve it again first. At a rest point no job runs, so usage is history only.
 */
export function fairShareCheckpointPart(scheduler: Scheduler, queueNamed: (name: string) => JobQueueRecord): CheckpointPart {
  return {
    key: 'fair-share-usage',
    save: (): QueueUsageChunk[] => scheduler.fairShareOrders()
      .map(([queue, order]) => ({ queue: queue.name, shares: order.usageAtRest() }))
      .filter((chunk) => chunk.shares.length > 0),
    restore: (chunks: unknown[]): void => {
      for (const chunk of chunks as QueueUsageChunk[]) {
        // A queue deleted before the checkpoint is not in the rebuilt registry: its usage went with it.
        const queue = tryQueue(queueNamed, chunk.queue);
        if (queue) scheduler.fairShareOrderOf(queue)?.restoreUsage(chunk.shares);
      }
    },
  };
}

function tryQueue(queueNamed: (name: string) => JobQueueRecord, name: string): JobQueueRecord | undefined {
  try {
    return queueNamed(name);
  } catch {
    return undefined;
  }
}
