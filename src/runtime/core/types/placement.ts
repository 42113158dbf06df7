import { ContainerDemand } from './demand';
import type { CheckpointPart } from '../checkpoint/checkpoint-part';
import { ComputeEnvironmentRecord } from '../model/records';

/*
 * The contract between the scheduler, the capacity models and the job life cycle. It lives in
 * core/types, which imports only core/model, so the core folders form layers without cycles
 * (issue #11 §1): model < types < jobs < scheduling < capacity; test/architecture checks it.
 */

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
  /**
   * MNP-8: the node (`parent#i`) a gang placement reserved this place for, until the node starts on
   * it (a checkpoint names the reservation by it).
   */
  reservedFor?: string;
  /** Whether the place is given back (released, or its instance terminated); models that can tell say so. */
  readonly released?: boolean;
  release(): void;
}

/**
 * The attempt in flight on a placement (STARTING or RUNNING), as the rest of the core sees it: attempt
 * execution owns it (JobRecord.liveAttempt, Placement.attempt); others may only ask it to end.
 */
export interface PlacedAttempt {
  /** The job and attempt number (a checkpoint names the placement's attempt by them). */
  readonly jobId: string;
  readonly attempt: number;
  readonly placement: Placement;
  /** Whether the attempt has ended (its result is recorded and its placement released). */
  readonly ended: boolean;
  /** RETRY-3: its host is gone; the attempt fails with `statusReason` and retries when attempts remain. */
  hostTerminated(statusReason: string): void;
  /** LIFE-7: stop it; the job becomes FAILED with `reason` and is never retried. */
  terminate(reason: string): void;
}

/** Whether a demand can ever be met by a compute environment, and if not, why (DIAG-2). */
export interface FitVerdict {
  readonly fits: boolean;
  readonly reason?: string;
}

/**
 * The capacity model of compute environments: where a job fits now, whether it can ever fit.
 * The scheduler only talks to this interface, so the capacity model can grow (instances, bin-packing,
 * scaling, allocation strategies) without touching scheduling order.
 *
 * The optional members let a backend tell the model about compute environment life cycle and ask it
 * why a job waits; a model that does not need them (the vCPU pool) leaves them out.
 */
export interface CapacityModel {
  /** Places the demand now (possibly scaling up), or returns undefined. */
  tryPlace(ce: ComputeEnvironmentRecord, demand: ContainerDemand, now: number): Placement | undefined;
  /** Whether the CE could ever run the demand, even with every instance free and at max size. */
  canEverFit(ce: ComputeEnvironmentRecord, demand: ContainerDemand): FitVerdict;
  /** A compute environment was created: a managed one launches its `desiredvCpus` now (SCHED-5). */
  computeEnvironmentCreated?(ce: ComputeEnvironmentRecord): void;
  /** A compute environment's state or sizes changed (e.g. it was DISABLED, LIFE-8). */
  computeEnvironmentUpdated?(ce: ComputeEnvironmentRecord): void;
  /** Why a demand that can fit is not placed on the CE right now (DIAG-2), e.g. the CE is at `maxvCpus`. */
  explainWait?(ce: ComputeEnvironmentRecord, demand: ContainerDemand): string;
  /** What a checkpoint (serve --state-dir) carries of the model's state; a model without one holds none between jobs. */
  checkpointPart?(): CheckpointPart;
  /**
   * Checkpoint restore, after its part was restored: the placement of a live attempt
   * (`jobId#attempt`), which the attempt is put back on. Absent: no live attempt is carried.
   */
  restoredPlacement?(jobId: string, attempt: number): Placement | undefined;
}
