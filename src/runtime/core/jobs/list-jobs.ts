import { JobRecord } from './job-record';
import { summarizeJob } from './job-view';
import { ListJobsRequest, ListJobsResponse } from '../../shapes';
import { ClientException } from '../errors';

/**
 * LIST-1/LIST-2 over a set of candidate jobs: status filter (RUNNING by default) or one name /
 * definition / creation-time filter, newest first, paged with an opaque offset token.
 */
export function listJobs(request: ListJobsRequest, candidates: readonly JobRecord[]): ListJobsResponse {
  const selectors = [request.jobQueue, request.arrayJobId, request.multiNodeJobId].filter((v) => v !== undefined);
  if (selectors.length !== 1) {
    throw new ClientException('ListJobs: give exactly one of jobQueue, arrayJobId, multiNodeJobId (LIST-1)');
  }
  const filters = request.filters ?? [];
  if (filters.length > 1) {
    throw new ClientException(`filters: ${filters.length} filters given, only one is supported (LIST-2)`);
  }
  const maxResults = request.maxResults ?? 100;
  const limit = filters.length > 0 ? 100 : 1000;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > limit) {
    throw new ClientException(`maxResults: ${maxResults} is out of range 1..${limit} (LIST-1)`);
  }
  const matches = filters.length > 0 ? filterMatcher(filters[0].name, filters[0].values ?? []) : statusMatcher(request.jobStatus ?? 'RUNNING');
  const selected = candidates.filter(matches).sort((a, b) => b.createdAt - a.createdAt || b.sequence - a.sequence);
  const offset = decodeToken(request.nextToken);
  const page = selected.slice(offset, offset + maxResults);
  const next = offset + maxResults < selected.length ? encodeToken(offset + maxResults) : undefined;
  return next === undefined ? { jobSummaryList: page.map(summarizeJob) } : { jobSummaryList: page.map(summarizeJob), nextToken: next };
}

function statusMatcher(status: string): (job: JobRecord) => boolean {
  return (job) => job.status === status;
}

function filterMatcher(name: string | undefined, values: string[]): (job: JobRecord) => boolean {
  const value = values[0] ?? '';
  switch (name) {
    case 'JOB_NAME': {
      const lowered = value.toLowerCase();
      return lowered.endsWith('*')
        ? (job) => job.spec.jobName.toLowerCase().startsWith(lowered.slice(0, -1))
        : (job) => job.spec.jobName.toLowerCase() === lowered;
    }
    case 'JOB_DEFINITION':
      return jobDefinitionMatcher(value);
    case 'BEFORE_CREATED_AT':
      return (job) => job.createdAt < Number(value);
    case 'AFTER_CREATED_AT':
      return (job) => job.createdAt > Number(value);
    case 'SHARE_IDENTIFIER':
      // FS-8: the jobs of one share (array children carry their parent's spec).
      return (job) => job.spec.shareIdentifier === value;
    default:
      throw new ClientException(`filters[0].name: ${JSON.stringify(name)} is not one of JOB_NAME, JOB_DEFINITION, BEFORE_CREATED_AT, AFTER_CREATED_AT, SHARE_IDENTIFIER (LIST-2, FS-8)`);
  }
}

/**
 * LIST-2 JOB_DEFINITION, as the API documents it (case-sensitive): a name matches every revision of
 * that name; a value ending in `*` matches every name that begins with the text before it; an ARN
 * (`...:job-definition/name:revision`) matches that revision only, and takes no `*`. `name:revision`
 * (undocumented, as DescribeJobDefinitions and SubmitJob accept it) matches that revision.
 */
function jobDefinitionMatcher(value: string): (job: JobRecord) => boolean {
  if (value.startsWith('arn:')) {
    if (value.includes('*')) {
      throw new ClientException(`filters[0].values[0]: ${JSON.stringify(value)}: an asterisk (*) is not supported in a job definition ARN; give a name prefix such as "my-definition*" (LIST-2)`);
    }
    return (job) => job.spec.definition.arn === value;
  }
  if (value.endsWith('*')) {
    const prefix = value.slice(0, -1);
    if (prefix.includes('*')) {
      throw new ClientException(`filters[0].values[0]: ${JSON.stringify(value)}: only one trailing asterisk (*) is allowed (LIST-2)`);
    }
    return (job) => job.spec.definition.name.startsWith(prefix);
  }
  return value.includes(':')
    ? (job) => `${job.spec.definition.name}:${job.spec.definition.revision}` === value
    : (job) => job.spec.definition.name === value;
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64');
}

function decodeToken(token: string | undefined): number {
  if (token === undefined) return 0;
  try {
    const offset = JSON.parse(Buffer.from(token, 'base64').toString('utf8')).offset;
    if (Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  throw new ClientException(`nextToken: ${JSON.stringify(token)} is not a token this service issued`);
}
