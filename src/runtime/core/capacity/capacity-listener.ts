import { Placement } from '../types/placement';

/** What the core learns when an instance that ran jobs is terminated (host failure, Spot reclaim). */
export interface InstanceTermination {
  readonly computeEnvironmentName: string;
  readonly instanceId: string;
  readonly instanceType: string;
  readonly containerInstanceArn: string;
  /** The `statusReason` AWS gives the attempts that were on the instance (RETRY-3). */
  readonly statusReason: string;
  /** The placements that were on the instance. Their capacity is already gone; `release()` on them is a no-op. */
  readonly lostPlacements: readonly Placement[];
}

/**
 * How the capacity model talks back to the core. The model never calls the scheduler itself: it
 * says that capacity changed and the core asks the scheduler for a pass (passes are coalesced, so
 * saying it often is cheap).
 */
export interface CapacityListener {
  /**
   * Capacity became available or the room to launch grew: a placement was released, an idle instance
   * was scaled down (freeing part of `maxvCpus`), an instance was registered or terminated.
   */
  capacityChanged(): void;

  /**
   * An instance was terminated while jobs were placed on it. The core fails those attempts with
   * `statusReason` and retries them when attempts remain (RETRY-3). Called once per instance, and
   * only when `lostPlacements` is not empty.
   */
  instanceTerminated(termination: InstanceTermination): void;
}

/** The `statusReason` of an attempt whose host instance was terminated (RETRY-3). */
export function hostTerminatedReason(instanceId: string): string {
  return `Host EC2 (instance ${instanceId}) terminated.`;
}
