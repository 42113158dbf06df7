import { ComputeEnvironmentRecord } from '../model/records';

// A leaf module (it imports only resource records) so that both the capacity models and JobRecord can
// name the attempt on a placement without an import cycle between scheduling and jobs.

/** Where a job attempt was placed. */
export interface Placement {
  readonly computeEnvironment: ComputeEnvironmentRecord;
  readonly containerInstanceArn: string;
  readonly instanceType?: string;
  /** The EC2 instance id (`i-...`) when the placement is on a modelled instance; absent for pooled capacity. */
  readonly instanceId?: string;
  /** When the instance can start the container (instance start delay; equals now for a running instance). */
  readonly readyAt: number;
  /** The attempt using the placement, set by the core (to find it again when its host fails, RETRY-3). */
  attempt?: PlacedAttempt;
  /** Whether the place is given back (released, or its instance terminated); models that can tell say so. */
  readonly released?: boolean;
  release(): void;
}

/**
 * The attempt in flight on a placement (STARTING or RUNNING), as the rest of the core sees it: attempt
 * execution owns it (JobRecord.liveAttempt, Placement.attempt); others may only ask it to end.
 */
export interface PlacedAttempt {
  readonly placement: Placement;
  /** Whether the attempt has ended (its result is recorded and its placement released). */
  readonly ended: boolean;
  /** RETRY-3: its host is gone; the attempt fails with `statusReason` and retries when attempts remain. */
  hostTerminated(statusReason: string): void;
  /** LIFE-7: stop it; the job becomes FAILED with `reason` and is never retried. */
  terminate(reason: string): void;
}
