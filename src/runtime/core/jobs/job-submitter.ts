import { JobRecord } from './job-record';
import { JobRetention } from './job-retention';
import { JobSpecBuilder } from './job-spec-builder';
import { createArrayChildren, resolveDependencies } from './job-submission';
import { MultiNodeCoordinator } from './multi-node';
import { validateSubmitJobRequest } from './submit-validation';
import { SubmittedJobs } from './submitted-jobs';
import { SubmitJobRequest, SubmitJobResponse } from '../../shapes';
import { EventLoop } from '../event-loop';
import { IdGenerator } from '../id-generator';
import { JobIndex } from './job-index';
import { batchArn, Environment } from '../model/arns';
import { JobQueueRecord } from '../model/records';

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
}

/**
 * SubmitJob: validation, the job specification, dependencies (DEP-*), array children (ARR-1) and
 * multi-node nodes (MNP-*). Everything that can reject the request runs before the first change, so a
 * rejected request changes nothing; the job is then SUBMITTED and moves on at the next event (LIFE-1).
 */
export class JobSubmitter {
  constructor(private readonly parts: JobSubmitterParts) {}

  submit(request: SubmitJobRequest): SubmitJobResponse {
    const { loop, index } = this.parts;
    const registry = this.parts.dependencies;
    this.parts.retention.purge(loop.now());
    validateSubmitJobRequest(request);
    this.parts.submitted.checkRoom();
    const spec = this.parts.specs.build(request);
    this.parts.admission.checkAdmission(spec.queue, spec);
    const arraySize = request.arrayProperties?.size;
    const nodeProperties = spec.definition.type === 'multinode' && spec.definition.nodeProperties
      ? MultiNodeCoordinator.resolveNodeProperties(spec.definition.nodeProperties, request)
      : undefined;
    const dependencies = resolveDependencies(request, arraySize, (jobId) => index.get(jobId));

    const jobId = this.parts.ids.nextUuid();
    const job = new JobRecord(jobId, batchArn(this.parts.environment, 'job', jobId), spec, loop.now(), index.nextSequence());
    index.add(job);
    this.parts.listener.jobSubmitted(job);
    for (const dependency of dependencies.plain) registry.addDependency(job, dependency);
    if (arraySize !== undefined) {
      createArrayChildren(job, arraySize, dependencies, () => index.nextSequence(), (child, on) => registry.addDependency(child, on));
    }
    if (nodeProperties) this.parts.multiNode.createNodes(job, nodeProperties);
    // The caller sees SUBMITTED; the job moves on at the next event (LIFE-1).
    this.parts.submitted.add(job);
    return { jobArn: job.arn, jobName: spec.jobName, jobId };
  }
}
