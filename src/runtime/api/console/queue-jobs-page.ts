import { emptyStatusCounts } from './console-overview';
import { JobRecord } from '../../core/jobs/job-record';
import { JOB_STATUSES, JobStatus } from '../../core/model/job-status';
import { ApiError } from '../http/api-error';

/** Rows per page: what a screen shows; the most a request may ask for. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** The filters of the jobs page, as its URL carries them (`?status=FAILED&prefix=etl-&share=a&before=42`). */
export interface QueueJobsQuery {
  readonly status?: JobStatus;
  /** Job-name prefix, case-insensitive (ListJobs' `JOB_NAME` filter with a trailing `*`). */
  readonly namePrefix?: string;
  readonly shareIdentifier?: string;
  /** Cursor: only jobs submitted before the job with this sequence number (the previous page's last). */
  readonly before?: number;
  readonly limit: number;
}

/** One row of the jobs list; array and multi-node parents carry their children's status summary. */
export interface JobRow {
  readonly jobId: string;
  readonly jobName: string;
  readonly status: JobStatus;
  readonly statusReason?: string;
  readonly createdAt: number;
  readonly startedAt?: number;
  readonly stoppedAt?: number;
  readonly jobDefinition: string;
  readonly shareIdentifier?: string;
  readonly attempts: number;
  readonly exitCode?: number;
  readonly arraySize?: number;
  readonly nodeCount?: number;
  readonly children?: Record<JobStatus, number>;
  /** The cursor of this row (its submission sequence). */
  readonly sequence: number;
}

export interface QueueJobsPage {
  readonly jobs: JobRow[];
  /** How many jobs match the filters, all pages together. */
  readonly matching: number;
  /** `before` for the next (older) page; absent on the last page. */
  readonly nextBefore?: number;
}

export function parseQueueJobsQuery(query: URLSearchParams): QueueJobsQuery {
  const status = query.get('status') || undefined;
  if (status !== undefined && !(JOB_STATUSES as readonly string[]).includes(status)) {
    throw ApiError.client(`status: ${JSON.stringify(status)} is not one of ${JOB_STATUSES.join(', ')}`);
  }
  return {
    status: status as JobStatus | undefined,
    namePrefix: query.get('prefix') || undefined,
    shareIdentifier: query.get('share') || undefined,
    before: optionalInteger(query, 'before', 0, Number.MAX_SAFE_INTEGER),
    limit: optionalInteger(query, 'limit', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE,
  };
}

/**
 * A page of a queue's jobs, newest first (ListJobs' order: the queue's jobs are held in submission
 * order, and creation times follow it). The cursor is a submission sequence, found by binary search,
 * and one pass newest to oldest both counts the matches (`matching`, shown above the list) and
 * keeps the page's rows: one comparison per job, no allocation but the rows. 100,000 jobs: see
 * bench/console-requests.ts.
 */
export function queueJobsPage(jobs: readonly JobRecord[], query: QueueJobsQuery): QueueJobsPage {
  const matches = matcher(query);
  const start = query.before === undefined ? jobs.length - 1 : lastIndexBefore(jobs, query.before);
  // One pass, newest to oldest: counts every match, keeps the page's rows from the cursor on.
  let matching = 0;
  let more = false;
  const rows: JobRow[] = [];
  for (let i = jobs.length - 1; i >= 0; i--) {
    if (!matches(jobs[i])) continue;
    matching++;
    if (i > start) continue;
    if (rows.length < query.limit) rows.push(jobRow(jobs[i]));
    else more = true;
  }
  return more ? { jobs: rows, matching, nextBefore: rows[rows.length - 1].sequence } : { jobs: rows, matching };
}

export function jobRow(job: JobRecord): JobRow {
  const attempt = job.currentAttempt;
  const nodes = job.nodes;
  let children: Record<JobStatus, number> | undefined;
  if (job.children) {children = { ...job.childStatusCounts! };} else if (nodes) {
    children = emptyStatusCounts();
    for (const node of nodes) children[node.status]++;
  }
  return {
    jobId: job.jobId,
    jobName: job.spec.jobName,
    status: job.status,
    statusReason: job.statusReason,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    stoppedAt: job.stoppedAt,
    jobDefinition: `${job.spec.definition.name}:${job.spec.definition.revision}`,
    shareIdentifier: job.spec.shareIdentifier,
    attempts: job.attemptCount,
    exitCode: attempt?.exitCode,
    arraySize: job.children?.length,
    nodeCount: nodes?.length,
    children,
    sequence: job.sequence,
  };
}

function matcher(query: QueueJobsQuery): (job: JobRecord) => boolean {
  const { status, shareIdentifier } = query;
  const prefix = query.namePrefix?.toLowerCase();
  return (job) => (status === undefined || job.status === status)
    && (shareIdentifier === undefined || job.spec.shareIdentifier === shareIdentifier)
    && (prefix === undefined || startsWithIgnoringCase(job.spec.jobName, prefix));
}

/**
 * Whether `name` starts with `lowerPrefix`, ignoring ASCII case, without allocating: the filter looks
 * at every job of the queue per request. Job names are ASCII (LIM-8), so ASCII folding is exact.
 */
function startsWithIgnoringCase(name: string, lowerPrefix: string): boolean {
  if (name.length < lowerPrefix.length) return false;
  for (let i = 0; i < lowerPrefix.length; i++) {
    let code = name.charCodeAt(i);
    if (code >= 65 && code <= 90) code += 32; // A-Z -> a-z
    if (code !== lowerPrefix.charCodeAt(i)) return false;
  }
  return true;
}

/** The index of the last job submitted before `sequence` (jobs are in ascending sequence), or -1. */
function lastIndexBefore(jobs: readonly JobRecord[], sequence: number): number {
  let low = 0;
  let high = jobs.length; // first index with sequence >= the cursor
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (jobs[middle].sequence < sequence) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

function optionalInteger(query: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw ApiError.client(`${name}: ${JSON.stringify(text)} is not an integer in ${min}..${max}`);
  }
  return value;
}
