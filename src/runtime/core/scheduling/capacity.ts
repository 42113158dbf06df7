import { Placement } from './placement';
import { ContainerDemand } from '../jobs/container-launch';
import { ComputeEnvironmentRecord } from '../model/records';

export type { PlacedAttempt, Placement } from './placement';

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
}
