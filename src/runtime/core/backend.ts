import { BatchBackendOptions } from './backend-options';
import { JobDetail, ListJobsRequest, ListJobsResponse, SubmitJobRequest, SubmitJobResponse } from '../shapes';
import { hostTerminatedReason } from './capacity/capacity-listener';
import { InstanceCapacity } from './capacity/instance-capacity';
import { backendCheckpointParts } from './checkpoint/backend-checkpoint';
import { CheckpointPart } from './checkpoint/checkpoint-part';
import { ConsumableResources } from './consumable-resources';
import { ExplainContext, explainJob } from './diagnostics/explain-job';
import { JobStateTimeLimits } from './diagnostics/job-state-time-limits';
import { permanentStall } from './diagnostics/permanent-stall';
import { ClientException } from './errors';
import { EventLoop } from './event-loop';
import { JobRunner } from './executor';
import { IdGenerator } from './id-generator';
import { JobFlow } from './job-flow';
import { AttemptExecution } from './jobs/attempt-execution';
import { jobDemand } from './jobs/container-launch';
import { JobIndex } from './jobs/job-index';
import { JobLifecycle, JobStateListener } from './jobs/job-lifecycle';
import { JobRecord } from './jobs/job-record';
import { JobRetention } from './jobs/job-retention';
import { JobSpecBuilder } from './jobs/job-spec-builder';
import { JobSubmitter } from './jobs/job-submitter';
import { describeJob } from './jobs/job-view';
import { listJobs } from './jobs/list-jobs';
import { livePlacements } from './jobs/lost-hosts';
import { MultiNodeCoordinator } from './jobs/multi-node';
import { SubmittedJobs } from './jobs/submitted-jobs';
import { BATCH_LOG_GROUP, LogStore } from './logging/log-store';
import { DEFAULT_ENVIRONMENT, Environment } from './model/arns';
import { ComputeEnvironmentRecord, JobDefinitionRecord, JobQueueRecord, SchedulingPolicyRecord } from './model/records';
import { RegistryOperations } from './model/registry-operations';
import {
  CreateComputeEnvironmentRequest, CreateJobQueueRequest, RegisterJobDefinitionRequest,
  DescribeComputeEnvironmentsRequest, DescribeJobDefinitionsRequest, DescribeJobQueuesRequest, UpdateComputeEnvironmentRequest, UpdateJobQueueRequest,
  CreateSchedulingPolicyRequest, ListSchedulingPoliciesRequest, UpdateSchedulingPolicyRequest,
} from './model/requests';
import { ResourceRegistry } from './model/resource-registry';
import {
  ComputeEnvironmentIdentity, DescribeComputeEnvironmentsResponse, DescribeJobDefinitionsResponse, DescribeJobQueuesResponse, JobQueueIdentity,
  ListSchedulingPoliciesResponse, SchedulingPolicyDetail,
} from './model/responses';
import { SchedulingPolicyOperations } from './model/scheduling-policy-operations';
import { JobQueueSnapshot, queueSnapshot, SNAPSHOT_SIZE } from './scheduling/queue-snapshot';
import { Scheduler } from './scheduling/scheduler';
import { CapacityModel, Placement } from './types/placement';

export type { JobStateListener } from './jobs/job-lifecycle';
export type { BatchBackendOptions } from './backend-options';

/**
 * The AWS Batch backend: the one path every caller (template loader, facade, HTTP API, EventBridge
 * targets) goes through. Validation happens before any state changes, so a rejected request changes nothing.
 */
export class BatchBackend {
  readonly loop: EventLoop;
  readonly logs = new LogStore();
  readonly registry: ResourceRegistry;
  readonly environment: Environment;
  private readonly jobs = new JobIndex();
  private readonly lifecycle: JobLifecycle;
  private readonly retention: JobRetention;
  private readonly scheduler: Scheduler;
  private readonly registryOperations: RegistryOperations;
  /** The capacity model (instances, scaling, bin-packing). */
  readonly capacity: CapacityModel;
  private readonly execution: AttemptExecution;
  private readonly multiNode: MultiNodeCoordinator;
  private readonly timeLimits: JobStateTimeLimits;
  /** The seams between lifecycle, scheduling, execution, capacity and time limits. */
  private readonly flow: JobFlow;
  private readonly explainContext: ExplainContext;
  private readonly ids: IdGenerator;
  private readonly runner: JobRunner;
  private readonly specs: JobSpecBuilder;
  private readonly submitted: SubmittedJobs;
  private readonly submitter: JobSubmitter;
  private readonly schedulingPolicies: SchedulingPolicyOperations;
  /** PLAT-4: Create/Describe/List/Update/DeleteConsumableResource and ListJobsByConsumableResource. */
  readonly consumableResources: ConsumableResources;

  constructor(options: BatchBackendOptions) {
    this.loop = new EventLoop(options.clock);
    this.ids = options.ids;
    this.runner = options.runner;
    this.environment = options.environment ?? DEFAULT_ENVIRONMENT;
    this.registry = new ResourceRegistry(this.environment);
    this.registryOperations = new RegistryOperations(this.registry, this);
    this.schedulingPolicies = new SchedulingPolicyOperations(this.registry);
    this.specs = new JobSpecBuilder(this.registry);
    const jobs = this.jobs;
    this.retention = new JobRetention((options.finishedJobRetentionSeconds ?? 7 * 24 * 3600) * 1000, (job) => jobs.remove(job));
    // The parts are built in dependency order, each with the flow as its typed view of the others;
    // the flow gets them all at the end (see JobFlow for why the cycle needs one such step).
    const flow = this.flow = new JobFlow(this.loop, this.retention);
    this.lifecycle = new JobLifecycle(flow);
    this.submitted = new SubmittedJobs(this.loop, this.lifecycle, options.maxSubmittedJobs);
    this.multiNode = new MultiNodeCoordinator(flow, this.registry.consumableResources);
    this.capacity = options.capacity ?? new InstanceCapacity(this.loop, flow, options.capacityOptions);
    this.consumableResources = new ConsumableResources(this.registry.consumableResources, {
      loop: this.loop,
      jobs: () => this.allJobs(),
      quantitiesChanged: () => this.scheduler.refreshHeads(),
    });
    const consumables = this.consumableResources.gate;
    this.scheduler = new Scheduler(this.loop, this.capacity, flow, { scanDepth: options.schedulerScanDepth ?? 100 }, jobDemand, consumables);
    this.explainContext = { scheduler: this.scheduler, capacity: this.capacity, demandOf: jobDemand, job: (id) => this.job(id), consumables };
    this.timeLimits = new JobStateTimeLimits(this.loop, this.explainContext, flow, (id) => this.job(id));
    this.execution = new AttemptExecution({
      loop: this.loop,
      runner: options.runner,
      logs: this.logs,
      environment: this.environment,
      startDelayMs: options.containerStartDelayMs ?? 0,
      ids: this.ids,
      job: (id) => this.job(id),
    }, flow);
    flow.connect({
      lifecycle: this.lifecycle,
      multiNode: this.multiNode,
      scheduler: this.scheduler,
      execution: this.execution,
      timeLimits: this.timeLimits,
      explain: this.explainContext,
    });
    this.submitter = new JobSubmitter({
      loop: this.loop,
      ids: this.ids,
      environment: this.environment,
      index: this.jobs,
      specs: this.specs,
      retention: this.retention,
      submitted: this.submitted,
      dependencies: this.lifecycle,
      multiNode: this.multiNode,
      listener: flow,
      admission: this.scheduler,
      consumables: this.registry.consumableResources,
    });
  }

  // ---- registry operations ---------------------------------------------------------------------

  // Implemented in model/registry-operations.ts (validation first, then state); these only delegate.

  createComputeEnvironment(request: CreateComputeEnvironmentRequest): ComputeEnvironmentRecord {
    const record = this.registryOperations.createComputeEnvironment(request);
    this.capacity.computeEnvironmentCreated?.(record);
    return record;
  }

  describeComputeEnvironments(request: DescribeComputeEnvironmentsRequest = {}): DescribeComputeEnvironmentsResponse {
    return this.registryOperations.describeComputeEnvironments(request);
  }

  updateComputeEnvironment(request: UpdateComputeEnvironmentRequest): ComputeEnvironmentIdentity {
    const identity = this.registryOperations.updateComputeEnvironment(request);
    this.capacity.computeEnvironmentUpdated?.(this.registry.computeEnvironment(identity.computeEnvironmentName!));
    this.scheduler.refreshHeads(); // the reasons of stuck jobs may have changed (DIAG-2)
    return identity;
  }

  deleteComputeEnvironment(computeEnvironment: string): void {
    this.registryOperations.deleteComputeEnvironment(computeEnvironment);
  }

  createJobQueue(request: CreateJobQueueRequest): JobQueueRecord {
    return this.registryOperations.createJobQueue(request);
  }

  describeJobQueues(request: DescribeJobQueuesRequest = {}): DescribeJobQueuesResponse {
    return this.registryOperations.describeJobQueues(request);
  }

  updateJobQueue(request: UpdateJobQueueRequest): JobQueueIdentity {
    const identity = this.registryOperations.updateJobQueue(request);
    this.scheduler.refreshHeads(); // new order, priority or compute environments: place and diagnose again
    return identity;
  }

  deleteJobQueue(jobQueue: string): void {
    this.registryOperations.deleteJobQueue(jobQueue);
  }

  registerJobDefinition(request: RegisterJobDefinitionRequest): JobDefinitionRecord {
    return this.registryOperations.registerJobDefinition(request);
  }

  describeJobDefinitions(request: DescribeJobDefinitionsRequest = {}): DescribeJobDefinitionsResponse {
    return this.registryOperations.describeJobDefinitions(request);
  }

  deregisterJobDefinition(jobDefinition: string): void {
    this.registryOperations.deregisterJobDefinition(jobDefinition);
  }

  tagResource(resourceArn: string, tags: Record<string, string>): void {
    this.registryOperations.tagResource(resourceArn, tags);
  }

  untagResource(resourceArn: string, tagKeys: string[]): void {
    this.registryOperations.untagResource(resourceArn, tagKeys);
  }

  listTagsForResource(resourceArn: string): Record<string, string> {
    return this.registryOperations.listTagsForResource(resourceArn);
  }

  // ---- scheduling policies (FS-1) and queue snapshots (FS-8); implemented in model/scheduling-policy-operations.ts

  createSchedulingPolicy(request: CreateSchedulingPolicyRequest): SchedulingPolicyRecord {
    return this.schedulingPolicies.create(request);
  }

  describeSchedulingPolicies(arns: string[]): SchedulingPolicyDetail[] {
    return this.schedulingPolicies.describe(arns);
  }

  listSchedulingPolicies(request: ListSchedulingPoliciesRequest = {}): ListSchedulingPoliciesResponse {
    return this.schedulingPolicies.list(request);
  }

  updateSchedulingPolicy(request: UpdateSchedulingPolicyRequest): void {
    this.schedulingPolicies.update(request);
    this.scheduler.refreshHeads(); // new weights: place and diagnose again
  }

  deleteSchedulingPolicy(arn: string): void {
    const queuesUsing = (policy: SchedulingPolicyRecord): string[] =>
      this.registry.listJobQueues().filter((queue) => queue.schedulingPolicy === policy).map((queue) => queue.name);
    this.schedulingPolicies.delete(arn, queuesUsing);
  }

  /** FS-8: the first 100 RUNNABLE jobs of a queue in the order the scheduler would take them now. */
  getJobQueueSnapshot(jobQueue: string): JobQueueSnapshot {
    const queue = this.registry.jobQueue(jobQueue);
    return queueSnapshot(this.scheduler.snapshot(queue, SNAPSHOT_SIZE), this.loop.now());
  }

  // ---- job operations --------------------------------------------------------------------------

  submitJob(request: SubmitJobRequest): SubmitJobResponse {
    return this.submitter.submit(request);
  }

  /** `count` SubmitJob calls of one request at once, sharing its validation and specification (see JobSubmitter.submitCopies). */
  submitJobCopies(request: SubmitJobRequest, count: number, onSubmitted?: (jobId: string) => void): void {
    this.submitter.submitCopies(request, count, onSubmitted);
  }

  describeJobs(jobIds: string[]): JobDetail[] {
    if (jobIds.length > 100) {
      throw new ClientException(`jobs: ${jobIds.length} job ids given, at most 100 are allowed (LIST-2)`);
    }
    this.retention.purge(this.loop.now());
    return jobIds.map((id) => this.job(id)).filter((job): job is JobRecord => job !== undefined).map(describeJob);
  }

  listJobs(request: ListJobsRequest): ListJobsResponse {
    this.retention.purge(this.loop.now());
    if (request.jobQueue !== undefined) {
      const queue = this.registry.jobQueue(request.jobQueue);
      return listJobs(request, this.jobs.inQueue(queue));
    }
    const parentId = request.arrayJobId ?? request.multiNodeJobId;
    const parent = parentId !== undefined ? this.job(parentId) : undefined;
    return listJobs(request, (request.arrayJobId !== undefined ? parent?.children : parent?.nodes) ?? []);
  }

  /** LIFE-7: SUBMITTED/RUNNABLE jobs fail now, PENDING ones once their dependencies finish; later states are untouched. */
  cancelJob(jobId: string, reason: string): void {
    validateReason(reason);
    this.lifecycle.cancel(this.requireJob(jobId), reason, false);
    this.scheduler.requestPass(); // a cancelled head makes way for the next job (DIAG-4)
  }

  /** LIFE-7: like cancel, and STARTING/RUNNING jobs are stopped (SIGTERM, then SIGKILL after 30 s). */
  terminateJob(jobId: string, reason: string): void {
    validateReason(reason);
    this.flow.terminate(this.requireJob(jobId), reason);
    this.scheduler.requestPass();
  }

  /** A job by id, array children (`parent:i`) included. */
  job(jobId: string): JobRecord | undefined {
    return this.jobs.get(jobId);
  }

  /**
   * Whether a submitted job is not yet SUCCEEDED or FAILED. Without one, the pending events are only
   * housekeeping (scale-down, schedules), which a wall-clock driver lets the process exit on.
   */
  hasActiveJobs(): boolean {
    return this.flow.hasActiveJobs();
  }

  allJobs(): IterableIterator<JobRecord> {
    return this.jobs.all();
  }

  /**
   * The top-level jobs of a queue still describable (LIFE-4), oldest first: what ListJobs by queue
   * selects from. For views that count or page a queue's jobs themselves (the local console).
   */
  jobsInQueue(jobQueue: string): JobRecord[] {
    this.retention.purge(this.loop.now());
    return this.jobs.inQueue(this.registry.jobQueue(jobQueue));
  }

  /**
   * What a checkpoint (serve --state-dir) carries: the retained jobs, their log streams, the
   * counters ids continue from, and every part the capacity model has. Not the registry: it is
   * rebuilt by replaying the requests that changed it. See CheckpointPart.
   */
  checkpointParts(): CheckpointPart[] {
    return backendCheckpointParts({
      jobs: this.jobs,
      retention: this.retention,
      execution: this.execution,
      logs: this.logs,
      registry: this.registry,
      flow: this.flow,
      scheduler: this.scheduler,
      capacity: this.capacity,
      timeLimits: this.timeLimits,
      loop: this.loop,
      runner: this.runner,
      consumableResources: this.consumableResources,
    });
  }

  /**
   * A checkpoint may be taken now: every part can carry what it holds. Unfinished jobs and their
   * pending events are carried (live work, #21 §2) where their kind is (see liveWorkCheckpointPart):
   * a multi-node job, say, still postpones the checkpoint until it ends. Nothing of the current
   * millisecond may be left to run (a zero-delay scheduling pass).
   */
  atRest(parts: readonly CheckpointPart[] = this.checkpointParts()): boolean {
    return parts.every((part) => part.atRest?.() ?? true);
  }

  addJobStateListener(listener: JobStateListener): void {
    this.lifecycle.addListener(listener);
  }

  /**
   * RETRY-3 for the runtime's own restart (a durable endpoint coming back): every STARTING or RUNNING
   * attempt was on a host that is gone, so each fails with `Host EC2 (instance i-...) terminated.`
   * and is retried per its retry strategy, as AWS does when it loses an instance. Instances with
   * attempts are terminated (the fleet replaces them). Returns the number of attempts ended.
   */
  recoverLostHosts(): number {
    const placements = livePlacements(this.jobs.all());
    const instances = new Map<string, Placement>();
    for (const placement of placements) {
      if (this.capacity instanceof InstanceCapacity && placement.instanceId !== undefined) {
        instances.set(`${placement.computeEnvironment.name}\0${placement.instanceId}`, placement);
      } else {
        this.execution.hostTerminated([placement], hostTerminatedReason(placement.instanceId ?? placement.containerInstanceArn.split('/').pop()!));
      }
    }
    for (const placement of instances.values()) {
      (this.capacity as InstanceCapacity).terminateInstance(placement.computeEnvironment.name, placement.instanceId!);
    }
    this.scheduler.requestPass();
    return placements.length;
  }

  /** The first RUNNABLE job of the queue (SCHED-1), if any: what a report says a blocked queue waits for. */
  runnableHead(queueName: string): JobRecord | undefined {
    return this.scheduler.runnableHead(this.registry.jobQueue(queueName, 'jobQueue'));
  }

  /** DIAG-2: why the job is where it is. */
  explainJob(jobId: string): string {
    return explainJob(this.requireJob(jobId), this.explainContext);
  }

  /**
   * DIAG-2: when nothing inside the runtime can move the job on any more (it, or a job it waits on,
   * can never be placed; see `permanentStall`), why, as explainJob says it of that job; else undefined.
   */
  permanentStallReason(jobId: string): string | undefined {
    const blocker = permanentStall(this.requireJob(jobId), this.explainContext);
    return blocker && explainJob(blocker, this.explainContext);
  }

  /** Log lines of the job's latest attempt (LOG-1). */
  jobLogLines(jobId: string): string[] {
    const stream = this.requireJob(jobId).currentAttempt?.logStreamName;
    if (!stream) return [];
    return (this.logs.events(BATCH_LOG_GROUP, stream) ?? []).map((event) => event.message);
  }

  // ---- internals -------------------------------------------------------------------------------

  private requireJob(jobId: string): JobRecord {
    const job = this.job(jobId);
    if (!job) throw new ClientException(`jobId: unknown job ${JSON.stringify(jobId)}`);
    return job;
  }

}

function validateReason(reason: string): void {
  if (typeof reason !== 'string' || reason.length > 1024) {
    throw new ClientException(`reason: must be a string of at most 1024 characters, got ${typeof reason === 'string' ? `${reason.length} characters` : typeof reason} (LIFE-7)`);
  }
}
