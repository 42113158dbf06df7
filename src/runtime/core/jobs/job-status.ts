/*
 * The job states moved to `../model/job-status` so that `core/model` can read them
 * without importing `core/jobs` (issue #11 §1: no cycles between the core folders). This re-export
 * keeps the old path working for the facade and the CLI; new code imports `../model/job-status`.
 */
export { JOB_STATUSES, isTerminal, isTransitionAllowed } from '../model/job-status';
export type { JobStatus } from '../model/job-status';
