import { Clock } from './clock';
import { ClientException } from './errors';
import { EventLoop } from './event-loop';
import { JobRunner } from './executor';
import { IdGenerator } from './id-generator';
import { JobDetail, ListJobsRequest, ListJobsResponse, SubmitJobRequest, SubmitJobResponse } from '../shapes';
import { AttemptExecution } from './jobs/attempt-execution';
import { containerDemand, effectiveContainer, mergeEnvironment } from './jobs/container-launch';
import { JobRecord, JobSpec } from './jobs/job-record';
import { isTerminal, isTransitionAllowed, JobStatus } from './jobs/job-status';
import { describeJob } from './jobs/job-view';
import { listJobs } from './jobs/list-jobs';
import { BATCH_LOG_GROUP, LogStore } from './logging/log-store';
import { batchArn, DEFAULT_ENVIRONMENT, Environment } from './model/arns';
import { ComputeEnvironmentRecord, JobDefinitionRecord, JobQueueRecord } from './model/records';
import { CreateComputeEnvironmentRequest, CreateJobQueueRequest, RegisterJobDefinitionRequest } from './model/requests';
import { ResourceRegistry } from './model/resource-registry';
import { CapacityModel, Placement } from './scheduling/capacity';
import { Scheduler } from './scheduling/scheduler';
import { VcpuPoolCapacity } from './scheduling/vcpu-pool-capacity';

/** Told of every job state change (EVT-1 is built on this). */
export interface JobStateListener {
  onJobStateChange(job: JobRecord, previous: JobStatus): void;
}

export interface BatchBackendOptions {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly runner: JobRunner;
  readonly environment?: Environment;
  readonly capacity?: CapacityModel;
  /** SCHED-1 scan depth. @default 100 */
  readonly schedulerScanDepth?: number;
  /** Delay between placement (STARTING) and RUNNING, in ms. @default 0 */
  readonly containerStartDelayMs?: number;
}

/**
 * The AWS Batch backend: the one path every caller (template loader, facade, HTTP API, EventBridge
 * targets) goes through. Validation happens before any state changes, so a rejected request changes nothing.
 */
export class BatchBackend {
  readonly loop: EventLoop;
  readonly logs = new LogStore();
  readonly registry: ResourceRegistry;
  readonly environment: Environment;
  private readonly jobs = new Map<string, JobRecord>();
  private readonly jobsByQueue = new Map<JobQueueRecord, JobRecord[]>();
  private readonly listeners: JobStateListener[] = [];
  private readonly scheduler: Scheduler;
  private readonly execution: AttemptExecution;
  private nextSequence = 0;
  private readonly ids: IdGenerator;

  constructor(options: BatchBackendOptions) {
    this.loop = new EventLoop(options.clock);
    this.ids = options.ids;
    this.environment = options.environment ?? DEFAULT_ENVIRONMENT;
    this.registry = new ResourceRegistry(this.environment);
    this.scheduler = new Scheduler(
      this.loop,
      options.capacity ?? new VcpuPoolCapacity(),
      { jobPlaced: (job, placement) => this.jobPlaced(job, placement) },
      { scanDepth: options.schedulerScanDepth ?? 100 },
      (job) => containerDemand(effectiveContainer(job)),
    );
    this.execution = new AttemptExecution({
      loop: this.loop,
      runner: options.runner,
      logs: this.logs,
      environment: this.environment,
      startDelayMs: options.containerStartDelayMs ?? 0,
      ids: this.ids,
      transition: (job, to, reason) => this.transition(job, to, reason),
      attemptFinished: (job, retry) => this.attemptFinished(job, retry),
    });
  }

  // ---- registry operations ---------------------------------------------------------------------

  createComputeEnvironment(request: CreateComputeEnvironmentRequest): ComputeEnvironmentRecord {
    return this.registry.addComputeEnvironment(request);
  }

  createJobQueue(request: CreateJobQueueRequest): JobQueueRecord {
    return this.registry.addJobQueue(request);
  }

  registerJobDefinition(request: RegisterJobDefinitionRequest): JobDefinitionRecord {
    return this.registry.addJobDefinition(request);
  }

  // ---- job operations --------------------------------------------------------------------------

  submitJob(request: SubmitJobRequest): SubmitJobResponse {
    const spec = this.buildSpec(request);
    const dependencies = (request.dependsOn ?? []).map((dependency, index) => {
      const found = dependency.jobId !== undefined ? this.jobs.get(dependency.jobId) : undefined;
      if (!found) {
        throw new ClientException(`dependsOn[${index}].jobId: unknown job ${JSON.stringify(dependency.jobId)} (DEP-6)`);
      }
      return found;
    });

    const jobId = this.ids.nextUuid();
    const job = new JobRecord(jobId, batchArn(this.environment, 'job', jobId), spec, this.loop.now(), this.nextSequence++);
    this.jobs.set(jobId, job);
    let queueJobs = this.jobsByQueue.get(spec.queue);
    if (!queueJobs) this.jobsByQueue.set(spec.queue, queueJobs = []);
    queueJobs.push(job);

    for (const dependency of dependencies) {
      if (dependency.status === 'FAILED') {job.failedDependency ??= dependency.jobId;} else if (dependency.status !== 'SUCCEEDED') {
        job.unfinishedDependencies++;
        dependency.dependents.push(job);
      }
    }
    // AWS moves a job out of SUBMITTED asynchronously: the caller sees SUBMITTED first (LIFE-1).
    this.loop.after(0, () => this.leaveSubmitted(job));
    return { jobArn: job.arn, jobName: spec.jobName, jobId };
  }

  describeJobs(jobIds: string[]): JobDetail[] {
    if (jobIds.length > 100) {
      throw new ClientException(`jobs: ${jobIds.length} job ids given, at most 100 are allowed (LIST-2)`);
    }
    return jobIds.map((id) => this.jobs.get(id)).filter((job): job is JobRecord => job !== undefined).map(describeJob);
  }

  listJobs(request: ListJobsRequest): ListJobsResponse {
    const queue = request.jobQueue !== undefined ? this.registry.jobQueue(request.jobQueue) : undefined;
    return listJobs(request, queue ? this.jobsByQueue.get(queue) ?? [] : [...this.jobs.values()]);
  }

  /** LIFE-7: SUBMITTED/RUNNABLE jobs fail now, PENDING ones once their dependencies finish; later states are untouched. */
  cancelJob(jobId: string, reason: string): void {
    const job = this.requireJob(jobId);
    this.cancel(job, reason, false);
  }

  /** LIFE-7: like cancel, and STARTING/RUNNING jobs are stopped (SIGTERM, then SIGKILL after 30 s). */
  terminateJob(jobId: string, reason: string): void {
    const job = this.requireJob(jobId);
    if (job.status === 'STARTING' || job.status === 'RUNNING') {
      job.isTerminated = true;
      this.execution.terminate(job, reason);
    } else {
      this.cancel(job, reason, true);
    }
  }

  job(jobId: string): JobRecord | undefined {
    return this.jobs.get(jobId);
  }

  allJobs(): IterableIterator<JobRecord> {
    return this.jobs.values();
  }

  addJobStateListener(listener: JobStateListener): void {
    this.listeners.push(listener);
  }

  /** Log lines of the job's latest attempt (LOG-1). */
  jobLogLines(jobId: string): string[] {
    const stream = this.requireJob(jobId).currentAttempt?.logStreamName;
    if (!stream) return [];
    return (this.logs.events(BATCH_LOG_GROUP, stream) ?? []).map((event) => event.message);
  }

  // ---- internals -------------------------------------------------------------------------------

  private requireJob(jobId: string): JobRecord {
    const job = this.jobs.get(jobId);
    if (!job) throw new ClientException(`jobId: unknown job ${JSON.stringify(jobId)}`);
    return job;
  }

  private buildSpec(request: SubmitJobRequest): JobSpec {
    const queue = this.registry.jobQueue(request.jobQueue);
    if (queue.state === 'DISABLED') {
      throw new ClientException(`jobQueue: job queue ${queue.name} is DISABLED and accepts no new jobs (LIFE-8)`);
    }
    const definition = this.registry.jobDefinition(request.jobDefinition);
    if (definition.status !== 'ACTIVE') {
      throw new ClientException(`jobDefinition: ${definition.name}:${definition.revision} is INACTIVE`);
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/.test(request.jobName ?? '')) {
      throw new ClientException(`jobName: ${JSON.stringify(request.jobName)} is invalid: 1..128 characters, first alphanumeric, then letters, digits, - and _ (LIM-8)`);
    }
    const retry = request.retryStrategy ?? definition.retryStrategy;
    return {
      jobName: request.jobName,
      queue,
      definition,
      parameters: { ...definition.parameters, ...(request.parameters ?? {}) },
      containerOverrides: request.containerOverrides,
      dependsOn: (request.dependsOn ?? []).map((d) => ({ ...d })),
      attempts: retry?.attempts ?? 1,
      evaluateOnExit: retry?.evaluateOnExit,
      attemptDurationSeconds: request.timeout?.attemptDurationSeconds ?? definition.timeout?.attemptDurationSeconds,
      tags: { ...(request.propagateTags ?? definition.propagateTags ? definition.tags : {}), ...(request.tags ?? {}) },
      propagateTags: request.propagateTags ?? definition.propagateTags,
      shareIdentifier: request.shareIdentifier,
      schedulingPriority: request.schedulingPriorityOverride,
      environment: mergeEnvironment(definition.containerProperties?.environment, request.containerOverrides?.environment),
    };
  }

  private leaveSubmitted(job: JobRecord): void {
    if (job.status !== 'SUBMITTED') return; // cancelled meanwhile
    if (job.failedDependency !== undefined) {
      // DEP-2: PENDING -> FAILED without running.
      this.transition(job, 'PENDING');
      this.finish(job, 'FAILED', `Dependent Job failed: ${job.failedDependency}`);
    } else if (job.unfinishedDependencies > 0) {
      this.transition(job, 'PENDING');
    } else {
      this.makeRunnable(job);
    }
  }

  private makeRunnable(job: JobRecord): void {
    this.transition(job, 'RUNNABLE');
    this.scheduler.enqueue(job);
  }

  private jobPlaced(job: JobRecord, placement: Placement): void {
    this.execution.start(job, placement);
  }

  /** Called by attempt execution once an attempt has ended and its capacity is released. */
  private attemptFinished(job: JobRecord, retry: boolean): void {
    this.scheduler.requestPass();
    if (retry) {
      this.makeRunnable(job);
    }
  }

  private cancel(job: JobRecord, reason: string, terminated: boolean): void {
    if (job.status === 'SUBMITTED' || job.status === 'RUNNABLE') {
      job.isCancelled = true;
      job.isTerminated = terminated;
      this.finish(job, 'FAILED', reason);
    } else if (job.status === 'PENDING') {
      job.cancelReason = reason;
      job.isTerminated = terminated;
    }
  }

  /** Sets a terminal state and releases the jobs waiting for this one (DEP-1, DEP-2). */
  finish(job: JobRecord, status: 'SUCCEEDED' | 'FAILED', reason?: string): void {
    job.stoppedAt = this.loop.now();
    this.transition(job, status, reason);
  }

  private transition(job: JobRecord, to: JobStatus, reason?: string): void {
    const previous = job.status;
    if (!isTransitionAllowed(previous, to)) {
      throw new Error(`internal: job ${job.jobId} cannot go from ${previous} to ${to}`);
    }
    job.status = to;
    if (reason !== undefined) job.statusReason = reason;
    if (to === 'SUCCEEDED' || to === 'FAILED') {
      if (job.stoppedAt === undefined) job.stoppedAt = this.loop.now();
    }
    for (const listener of this.listeners) listener.onJobStateChange(job, previous);
    if (isTerminal(to)) this.releaseDependents(job);
  }

  private releaseDependents(job: JobRecord): void {
    for (const dependent of job.dependents) {
      if (dependent.status !== 'PENDING' && dependent.status !== 'SUBMITTED') continue;
      if (job.status === 'FAILED') {
        if (dependent.status === 'SUBMITTED') {
          dependent.failedDependency ??= job.jobId; // leaveSubmitted fails it (DEP-2)
          continue;
        }
        this.finish(dependent, 'FAILED', `Dependent Job failed: ${job.jobId}`);
        continue;
      }
      dependent.unfinishedDependencies--;
      if (dependent.unfinishedDependencies === 0 && dependent.status === 'PENDING') {
        if (dependent.cancelReason !== undefined) {
          dependent.isCancelled = true;
          this.finish(dependent, 'FAILED', dependent.cancelReason);
        } else {
          this.makeRunnable(dependent);
        }
      }
    }
  }
}
