import { JobRecord, JobSpec } from './job-record';
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
import { Environment } from '../model/arns';

/** What a submission needs to register dependencies (the lifecycle). */
export interface DependencyRegistry {
  addDependency(job: JobRecord, on: JobRecord): void;
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
   * (issue #25), not what `count` separate requests do. A copy the SUBMITTED limit refuses (LIM-7)
   * throws; the copies before it stay submitted, as separate calls would leave them.
   */
  submitCopies(request: SubmitJobRequest, count: number, onSubmitted: (jobId: string) => void): void {
    const prepared = this.prepare(request);
    for (let copy = 0; copy < count; copy++) {
      if (copy > 0) this.parts.submitted.checkRoom();
      onSubmitted(this.create(prepared).jobId);
    }
  }

  /** Everything that can reject the request, before any change. */
  private prepare(request: SubmitJobRequest): PreparedSubmission {
    const { loop, index } = this.parts;
    this.parts.retention.purge(loop.now());
    validateSubmitJobRequest(request);
    this.parts.submitted.checkRoom();
    const spec = this.parts.specs.build(request);
    const arraySize = request.arrayProperties?.size;
    const nodeProperties = spec.definition.type === 'multinode' && spec.definition.nodeProperties
      ? MultiNodeCoordinator.resolveNodeProperties(spec.definition.nodeProperties, request)
      : undefined;
    const dependencies = resolveDependencies(request, arraySize, (jobId) => index.get(jobId));
    return { spec, arraySize, nodeProperties, dependencies };
  }

  private create({ spec, arraySize, nodeProperties, dependencies }: PreparedSubmission): JobRecord {
    const { loop, index } = this.parts;
    const registry = this.parts.dependencies;
    const jobId = this.parts.ids.nextUuid();
    // The ARN is built beside the queue's on first read (JobRecord.arn): one string less per job.
    const job = new JobRecord(jobId, undefined, spec, loop.now(), index.nextSequence());
    index.add(job);
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
