import { jobRow, JobRow } from './queue-jobs-page';
import { BatchBackend } from '../../core/backend';
import { JobRecord } from '../../core/jobs/job-record';
import { BATCH_LOG_GROUP } from '../../core/logging/log-store';
import { isTerminal } from '../../core/model/job-status';
import { JobDetail } from '../../shapes';
import { ApiError } from '../http/api-error';

/** Log lines of a stream from a line on, and the line to ask for next. */
export interface ConsoleLogPage {
  readonly lines: Array<{ timestamp: number; message: string }>;
  readonly next: number;
}

/** Log lines per request: a page's first view of a chatty job stays small; the rest follows on scroll/live. */
export const MAX_LOG_LINES = 1000;

/** A job as its console page shows it: DescribeJobs' detail plus what only the runtime knows. */
export interface ConsoleJobView {
  readonly job: JobDetail;
  readonly queueName: string;
  readonly jobDefinitionName: string;
  /** SubmitJob's containerOverrides as given (DescribeJobs shows them merged into `container`). */
  readonly containerOverrides?: unknown;
  /** Jobs this one waits for, with their status now (absent when purged, LIFE-4). */
  readonly dependsOn: DependencyRow[];
  /** Jobs that wait for this one (their dependsOn names it). */
  readonly dependents: DependencyRow[];
  /** DIAG-2: why the job is where it is; absent once it finished. */
  readonly explanation?: string;
  /** The log stream of each attempt that started, oldest first. */
  readonly logStreams: string[];
  /** The parent of an array child or a node. */
  readonly parentId?: string;
  /** First children/nodes of a parent (up to 100), with their status. */
  readonly children?: JobRow[];
}

export interface DependencyRow {
  readonly jobId: string;
  readonly type?: string;
  readonly jobName?: string;
  readonly status?: string;
}

const MAX_CHILD_ROWS = 100;

export function consoleJobView(backend: BatchBackend, jobId: string): ConsoleJobView {
  const job = requireJob(backend, jobId);
  const [detail] = backend.describeJobs([jobId]);
  const parent = job.parent ?? job.mnpParent;
  return {
    job: detail,
    queueName: job.spec.queue.name,
    jobDefinitionName: job.spec.definition.name,
    containerOverrides: job.spec.containerOverrides,
    dependsOn: job.spec.dependsOn.map((dependency) => {
      const found = dependency.jobId !== undefined ? backend.job(dependency.jobId) : undefined;
      return { jobId: dependency.jobId ?? '', type: dependency.type, jobName: found?.spec.jobName, status: found?.status };
    }),
    dependents: dependentsOf(backend, job),
    explanation: isTerminal(job.status) ? undefined : backend.explainJob(jobId),
    logStreams: job.attempts.map((attempt) => attempt.logStreamName).filter((stream): stream is string => stream !== undefined),
    parentId: parent?.jobId,
    children: (job.children ?? job.nodes)?.slice(0, MAX_CHILD_ROWS).map(jobRow),
  };
}

/** Log lines of one of the job's streams from line `from` on (at most MAX_LOG_LINES), and where to go on. */
export function consoleJobLogs(backend: BatchBackend, jobId: string, stream: string, from: number): ConsoleLogPage {
  const job = requireJob(backend, jobId);
  if (!job.attempts.some((attempt) => attempt.logStreamName === stream)) {
    throw ApiError.client(`stream: ${JSON.stringify(stream)} is not a log stream of job ${jobId}`);
  }
  const events = backend.logs.events(BATCH_LOG_GROUP, stream) ?? [];
  const lines = events.slice(from, from + MAX_LOG_LINES).map((event) => ({ timestamp: event.timestamp, message: event.message }));
  return { lines, next: from + lines.length };
}

/**
 * Jobs whose dependsOn names this one: the runtime keeps that link only while the job is unfinished
 * (JobRecord.dependents), so the other direction is found by looking at the queue-independent index
 * (linear in the job count, once per page view).
 */
function dependentsOf(backend: BatchBackend, job: JobRecord): DependencyRow[] {
  const rows = new Map<string, DependencyRow>();
  const add = (dependent: JobRecord, type?: string): void => {
    if (rows.has(dependent.jobId)) return;
    rows.set(dependent.jobId, { jobId: dependent.jobId, type, jobName: dependent.spec.jobName, status: dependent.status });
  };
  for (const dependent of job.dependents ?? []) add(dependent);
  for (const candidate of backend.allJobs()) {
    const dependency = candidate.spec.dependsOn.find((entry) => entry.jobId === job.jobId);
    if (dependency) add(candidate, dependency.type);
  }
  return [...rows.values()];
}

function requireJob(backend: BatchBackend, jobId: string): JobRecord {
  const job = backend.job(jobId);
  if (!job) throw new ApiError(404, 'ResourceNotFoundException', `jobId: no job ${JSON.stringify(jobId)} (unknown, or purged after its retention, LIFE-4)`);
  return job;
}
