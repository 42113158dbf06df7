/**
 * The states of an AWS Batch job (LIFE-1), as they appear in the `detail.status` of a
 * "Batch Job State Change" event. SUBMITTED never appears in an event (EVT-1).
 */
export enum BatchJobStatus {
  /** Submitted; no event is emitted for this state. */
  SUBMITTED = 'SUBMITTED',
  /** Waiting for dependencies. */
  PENDING = 'PENDING',
  /** Ready to be placed on a compute environment. */
  RUNNABLE = 'RUNNABLE',
  /** Placed; the container is starting. */
  STARTING = 'STARTING',
  /** The container is running. */
  RUNNING = 'RUNNING',
  /** Exited with code 0. */
  SUCCEEDED = 'SUCCEEDED',
  /** Failed, timed out, was cancelled or terminated, or a dependency failed. */
  FAILED = 'FAILED',
}
