/** Job states of AWS Batch (LIFE-1). */
export type JobStatus = 'SUBMITTED' | 'PENDING' | 'RUNNABLE' | 'STARTING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export const JOB_STATUSES: readonly JobStatus[] = ['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED'];

/**
 * The LIFE-1 graph: which state may follow which. RUNNING/STARTING -> RUNNABLE is a retry (RETRY-3);
 * any unfinished state may go to FAILED (cancel, terminate, failed dependency).
 */
const ALLOWED: Record<JobStatus, readonly JobStatus[]> = {
  SUBMITTED: ['PENDING', 'RUNNABLE', 'FAILED'],
  PENDING: ['RUNNABLE', 'FAILED', 'SUCCEEDED'],
  RUNNABLE: ['STARTING', 'FAILED'],
  STARTING: ['RUNNING', 'RUNNABLE', 'FAILED'],
  RUNNING: ['SUCCEEDED', 'FAILED', 'RUNNABLE'],
  SUCCEEDED: [],
  FAILED: [],
};

export function isTransitionAllowed(from: JobStatus, to: JobStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function isTerminal(status: JobStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED';
}
