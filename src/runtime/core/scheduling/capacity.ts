import { ContainerDemand } from '../jobs/container-launch';
import { ComputeEnvironmentRecord } from '../model/records';

/** Where a job attempt was placed. */
export interface Placement {
  readonly computeEnvironment: ComputeEnvironmentRecord;
  readonly containerInstanceArn: string;
  readonly instanceType?: string;
  /** When the instance can start the container (instance start delay; equals now for a running instance). */
  readonly readyAt: number;
  release(): void;
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
 */
export interface CapacityModel {
  /** Places the demand now (possibly scaling up), or returns undefined. */
  tryPlace(ce: ComputeEnvironmentRecord, demand: ContainerDemand, now: number): Placement | undefined;
  /** Whether the CE could ever run the demand, even with every instance free and at max size. */
  canEverFit(ce: ComputeEnvironmentRecord, demand: ContainerDemand): FitVerdict;
}
