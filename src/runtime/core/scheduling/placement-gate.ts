import { JobRecord } from '../jobs/job-record';

/**
 * What must hold, besides room on a compute environment, for the scheduler to place a RUNNABLE job
 * (PLAT-4: its consumable resources). The scheduler asks before it tries capacity, tells the gate
 * when it placed the job (STARTING), and when an attempt of the job ended. A job the gate does not
 * admit is passed over for now, as a job that finds no room is (SCHED-1 limited backfill).
 */
export interface PlacementGate {
  /** Whether the job may be placed now. Must be cheap for jobs that need nothing of the gate. */
  admits(job: JobRecord): boolean;
  /** The job was placed: what it needs is taken from now on. */
  placed(job: JobRecord): void;
  /** An attempt of the job ended (SUCCEEDED, FAILED, or about to be retried): what it took comes back. */
  attemptEnded(job: JobRecord): void;
}

/** The gate of a scheduler without one: every job is admitted. */
export const OPEN_GATE: PlacementGate = {
  admits: () => true,
  placed: () => undefined,
  attemptEnded: () => undefined,
};
