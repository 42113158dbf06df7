import { JobIndex } from './job-index';
import { CopyIds, JobRecord, JobSpec } from './job-record';
import { JobRetention } from './job-retention';
import { JobSpecBuilder } from './job-spec-builder';
import { createArrayChildren, resolveDependencies } from './job-submission';
import { MultiNodeCoordinator } from './multi-node';
import { validateSubmitJobRequest } from './submit-validation';
import { SubmittedJobs } from './submitted-jobs';
import { checkContainerOverrideNames } from './task-override-names';
import { SubmitJobRequest, SubmitJobResponse } from '../../shapes';
import { ClientException } from '../errors';
import { EventLoop } from '../event-loop';
import { IdGenerator } from '../id-generator';
import { Environment } from '../model/arns';
import { ConsumableResourceStore } from '../model/consumable-resource-store';
import { definitionPlatform } from '../model/platform';
import { JobDefinitionRecord, JobQueueRecord } from '../model/records';

/** What a submission needs to register dependencies (the lifecycle). */
export interface DependencyRegistry {
  addDependency(job: JobRecord, on: JobRecord): void;
}

/** FS-3: the queue's order may refuse a job of a share it cannot take (the 500 active shares). */
export interface ShareAdmission {
  checkAdmission(queue: JobQueueRecord, job: { readonly shareIdentifier?: string }): void;
}

/** Told of each accepted top-level job (the active-job count). */
export interface SubmissionListener {
  jobSubmitted(job: JobRecord): void;
}

export interface JobSubmitterParts {
  readonly loop: EventLoop;
  readonly ids: IdGenerator;
  readonly environment: Environment;
  readonly index: JobIndex;
  readonly specs: JobSpecBuilder;
  readonly retention: JobRetention;
  readonly submitted: SubmittedJobs;
  readonly dependencies: DependencyRegistry;
  readonly multiNode: MultiNodeCoordinator;
  readonly listener: SubmissionListener;
  readonly admission: ShareAdmission;
  /** PLAT-4: where a multi-node job's per-range consumable resources are looked up. */
  readonly consumables?: ConsumableResourceStore;
}

/**
 * PLAT-2/PLAT-3: what the runtime runs of the current API's job shapes. An EKS job goes to a queue of
 * EKS compute environments and an ECS job to one of ECS ones; a multi-container job takes no
 * single-container overrides; per-task/per-pod overrides are refused with a message that says so,
 * rather than ignored.
 */
function checkJobShape(definition: JobDefinitionRecord, queue: JobQueueRecord, request: SubmitJobRequest): void {
  const raw = request as SubmitJobRequest & { ecsPropertiesOverride?: unknown; eksPropertiesOverride?: unknown };
  // PLAT-3: EKS jobs run on the EKS compute environments, ECS jobs on the others.
  const eksJob = definitionPlatform(definition) === 'EKS'; // an eksProperties definition, or one of EKS node ranges (MNP-1)
  const mismatched = queue.computeEnvironmentOrder.filter((entry) => (entry.computeEnvironment.eksConfiguration !== undefined) !== eksJob);
  if (mismatched.length > 0) {
    throw new ClientException(`jobDefinition: ${definition.arn} is ${eksJob ? 'an EKS' : 'an ECS'} job definition, but job queue ${queue.name} has `
      + `${eksJob ? 'ECS' : 'EKS'} compute environment ${mismatched[0].computeEnvironment.name}; submit it to a queue of ${eksJob ? 'EKS' : 'ECS'} compute environments (PLAT-3)`);
  }
  checkContainerOverrideNames('ecsPropertiesOverride', definition.ecsProperties, raw.ecsPropertiesOverride);
  checkContainerOverrideNames('eksPropertiesOverride', definition.eksProperties, raw.eksPropertiesOverride);
  if (definition.ecsProperties !== undefined && request.containerOverrides !== undefined) {
    throw new ClientException(`containerOverrides: ${definition.arn} is a multi-container job definition (ecsProperties); containerOverrides are for a job definition with containerProperties (PLAT-2)`);
  }
}

/**
 * SubmitJob: validation, the job specification, dependencies (DEP-*), array children (ARR-1) and
 * multi-node nodes (MNP-*). Everything that can reject the request runs before the first change, so a
 * rejected request changes nothing; the job is then SUBMITTED and moves on at the next event (LIFE-1).
 */
export class JobSubmitter {
  constructor(private readonly parts: JobSubmitterParts) {}

  submit(request: SubmitJobRequest): SubmitJobResponse {
    const prepared = this.prepare(request);
    const job = this.create(prepared);
    return { jobArn: job.arn, jobName: prepared.spec.jobName, jobId: job.jobId };
  }

  /**
   * `count` SubmitJob calls of one request at one instant (a plan workload's `count`), each copy its
   * own job with its own id. The request is validated and its specification built once and shared by
   * the copies, as array children share their parent's: the copies cost what array children cost
   * (issue #25), not what `count` separate requests do. Plain copies (no array, no nodes) of a
   * generator that can reserve ids take theirs from one block, built on first read, and are indexed
   * by id only when a lookup needs it (JobIndex.addDeferred): the ids are those separate calls would
   * have given. A copy the SUBMITTED limit refuses (LIM-7) throws; the copies before it stay
   * submitted, as separate calls would leave them. `onSubmitted`, when given, hears each copy's id.
   */
  submitCopies(request: SubmitJobRequest, count: number, onSubmitted?: (jobId: string) => void): void {
    const prepared = this.prepare(request);
    // prepare() checked room for the first copy; LIM-7 refuses the first one beyond the room.
    const fitting = Math.min(count, this.parts.submitted.room());
    const { ids, index } = this.parts;
    const plain = prepared.arraySize === undefined && prepared.nodeProperties === undefined;
    const block = plain && fitting > 1 && ids.reserve ? new CopyIds(ids.reserve(fitting), index.nextSequenceNumber) : undefined;
    for (let copy = 0; copy < fitting; copy++) {
      const job = this.create(prepared, block);
      onSubmitted?.(job.jobId);
    }
    if (fitting < count) this.parts.submitted.checkRoom();
  }

  /** Everything that can reject the request, before any change. */
  private prepare(request: SubmitJobRequest): PreparedSubmission {
    const { loop, index } = this.parts;
    this.parts.retention.purge(loop.now());
    validateSubmitJobRequest(request);
    this.parts.submitted.checkRoom();
    const spec = this.parts.specs.build(request);
    checkJobShape(spec.definition, spec.queue, request);
    this.parts.admission.checkAdmission(spec.queue, spec);
    const arraySize = request.arrayProperties?.size;
    const nodeProperties = spec.definition.type === 'multinode' && spec.definition.nodeProperties
      ? MultiNodeCoordinator.resolveNodeProperties(spec.definition.nodeProperties, request, this.parts.consumables)
      : undefined;
    const dependencies = resolveDependencies(request, arraySize, (jobId) => index.get(jobId));
    return { spec, arraySize, nodeProperties, dependencies };
  }

  /** One job of a prepared request; a copy with `copyIds` takes its id from them when first read. */
  private create({ spec, arraySize, nodeProperties, dependencies }: PreparedSubmission, copyIds?: CopyIds): JobRecord {
    const { loop, index } = this.parts;
    const registry = this.parts.dependencies;
    // The ARN is built beside the queue's on first read (JobRecord.arn): one string less per job.
    const job = new JobRecord(copyIds ?? this.parts.ids.nextUuid(), undefined, spec, loop.now(), index.nextSequence());
    if (copyIds) index.addDeferred(job);
    else index.add(job);
    this.parts.listener.jobSubmitted(job);
    for (const dependency of dependencies.plain) registry.addDependency(job, dependency);
    if (arraySize !== undefined) {
      createArrayChildren(job, arraySize, dependencies, () => index.nextSequence(), (child, on) => registry.addDependency(child, on));
    }
    if (nodeProperties) this.parts.multiNode.createNodes(job, nodeProperties);
    // The caller sees SUBMITTED; the job moves on at the next event (LIFE-1).
    this.parts.submitted.add(job);
    return job;
  }
}

interface PreparedSubmission {
  readonly spec: JobSpec;
  readonly arraySize?: number;
  readonly nodeProperties?: ReturnType<typeof MultiNodeCoordinator.resolveNodeProperties>;
  readonly dependencies: ReturnType<typeof resolveDependencies>;
}
