import { CheckpointPart } from './checkpoint-part';
import { eventCheckpointPart } from './event-checkpoint';
import { eventLoopCheckpointPart } from './event-loop-checkpoint';
import { jobCheckpointParts, JobCheckpointSources } from './job-checkpoint';
import { liveWorkCheckpointPart, LiveWorkSources } from './live-work-checkpoint';
import { ConsumableResources } from '../consumable-resources';
import { EventLoop } from '../event-loop';
import { JobRunner } from '../executor';
import { fairShareCheckpointPart } from '../scheduling/fair-share-checkpoint';

/** What a backend hands over for its checkpoint: the components whose state outlives a request. */
export interface BackendCheckpointSources extends JobCheckpointSources, Omit<LiveWorkSources, 'consumables'> {
  readonly loop: EventLoop;
  readonly runner: JobRunner;
  readonly consumableResources: ConsumableResources;
}

/**
 * Every part of a backend's checkpoint, in the order they are saved and restored: the retained jobs
 * and their log streams, the capacity model's part, then the live work (it goes back onto the
 * restored jobs and instances), fair-share usage, consumable resources, the runner's own state, and
 * the pending events last, onto everything they act on; the loop's part only sets where event
 * numbering continues. Not the registry: it is rebuilt by replaying the requests that changed it.
 */
export function backendCheckpointParts(sources: BackendCheckpointSources): CheckpointPart[] {
  const capacity = sources.capacity.checkpointPart?.();
  const fairShare = fairShareCheckpointPart(sources.scheduler, (name) => sources.registry.jobQueue(name));
  const live = liveWorkCheckpointPart({ ...sources, consumables: sources.consumableResources.gate });
  const runner = sources.runner;
  const runnerPart: CheckpointPart[] = runner.checkpointState
    ? [{ key: 'runner', save: () => [runner.checkpointState!()], restore: ([state]) => runner.restoreState?.(state) }]
    : [];
  return [
    ...jobCheckpointParts(sources), ...(capacity ? [capacity] : []), live, fairShare,
    sources.consumableResources.checkpointPart(), ...runnerPart, eventCheckpointPart(sources.loop), eventLoopCheckpointPart(sources.loop),
  ];
}
