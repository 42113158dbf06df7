import { Stack, Stage, Token } from 'aws-cdk-lib';
import { assembleRuntime } from './assembly/runtime-assembly';
import { BatchBackend } from './core/backend';
import { InstanceCapacity } from './core/capacity/instance-capacity';
import { EventLoop } from './core/event-loop';
import { JobRunner } from './core/executor';
import { describeJob } from './core/jobs/job-view';
import { BATCH_LOG_GROUP } from './core/logging/log-store';
import { isTerminal } from './core/model/job-status';
import { RealTimeDriver } from './drivers/real-time-driver';
import { LocalEventBridge } from './events/local-event-bridge';
import { PutEventsEntry, PutEventsResult } from './events/put-events/put-events-entry';
import { ILocalFunctionHandler } from './events/targets/local-function-handler';
import { TargetInvocation } from './events/targets/target-invocation';
import { JobExecutor } from './executors/job-executor';
import { IJobListener, LocalBatchRuntimeProps } from './local-batch-runtime-props';
import { attachReportCollector } from './report/attach-report';
import { PlanReport } from './report/plan-report';
import { PriceTable } from './report/price-table';
import { ReportCollector } from './report/report-collector';
import { ReportOptions } from './report/report-options';
import { capacityOptions, InstanceInfo } from './runtime-capacity';
import { UpdateComputeEnvironmentInput, UpdateJobQueueInput } from './runtime-update-inputs';
import { updateComputeEnvironment, updateJobQueue } from './runtime-updates';
import { RuntimeWarnings } from './runtime-warnings';
import { JobDetail, JobQueueSnapshot, ListJobsRequest, ListJobsResponse, SubmitJobRequest, SubmitJobResponse } from './shapes';
import { constructPathsOf } from './template/construct-paths';
import { CfnTemplate } from './template/intrinsic-resolver';
import { NestedTemplateSource } from './template/nested-stacks';
import { readTemplateFile } from './template/template-file';
import { LoadedTemplate } from './template/template-loader';

export * from './events/put-events/put-events-entry';
export * from './events/targets/target-invocation';
export * from './events/targets/local-function-handler';
export * from './runtime-logger';
export * from './local-batch-runtime-props';

function instanceCapacityOf(backend: BatchBackend): InstanceCapacity {
  const capacity = backend.capacity;
  if (!(capacity instanceof InstanceCapacity)) throw new Error('this runtime does not model instances');
  return capacity;
}

/**
 * Runs a synthesized CloudFormation template with AWS Batch semantics: the compute environments, job
 * queues and job definitions of the template become local resources; jobs are submitted, scheduled and
 * executed locally (as host processes or simulated in virtual time), and described with the AWS Batch
 * API's shapes.
 */
export class LocalBatchRuntime {
  /** Synthesizes the stack's app and loads that stack's template. */
  static fromStack(stack: Stack, props: LocalBatchRuntimeProps = {}): LocalBatchRuntime {
    const stage = Stage.of(stack);
    if (!stage) throw new Error(`Stack ${stack.node.path} is not part of an App or Stage; it cannot be synthesized`);
    const template = stage.synth().getStackArtifact(stack.artifactId).template;
    return new LocalBatchRuntime(template, {
      account: Token.isUnresolved(stack.account) ? undefined : stack.account,
      region: Token.isUnresolved(stack.region) ? undefined : stack.region,
      stackName: stack.stackName,
      ...props,
    }, stack);
  }

  /** Loads a CloudFormation template given as a JSON object. */
  static fromTemplate(template: any, props: LocalBatchRuntimeProps = {}): LocalBatchRuntime {
    return new LocalBatchRuntime(template, props);
  }

  /**
   * Loads a template file, or a cloud assembly directory (`cdk.out`): then `stackName` picks the stack,
   * unless the assembly has only one.
   */
  static fromTemplateFile(file: string, props: LocalBatchRuntimeProps = {}): LocalBatchRuntime {
    // JSON or YAML (CFN-1), nested stacks read from beside it (CFN-5), the stack name from the file's (CFN-7).
    const read = readTemplateFile(file, props.stackName);
    return new LocalBatchRuntime(read.template, { ...props, stackName: read.stackName }, undefined, read.nestedTemplates);
  }

  private readonly backend: BatchBackend;
  private readonly loaded: LoadedTemplate;
  private readonly driver?: RealTimeDriver;
  private readonly virtual: boolean;
  private readonly events: LocalEventBridge;
  private readonly runner: JobRunner;
  private readonly warningLog: RuntimeWarnings;
  private disposed = false;
  private readonly reportCollector?: ReportCollector;

  private constructor(template: CfnTemplate, props: LocalBatchRuntimeProps, private readonly stack?: Stack, nestedTemplates?: NestedTemplateSource) {
    const runner = this.runner = (props.executor ?? JobExecutor.process())._createRunner({
      kubernetesSecretsDirectory: props.kubernetesSecretsDirectory, persistentVolumesDirectory: props.persistentVolumesDirectory,
    });
    this.warningLog = new RuntimeWarnings(props.logger);
    let reportCollector: ReportCollector | undefined;
    const assembly = assembleRuntime({
      runner,
      clock: runner.realTime ? 'wall' : 'virtual',
      startEpochMs: props.startTime,
      seed: props.seed,
      environment: { account: props.account, region: props.region },
      schedulerScanDepth: props.schedulerScanDepth,
      capacityOptions: capacityOptions(props),
      finishedJobRetentionSeconds: props.finishedJobRetention?.toSeconds(),
      template: {
        template, stackName: props.stackName ?? 'LocalStack', parameters: props.parameters, imports: props.imports, nestedTemplates, constructPaths: stack && constructPathsOf(stack),
      },
      events: true,
      beforeLoad: (backend) => { if (props.collectReport) reportCollector = attachReportCollector(backend); }, // minvCpus instances launch while loading
      afterLoad: (backend, loaded) => {
        this.warningLog.report(loaded.warnings);
        this.warningLog.report(runner.bindRegistry?.(backend.registry) ?? []);
        for (const instances of props.unmanagedInstances ?? []) {
          const ce = backend.registry.computeEnvironment(this.resolveReferenceIn(loaded, instances.computeEnvironment), 'computeEnvironment').name;
          for (let i = 0; i < (instances.count ?? 1); i++) {
            instanceCapacityOf(backend).registerInstance(ce, instances.instanceType, instances.ecsReservedMemoryMiB);
          }
        }
      },
    });
    this.backend = assembly.backend;
    this.virtual = assembly.virtual;
    this.driver = assembly.driver;
    this.loaded = assembly.loaded!;
    this.events = assembly.events!;
    this.warningLog.report(this.events.fairShareWarnings); // FS-3: nothing about fair share goes unsaid
    this.reportCollector = reportCollector;
  }

  /** SubmitJob. Queue and job definition: names, ARNs, logical ids, construct ids or paths, or CDK tokens of the stack. */
  submitJob(request: SubmitJobRequest): SubmitJobResponse {
    const response = this.backend.submitJob({
      ...request,
      jobQueue: this.resolveReference(request.jobQueue),
      jobDefinition: this.resolveReference(request.jobDefinition),
    });
    this.driver?.refreshHold(); // the wall clock's timer holds the process while the job is unfinished
    return response;
  }

  /** DescribeJobs (at most 100 ids; unknown ids are left out, as on AWS). */
  describeJobs(jobIds: string[]): JobDetail[] {
    return this.backend.describeJobs(jobIds);
  }

  /** DescribeJobs for one job; throws if the job is unknown. */
  describeJob(jobId: string): JobDetail {
    const job = this.backend.job(jobId);
    if (!job) throw new Error(`jobId: unknown job ${JSON.stringify(jobId)}`);
    return describeJob(job);
  }

  /** ListJobs (LIST-1, LIST-2). */
  listJobs(request: ListJobsRequest): ListJobsResponse {
    return this.backend.listJobs(request.jobQueue !== undefined ? { ...request, jobQueue: this.resolveReference(request.jobQueue) } : request);
  }

  /** CancelJob (LIFE-7). */
  cancelJob(jobId: string, reason: string): void {
    this.backend.cancelJob(jobId, reason);
  }

  /** TerminateJob (LIFE-7). */
  terminateJob(jobId: string, reason: string): void {
    this.backend.terminateJob(jobId, reason);
  }

  /**
   * UpdateComputeEnvironment: state (LIFE-8) and sizes, as the HTTP endpoint does it (same validation:
   * an invalid update throws naming the field, and changes nothing). The CE may be a name, ARN,
   * logical id or CDK token of the stack.
   */
  updateComputeEnvironment(request: UpdateComputeEnvironmentInput): void {
    updateComputeEnvironment(this.backend, request, (reference) => this.resolveReference(reference));
  }

  /** UpdateJobQueue: state, priority and compute environments, as the HTTP endpoint does it. */
  updateJobQueue(request: UpdateJobQueueInput): void {
    updateJobQueue(this.backend, request, (reference) => this.resolveReference(reference));
  }

  /**
   * DIAG-2: why the job is where it is: the dependency it waits on, why it can never be placed (per
   * compute environment, with the shortfall), disabled or invalid compute environments, the job that
   * blocks its queue (SCHED-1), or that it waits for capacity.
   */
  explainJob(jobId: string): string {
    return this.backend.explainJob(jobId);
  }

  /**
   * FS-8: GetJobQueueSnapshot: the first 100 RUNNABLE jobs of the queue in the order the scheduler would
   * take them now, for FIFO and fair-share queues. The queue: name, ARN, logical id or construct path.
   */
  getJobQueueSnapshot(jobQueue: string): JobQueueSnapshot {
    return this.backend.getJobQueueSnapshot(this.resolveReference(jobQueue));
  }

  /** Log lines of the job's latest attempt (LOG-1). */
  getJobLogs(jobId: string): string[] {
    return this.backend.jobLogLines(jobId);
  }

  /** Log lines of one stream of `/aws/batch/job`, e.g. a container's of a multi-container job (PLAT-2); [] when it has none. */
  getLogStream(logStreamName: string): string[] {
    return (this.backend.logs.events(BATCH_LOG_GROUP, logStreamName) ?? []).map((event) => event.message);
  }

  /**
   * Resolves when the job is SUCCEEDED or FAILED. In virtual time it runs the simulation until then
   * and rejects if the simulation goes idle first (the job can never finish).
   */
  async waitForJob(jobId: string): Promise<JobDetail> {
    const job = this.backend.job(jobId);
    if (!job) throw new Error(`jobId: unknown job ${JSON.stringify(jobId)}`);
    if (this.virtual) {
      while (!isTerminal(job.status) && this.backend.loop.nextEventTime() !== undefined) {
        this.backend.loop.runUntil(this.backend.loop.nextEventTime()!);
      }
      if (!isTerminal(job.status)) {
        throw new Error(`Job ${jobId} is ${job.status} and the simulation is idle: it can never finish${job.statusReason ? ` (${job.statusReason})` : ''}`);
      }
      return describeJob(job);
    }
    return new Promise((resolve) => {
      if (isTerminal(job.status)) return resolve(describeJob(job));
      this.backend.addJobStateListener({
        onJobStateChange: (changed) => {
          if (changed === job && isTerminal(changed.status)) resolve(describeJob(job));
        },
      });
    });
  }

  /** Virtual time: runs the simulation until nothing is left to happen. */
  runUntilIdle(): void {
    this.requireVirtual('runUntilIdle');
    this.backend.loop.runUntilIdle();
  }

  /**
   * Virtual time: runs the simulation for `seconds` of virtual time. Scheduled rules (EVT-4) fire
   * only while `advance` moves the clock; `runUntilIdle()` finishes what was started without firing them.
   */
  advance(seconds: number): void {
    this.requireVirtual('advance');
    const until = this.backend.loop.now() + seconds * 1000;
    this.events.allowSchedulesUntil(until);
    this.backend.loop.runUntil(until);
  }

  /** The runtime's current time, epoch milliseconds. */
  now(): number {
    return this.backend.loop.now();
  }

  /** Registers a listener for every job state change. */
  addJobListener(listener: IJobListener): void {
    this.backend.addJobStateListener({
      onJobStateChange: (job, previous) => listener.onStateChange({
        jobId: job.jobId,
        jobName: job.spec.jobName,
        previousStatus: previous,
        status: job.status,
        time: this.backend.loop.now(),
        statusReason: job.statusReason,
      }),
    });
  }

  /**
   * EventBridge PutEvents: each accepted entry becomes an event on its bus, delivered to the matching
   * rules of the template at the current runtime time (in virtual time, once the simulation runs).
   * An `aws.*` source is accepted, so S3 or CloudTrail events can be injected.
   */
  putEvents(entries: PutEventsEntry[]): PutEventsResult {
    return this.events.putEvents(entries);
  }

  /** What the template's EventBridge rules delivered to their targets so far, oldest first (EVT-3, EVT-4). */
  targetInvocations(): TargetInvocation[] {
    return this.events.targetInvocations();
  }

  /**
   * Runs `handler` whenever a rule delivers to this Lambda function: by logical id, function name,
   * ARN, or the CDK token of a function of the loaded stack (`fn.functionName`).
   */
  registerFunctionHandler(functionName: string, handler: ILocalFunctionHandler): void {
    this.events.registerFunctionHandler(this.resolveReference(functionName), handler);
  }

  /** What loading the template's EventBridge rules found worth telling, e.g. a Batch target whose role cannot submit jobs (EVT-5). */
  eventRuleWarnings(): string[] {
    return this.events.warnings;
  }

  /** The ARN the runtime gave a Batch resource of the template, by logical id. */
  resourceArn(logicalId: string): string {
    const arn = this.loaded.batchResources.get(logicalId);
    if (!arn) throw new Error(`No Batch resource with logical id ${logicalId}; known: ${this.backend.registry.aliases.describeAll().join(', ')}`);
    return arn;
  }

  /**
   * Terminates an instance of a compute environment, as a Spot reclaim or a host failure would: the
   * attempts on it fail with `Host EC2 (instance i-...) terminated.` and retry when attempts remain
   * (RETRY-3).
   */
  terminateInstance(computeEnvironment: string, instanceId: string): void {
    this.instanceCapacity().terminateInstance(this.computeEnvironmentName(computeEnvironment), instanceId);
  }

  /** The instances of a compute environment (name, ARN or logical id) now. */
  instances(computeEnvironment: string): InstanceInfo[] {
    return this.instanceCapacity().instances(this.computeEnvironmentName(computeEnvironment)).map((view) => ({
      instanceId: view.instanceId,
      instanceType: view.instanceType,
      registeredvCpus: view.registeredvCpus,
      registeredMemoryMiB: view.registeredMemoryMiB,
      freevCpus: view.freevCpus,
      runningJobs: view.runningPlacements,
    }));
  }

  /** The most instances that ran at one time, all compute environments together. */
  peakInstances(): number {
    return this.instanceCapacity().stats().peakInstances;
  }

  /**
   * The run so far in figures: makespan, jobs by final status, queue waits, instances, utilization,
   * idle instance-hours and estimated cost, per compute environment and queue (see `batch-local plan`).
   */
  report(options: ReportOptions = {}): PlanReport {
    if (!this.reportCollector) {
      throw new Error('report(): create the runtime with `collectReport: true`; figures are collected from the start of the run, and only when asked for');
    }
    return this.reportCollector.report(PriceTable.fromOverrides(options.prices));
  }

  /** Stops the real-time timer (it holds the process only while a job is unfinished anyway). Idempotent. */
  dispose(): void {
    this.driver?.dispose();
    if (this.disposed) return;
    this.disposed = true;
    this.warningLog.report(this.runner.finalWarnings?.() ?? []);
  }

  /**
   * The runtime's warnings so far, oldest first. They are the simulated executor's behaviour keys that
   * match nothing: byJobDefinition and byImage keys when the template loads, byJobName keys no job ran
   * with at dispose(); and what the template loaded without (CFN-4 values nobody gave, CFN-6 parts not
   * modelled, CFN-8 unknown instance types). Each is also given to the `logger` as it is found.
   */
  warnings(): string[] {
    return this.warningLog.all();
  }

  /** @internal the backend, for the HTTP API and CLI in this package */
  public get _backend(): BatchBackend {
    return this.backend;
  }

  /** @internal */
  public get _loop(): EventLoop {
    return this.backend.loop;
  }

  /** A CDK token of the loaded stack, or a logical id, becomes the runtime's ARN; other values pass through. */
  private resolveReference(value: string): string {
    return this.resolveReferenceIn(this.loaded, value);
  }

  /** resolveReference against a given template: the constructor resolves before `loaded` is assigned. */
  private resolveReferenceIn(loaded: LoadedTemplate, value: string): string {
    if (Token.isUnresolved(value)) {
      if (!this.stack) throw new Error(`${value} is a CDK token, but this runtime was not created from a stack; use fromStack or pass a name or ARN`);
      return String(loaded.resolver.resolve(this.stack.resolve(value)));
    }
    return loaded.batchResources.get(value) ?? value;
  }

  private computeEnvironmentName(reference: string): string {
    return this.backend.registry.computeEnvironment(this.resolveReference(reference), 'computeEnvironment').name;
  }

  private instanceCapacity(): InstanceCapacity {
    return instanceCapacityOf(this.backend);
  }

  private requireVirtual(method: string): void {
    if (!this.virtual) {
      throw new Error(`${method}() needs virtual time (JobExecutor.simulated()); with real processes use waitForJob()`);
    }
  }
}
