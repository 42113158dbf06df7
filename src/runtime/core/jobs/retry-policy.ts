import { JobRecord } from './job-record';

/** Why an attempt ended, as far as the retry decision cares. */
export interface AttemptOutcome {
  readonly exitCode?: number;
  readonly reason?: string;
  readonly statusReason?: string;
}

/**
 * RETRY-3/4/5: whether a failed attempt sends the job back to RUNNABLE. Cancelled, terminated and
 * timed-out jobs never retry; otherwise the first matching `evaluateOnExit` condition decides, and
 * without a match the job retries while attempts remain.
 */
export function shouldRetry(job: JobRecord, outcome: AttemptOutcome): boolean {
  if (job.isCancelled || job.isTerminated || job.stopCause !== undefined) return false;
  if (job.attemptCount >= job.spec.attempts) return false;
  for (const condition of job.spec.evaluateOnExit ?? []) {
    if (conditionMatches(condition, outcome)) return condition.action.toUpperCase() === 'RETRY';
  }
  return true;
}

function conditionMatches(
  condition: { onExitCode?: string; onReason?: string; onStatusReason?: string },
  outcome: AttemptOutcome,
): boolean {
  if (condition.onExitCode !== undefined && !globMatches(condition.onExitCode, outcome.exitCode === undefined ? '' : String(outcome.exitCode))) return false;
  if (condition.onReason !== undefined && !globMatches(condition.onReason, outcome.reason ?? '')) return false;
  if (condition.onStatusReason !== undefined && !globMatches(condition.onStatusReason, outcome.statusReason ?? '')) return false;
  return true;
}

/** AWS's patterns allow `*` only as the last character (LIM-10): a prefix match. */
export function globMatches(pattern: string, value: string): boolean {
  return pattern.endsWith('*') ? value.startsWith(pattern.slice(0, -1)) : value === pattern;
}
