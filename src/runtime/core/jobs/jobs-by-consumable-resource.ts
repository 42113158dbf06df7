import { JobRecord } from './job-record';
import { compact } from './job-view';
import { ClientException } from '../errors';
import { sumNeeds } from '../model/consumable-requirements';
import { namePatternMatcher, NameValuesFilter } from '../model/consumable-resource-operations';
import { ConsumableNeed, ConsumableResourceRecord } from '../model/consumable-resource-store';
import { JOB_STATUSES } from '../model/job-status';
import { pageOf } from '../model/paging';

export interface ListJobsByConsumableResourceRequest {
  readonly consumableResource: string;
  readonly filters?: NameValuesFilter[];
  readonly maxResults?: number;
  readonly nextToken?: string;
}

/** `ListJobsByConsumableResourceSummary`. */
export interface JobByConsumableResource {
  readonly jobArn: string;
  readonly jobQueueArn: string;
  readonly jobName: string;
  readonly jobDefinitionArn?: string;
  readonly shareIdentifier?: string;
  readonly jobStatus: string;
  readonly quantity: number;
  readonly statusReason?: string;
  readonly startedAt?: number;
  readonly createdAt: number;
  readonly consumableResourceProperties: { consumableResourceList: Array<{ consumableResource?: string; quantity?: number }> };
}

/**
 * PLAT-4: what a top-level job needs in all: a multi-node job adds up its nodes' (each node's range's,
 * and the job's own on the main node, MNP-1); any other job its own needs.
 */
export function totalConsumableNeeds(job: JobRecord): readonly ConsumableNeed[] | undefined {
  const nodes = job.nodes;
  if (nodes === undefined || !nodes.some((node) => node.spec.nodeConsumableNeeds !== undefined)) return job.spec.consumableNeeds;
  return sumNeeds(...nodes.map((node) => node.spec.consumableNeeds));
}

/**
 * PLAT-4: the jobs that need the resource, newest first, as ListJobs lists a queue: top-level jobs
 * (an array job once, with the quantity each child needs; a multi-node job once, with what its nodes need
 * together, its list then showing those totals when its node ranges name resources). Filters, ANDed:
 * JOB_STATUS (any of its values) and JOB_NAME (case-insensitive, `prefix*`).
 */
export function listJobsByConsumableResource(
  resource: ConsumableResourceRecord, request: ListJobsByConsumableResourceRequest, jobs: Iterable<JobRecord>,
): { jobs: JobByConsumableResource[]; nextToken?: string } {
  const matchers = (request.filters ?? []).map((filter, index): ((job: JobRecord) => boolean) => {
    const field = `filters[${index}]`;
    if (filter.name === 'JOB_NAME') {
      const matches = namePatternMatcher(`${field}.values`, filter.values);
      return (job) => matches(job.spec.jobName);
    }
    if (filter.name === 'JOB_STATUS') {
      const values = filter.values ?? [];
      const unknown = values.find((value) => !(JOB_STATUSES as readonly string[]).includes(value));
      if (values.length === 0 || unknown !== undefined) {
        throw new ClientException(`${field}.values: ${JSON.stringify(unknown ?? values)} is invalid: one or more of ${JOB_STATUSES.join(', ')} (PLAT-4)`);
      }
      return (job) => values.includes(job.status);
    }
    throw new ClientException(`${field}.name: ${JSON.stringify(filter.name)} is not one of JOB_STATUS, JOB_NAME (PLAT-4)`);
  });
  const selected: Array<{ job: JobRecord; quantity: number }> = [];
  for (const job of jobs) {
    if (job.parent || job.mnpParent) continue;
    const need = totalConsumableNeeds(job)?.find((candidate) => candidate.name === resource.name);
    if (need && matchers.every((matches) => matches(job))) selected.push({ job, quantity: need.quantity });
  }
  selected.sort((a, b) => b.job.createdAt - a.job.createdAt || b.job.sequence - a.job.sequence);
  const page = pageOf(selected, 'ListJobsByConsumableResource', request.maxResults, request.nextToken);
  const summaries = page.items.map(({ job, quantity }) => compact({
    jobArn: job.arn,
    jobQueueArn: job.spec.queue.arn,
    jobName: job.spec.jobName,
    jobDefinitionArn: job.spec.definition.arn,
    shareIdentifier: job.spec.shareIdentifier,
    jobStatus: job.status,
    quantity,
    statusReason: job.statusReason,
    startedAt: job.startedAt,
    createdAt: job.createdAt,
    consumableResourceProperties: { consumableResourceList: listedResources(job) },
  }));
  return page.nextToken === undefined ? { jobs: summaries } : { jobs: summaries, nextToken: page.nextToken };
}

/** The summary's list: the job's as given, or a multi-node job's totals by resource name when its node ranges name resources. */
function listedResources(job: JobRecord): Array<{ consumableResource?: string; quantity?: number }> {
  const total = totalConsumableNeeds(job);
  if (total === job.spec.consumableNeeds) return (job.spec.consumableResourceProperties?.consumableResourceList ?? []).map((entry) => ({ ...entry }));
  return (total ?? []).map((need) => ({ consumableResource: need.name, quantity: need.quantity }));
}
