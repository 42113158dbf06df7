import { parseBatchArn } from './arns';
import { assessComputeEnvironment } from './compute-environment-health';
import { validateCreateComputeEnvironment, validateUpdateComputeEnvironment } from './compute-environment-rules';
import { resolveConsumableResources } from './consumable-requirements';
import { validateRegisterJobDefinition } from './job-definition-rules';
import { validateCreateJobQueue, validateUpdateJobQueue } from './job-queue-rules';
import { isTerminal, JobStatus } from './job-status';
import { MAX_DESCRIBE_RESULTS, pageOf } from './paging';
import { ComputeEnvironmentRecord, JobDefinitionRecord, JobQueueRecord, SchedulingPolicyRecord } from './records';
import { describeComputeEnvironment, describeJobDefinition, describeJobQueue } from './registry-views';
import {
  CreateComputeEnvironmentRequest,
  CreateJobQueueRequest,
  DescribeComputeEnvironmentsRequest,
  DescribeJobDefinitionsRequest,
  DescribeJobQueuesRequest,
  RegisterJobDefinitionRequest,
  UpdateComputeEnvironmentRequest,
  UpdateJobQueueRequest,
} from './requests';
import { parseDefinitionRef, ResourceRegistry } from './resource-registry';
import {
  ComputeEnvironmentIdentity,
  DescribeComputeEnvironmentsResponse,
  DescribeJobDefinitionsResponse,
  DescribeJobQueuesResponse,
  JobQueueIdentity,
} from './responses';
import { mergeTags, validateTagKey, validateTags } from './tag-limits';
import { asClientException, oneOf } from './validation-bridge';
import { ClientException } from '../errors';

/**
 * The part of a job the registry operations read (queue deletion, job tags). A structural view of
 * `JobRecord` so that `core/model` does not import `core/jobs`, which imports it (issue #11 §1).
 */
export interface RegistryJob {
  readonly jobId: string;
  readonly status: JobStatus;
  readonly spec: { readonly queue: JobQueueRecord; readonly tags: Record<string, string> };
}

/** What the registry operations need from the job side of the backend. */
export interface RegistryJobs {
  allJobs(): Iterable<RegistryJob>;
  job(jobId: string): RegistryJob | undefined;
  terminateJob(jobId: string, reason: string): void;
}

/**
 * The AWS Batch registry operations (compute environments, job queues, job definitions, tags) as the
 * backend exposes them to every caller: template loader, HTTP API, facade. Each one validates the
 * whole request first (src/validation, mapped to ClientException) and only then changes state, so a
 * rejected request leaves everything as it was.
 */
export class RegistryOperations {
  constructor(private readonly registry: ResourceRegistry, private readonly jobs: RegistryJobs) {}

  // ---- compute environments ---------------------------------------------------------------------

  createComputeEnvironment(request: CreateComputeEnvironmentRequest): ComputeEnvironmentRecord {
    const valid = asClientException(() => validateCreateComputeEnvironment(request, this.registry.listComputeEnvironments().length));
    const record = this.registry.storeComputeEnvironment({
      name: request.computeEnvironmentName,
      type: valid.type,
      state: valid.state,
      status: 'VALID',
      computeResources: valid.computeResources,
      serviceRole: request.serviceRole,
      unmanagedvCpus: request.unmanagedvCpus,
      updatePolicy: request.updatePolicy,
      ...(request.eksConfiguration !== undefined ? { eksConfiguration: { ...request.eksConfiguration } } : {}),
      tags: { ...(request.tags ?? {}) },
    });
    Object.assign(record, assessComputeEnvironment(record));
    return record;
  }

  describeComputeEnvironments(request: DescribeComputeEnvironmentsRequest = {}): DescribeComputeEnvironmentsResponse {
    const selected = request.computeEnvironments !== undefined
      ? this.explicitSelection('computeEnvironments', request.computeEnvironments, request.nextToken, (ref) => this.registry.findComputeEnvironment(ref))
      : this.registry.listComputeEnvironments();
    const page = pageOf(selected, 'DescribeComputeEnvironments', request.maxResults, request.nextToken);
    return withToken({ computeEnvironments: page.items.map(describeComputeEnvironment) }, page.nextToken);
  }

  updateComputeEnvironment(request: UpdateComputeEnvironmentRequest): ComputeEnvironmentIdentity {
    const ce = this.registry.computeEnvironment(request.computeEnvironment);
    const changes = asClientException(() => validateUpdateComputeEnvironment(request, ce));
    if (changes.state !== undefined) ce.state = changes.state;
    if (changes.unmanagedvCpus !== undefined) ce.unmanagedvCpus = changes.unmanagedvCpus;
    if (changes.computeResources !== undefined) ce.computeResources = changes.computeResources;
    if (changes.serviceRole !== undefined) ce.serviceRole = changes.serviceRole;
    if (request.updatePolicy !== undefined) ce.updatePolicy = { ...ce.updatePolicy, ...request.updatePolicy };
    Object.assign(ce, assessComputeEnvironment(ce));
    return { computeEnvironmentName: ce.name, computeEnvironmentArn: ce.arn };
  }

  /** AWS: only a DISABLED compute environment that no job queue uses can be deleted. */
  deleteComputeEnvironment(ref: string): void {
    const ce = this.registry.computeEnvironment(ref);
    if (ce.state !== 'DISABLED') {
      throw new ClientException(`computeEnvironment: ${ce.name} is ${ce.state}; disable it with UpdateComputeEnvironment before deleting it`);
    }
    const users = this.registry.listJobQueues().filter((queue) => queue.computeEnvironmentOrder.some((entry) => entry.computeEnvironment === ce));
    if (users.length > 0) {
      throw new ClientException(`computeEnvironment: ${ce.name} is used by job queue(s) ${users.map((q) => q.name).join(', ')}; `
        + 'remove it from their computeEnvironmentOrder with UpdateJobQueue first');
    }
    this.registry.removeComputeEnvironment(ce);
  }

  // ---- job queues -------------------------------------------------------------------------------

  createJobQueue(request: CreateJobQueueRequest): JobQueueRecord {
    const resolve = (ref: string, field: string): ComputeEnvironmentRecord => this.registry.computeEnvironment(ref, field);
    const valid = asClientException(() => validateCreateJobQueue(request, resolve, this.registry.listJobQueues().length));
    // FS-2: a queue naming a policy is a fair-share queue; the policy must exist.
    const schedulingPolicy = request.schedulingPolicyArn === undefined ? undefined : this.registry.schedulingPolicy(request.schedulingPolicyArn, 'schedulingPolicyArn');
    return this.registry.storeJobQueue({
      name: request.jobQueueName,
      state: valid.state,
      status: 'VALID',
      statusReason: 'JobQueue Healthy',
      priority: valid.priority,
      computeEnvironmentOrder: valid.computeEnvironmentOrder,
      schedulingPolicy,
      jobStateTimeLimitActions: (request.jobStateTimeLimitActions ?? []).map((action) => ({ ...action })),
      tags: { ...(request.tags ?? {}) },
    });
  }

  describeJobQueues(request: DescribeJobQueuesRequest = {}): DescribeJobQueuesResponse {
    const selected = request.jobQueues !== undefined
      ? this.explicitSelection('jobQueues', request.jobQueues, request.nextToken, (ref) => this.registry.findJobQueue(ref))
      : this.registry.listJobQueues();
    const page = pageOf(selected, 'DescribeJobQueues', request.maxResults, request.nextToken);
    return withToken({ jobQueues: page.items.map(describeJobQueue) }, page.nextToken);
  }

  updateJobQueue(request: UpdateJobQueueRequest): JobQueueIdentity {
    const queue = this.registry.jobQueue(request.jobQueue);
    const resolve = (ref: string, field: string): ComputeEnvironmentRecord => this.registry.computeEnvironment(ref, field);
    const changes = asClientException(() => validateUpdateJobQueue(request, resolve));
    const schedulingPolicy = request.schedulingPolicyArn === undefined ? undefined : this.replacementPolicy(queue, request.schedulingPolicyArn);
    if (changes.state !== undefined) queue.state = changes.state;
    if (changes.priority !== undefined) queue.priority = changes.priority;
    if (changes.computeEnvironmentOrder !== undefined) queue.computeEnvironmentOrder = changes.computeEnvironmentOrder;
    if (schedulingPolicy !== undefined) queue.schedulingPolicy = schedulingPolicy;
    if (request.jobStateTimeLimitActions !== undefined) {
      queue.jobStateTimeLimitActions = request.jobStateTimeLimitActions.map((action) => ({ ...action }));
    }
    return { jobQueueName: queue.name, jobQueueArn: queue.arn };
  }

  /** FS-2: a fair-share queue's policy can be replaced by another that exists; a FIFO queue cannot gain one. */
  private replacementPolicy(queue: JobQueueRecord, ref: string): SchedulingPolicyRecord {
    if (!queue.schedulingPolicy) {
      throw new ClientException(`schedulingPolicyArn: job queue ${queue.name} was created without a scheduling policy (FIFO); `
        + 'a policy can only be given when a queue is created (FS-2)');
    }
    return this.registry.schedulingPolicy(ref, 'schedulingPolicyArn');
  }

  /** AWS: the queue must be DISABLED; its unfinished jobs are terminated. */
  deleteJobQueue(ref: string): void {
    const queue = this.registry.jobQueue(ref);
    if (queue.state !== 'DISABLED') {
      throw new ClientException(`jobQueue: ${queue.name} is ${queue.state}; disable it with UpdateJobQueue before deleting it`);
    }
    this.registry.removeJobQueue(queue);
    const unfinished = [...this.jobs.allJobs()].filter((job) => job.spec.queue === queue && !isTerminal(job.status));
    for (const job of unfinished) {
      this.jobs.terminateJob(job.jobId, `Job queue ${queue.name} was deleted`);
    }
  }

  // ---- job definitions --------------------------------------------------------------------------

  registerJobDefinition(request: RegisterJobDefinitionRequest): JobDefinitionRecord {
    const valid = asClientException(() => validateRegisterJobDefinition(request));
    const consumableResourceProperties = resolveConsumableResources(this.registry.consumableResources, 'consumableResourceProperties',
      request.consumableResourceProperties, request.nodeProperties);
    return this.registry.storeJobDefinition({
      name: request.jobDefinitionName,
      status: 'ACTIVE',
      type: valid.type,
      parameters: { ...(request.parameters ?? {}) },
      containerProperties: request.containerProperties,
      nodeProperties: request.nodeProperties,
      ecsProperties: request.ecsProperties,
      eksProperties: request.eksProperties,
      retryStrategy: request.retryStrategy,
      timeout: request.timeout,
      tags: { ...(request.tags ?? {}) },
      propagateTags: request.propagateTags ?? false,
      platformCapabilities: valid.platformCapabilities,
      schedulingPriority: request.schedulingPriority,
      ...(consumableResourceProperties !== undefined ? { consumableResourceProperties } : {}),
    });
  }

  /**
   * `jobDefinitions` (name:revision, ARN, or a bare name for all revisions) stands alone, as the API
   * documents; otherwise `jobDefinitionName` and `status` filter all revisions.
   */
  describeJobDefinitions(request: DescribeJobDefinitionsRequest = {}): DescribeJobDefinitionsResponse {
    const status = request.status === undefined ? undefined : asClientException(() => oneOf('status', request.status, ['ACTIVE', 'INACTIVE'] as const, 'API'));
    let selected: JobDefinitionRecord[];
    if (request.jobDefinitions !== undefined) {
      if (request.jobDefinitionName !== undefined) {
        throw new ClientException('jobDefinitions: cannot be combined with jobDefinitionName; give one or the other');
      }
      const lists = this.explicitSelection('jobDefinitions', request.jobDefinitions, request.nextToken,
        (ref) => {
          const parsed = parseDefinitionRef(ref);
          return parsed.revision === undefined ? this.registry.jobDefinitionRevisions(parsed.name) : this.registry.findJobDefinitionRevision(ref);
        });
      selected = lists.flat();
    } else {
      selected = request.jobDefinitionName !== undefined
        ? this.registry.jobDefinitionRevisions(request.jobDefinitionName)
        : this.registry.listJobDefinitions();
    }
    if (status !== undefined) selected = selected.filter((definition) => definition.status === status);
    const page = pageOf(selected, 'DescribeJobDefinitions', request.maxResults, request.nextToken);
    return withToken({ jobDefinitions: page.items.map(describeJobDefinition) }, page.nextToken);
  }

  /** The revision becomes INACTIVE: no new jobs, jobs already submitted run on (idempotent). */
  deregisterJobDefinition(ref: string): void {
    if (typeof ref === 'string' && parseDefinitionRef(ref).revision === undefined) {
      throw new ClientException(`jobDefinition: ${JSON.stringify(ref)} names no revision; give name:revision or the job definition ARN`);
    }
    const definition = this.registry.findJobDefinitionRevision(ref);
    if (!definition) throw new ClientException(`jobDefinition: unknown job definition ${JSON.stringify(ref)}`);
    definition.status = 'INACTIVE';
  }

  // ---- tags -------------------------------------------------------------------------------------

  tagResource(resourceArn: string, tags: Record<string, string>): void {
    const target = this.taggable(resourceArn);
    const merged = asClientException(() => {
      validateTags('tags', tags);
      if (Object.keys(tags).length === 0) throw new ClientException('tags: give at least one tag');
      return mergeTags('tags', target, tags);
    });
    Object.assign(target, merged);
  }

  untagResource(resourceArn: string, tagKeys: string[]): void {
    const target = this.taggable(resourceArn);
    asClientException(() => {
      if (!Array.isArray(tagKeys) || tagKeys.length === 0) throw new ClientException('tagKeys: give at least one tag key');
      tagKeys.forEach((key, index) => validateTagKey(`tagKeys[${index}]`, key));
    });
    for (const key of tagKeys) delete target[key];
  }

  listTagsForResource(resourceArn: string): Record<string, string> {
    return { ...this.taggable(resourceArn) };
  }

  /** The live tag map of the resource an ARN names: CE, queue, job definition revision, scheduling policy, consumable resource (PLAT-4) or job. */
  private taggable(resourceArn: string): Record<string, string> {
    const parsed = typeof resourceArn === 'string' ? parseBatchArn(resourceArn) : undefined;
    const unknown = (): never => {
      throw new ClientException(`resourceArn: ${JSON.stringify(resourceArn)} names no compute environment, job queue, job definition, scheduling policy, consumable resource or job of this endpoint`);
    };
    switch (parsed?.type) {
      case 'compute-environment': return (this.registry.findComputeEnvironment(resourceArn) ?? unknown()).tags;
      case 'job-queue': return (this.registry.findJobQueue(resourceArn) ?? unknown()).tags;
      case 'job-definition': return (this.registry.findJobDefinitionRevision(resourceArn) ?? unknown()).tags;
      case 'scheduling-policy': return (this.registry.findSchedulingPolicy(resourceArn) ?? unknown()).tags;
      case 'consumable-resource': return (this.registry.consumableResources.find(resourceArn) ?? unknown()).tags;
      case 'job': {
        if (/[:#]/.test(parsed.name)) {
          throw new ClientException(`resourceArn: ${JSON.stringify(resourceArn)} is an array or multi-node child; tag the parent job instead`);
        }
        return (this.jobs.job(parsed.name) ?? unknown()).spec.tags;
      }
      default: return unknown();
    }
  }

  /** Explicitly named resources: at most 100, no paging token; unknown names are left out, as on AWS. */
  private explicitSelection<T>(field: string, refs: string[], nextToken: string | undefined, find: (ref: string) => T | undefined): T[] {
    if (!Array.isArray(refs) || refs.length > MAX_DESCRIBE_RESULTS) {
      throw new ClientException(`${field}: ${Array.isArray(refs) ? refs.length : JSON.stringify(refs)} entries given, at most ${MAX_DESCRIBE_RESULTS} are allowed`);
    }
    if (nextToken !== undefined) {
      throw new ClientException(`nextToken: cannot be combined with ${field}; paging applies to the full listing only`);
    }
    return refs.map(find).filter((found): found is T => found !== undefined);
  }
}

function withToken<T extends object>(response: T, nextToken: string | undefined): T & { nextToken?: string } {
  return nextToken === undefined ? response : { ...response, nextToken };
}
