import { batchArn, Environment, parseBatchArn } from './arns';
import { ComputeEnvironmentRecord, JobDefinitionRecord, JobQueueRecord } from './records';
import { CreateComputeEnvironmentRequest, CreateJobQueueRequest, RegisterJobDefinitionRequest } from './requests';
import { ClientException } from '../errors';

/**
 * Compute environments, job queues and job definitions (with revisions). It stores and resolves;
 * request validation happens in the backend before anything is stored, so a rejected request changes nothing.
 */
export class ResourceRegistry {
  private readonly computeEnvironments = new Map<string, ComputeEnvironmentRecord>();
  private readonly jobQueues = new Map<string, JobQueueRecord>();
  /** name -> revisions in ascending order (index = revision - 1). */
  private readonly jobDefinitions = new Map<string, JobDefinitionRecord[]>();
  private queueCount = 0;

  constructor(private readonly env: Environment) {}

  addComputeEnvironment(request: CreateComputeEnvironmentRequest): ComputeEnvironmentRecord {
    const name = request.computeEnvironmentName;
    if (this.computeEnvironments.has(name)) {
      throw new ClientException(`computeEnvironmentName: a compute environment named ${name} already exists`);
    }
    const record: ComputeEnvironmentRecord = {
      name,
      arn: batchArn(this.env, 'compute-environment', name),
      type: request.type.toUpperCase() === 'UNMANAGED' ? 'UNMANAGED' : 'MANAGED',
      state: (request.state ?? 'ENABLED').toUpperCase() === 'DISABLED' ? 'DISABLED' : 'ENABLED',
      status: 'VALID',
      statusReason: 'ComputeEnvironment Healthy',
      computeResources: request.computeResources,
      serviceRole: request.serviceRole,
      unmanagedvCpus: request.unmanagedvCpus,
      tags: { ...(request.tags ?? {}) },
      ecsClusterArn: `arn:${this.env.partition}:ecs:${this.env.region}:${this.env.account}:cluster/AWSBatch-${name}`,
    };
    this.computeEnvironments.set(name, record);
    return record;
  }

  addJobQueue(request: CreateJobQueueRequest): JobQueueRecord {
    const name = request.jobQueueName;
    if (this.jobQueues.has(name)) {
      throw new ClientException(`jobQueueName: a job queue named ${name} already exists`);
    }
    const order = request.computeEnvironmentOrder
      .map((entry) => ({ order: entry.order, computeEnvironment: this.computeEnvironment(entry.computeEnvironment, 'computeEnvironmentOrder.computeEnvironment') }))
      .sort((a, b) => a.order - b.order);
    const record: JobQueueRecord = {
      name,
      arn: batchArn(this.env, 'job-queue', name),
      state: (request.state ?? 'ENABLED').toUpperCase() === 'DISABLED' ? 'DISABLED' : 'ENABLED',
      status: 'VALID',
      statusReason: 'JobQueue Healthy',
      priority: request.priority,
      computeEnvironmentOrder: order,
      tags: { ...(request.tags ?? {}) },
      creationIndex: this.queueCount++,
    };
    this.jobQueues.set(name, record);
    return record;
  }

  addJobDefinition(request: RegisterJobDefinitionRequest): JobDefinitionRecord {
    const name = request.jobDefinitionName;
    const revisions = this.jobDefinitions.get(name) ?? [];
    const revision = revisions.length + 1;
    const record: JobDefinitionRecord = {
      name,
      revision,
      arn: batchArn(this.env, 'job-definition', `${name}:${revision}`),
      status: 'ACTIVE',
      type: request.type.toLowerCase() === 'multinode' ? 'multinode' : 'container',
      parameters: { ...(request.parameters ?? {}) },
      containerProperties: request.containerProperties,
      nodeProperties: request.nodeProperties,
      retryStrategy: request.retryStrategy,
      timeout: request.timeout,
      tags: { ...(request.tags ?? {}) },
      propagateTags: request.propagateTags ?? false,
      platformCapabilities: request.platformCapabilities ?? ['EC2'],
    };
    revisions.push(record);
    this.jobDefinitions.set(name, revisions);
    return record;
  }

  /** A compute environment by name or ARN; ClientException naming the value and the known ones. */
  computeEnvironment(ref: string, field: string = 'computeEnvironment'): ComputeEnvironmentRecord {
    const record = this.computeEnvironments.get(nameFromArn(ref, 'compute-environment'));
    if (!record) {
      throw new ClientException(`${field}: unknown compute environment ${JSON.stringify(ref)}; known: ${listOrNone([...this.computeEnvironments.keys()])}`);
    }
    return record;
  }

  /** A job queue by name or ARN; ClientException naming the value and the known ones. */
  jobQueue(ref: string, field: string = 'jobQueue'): JobQueueRecord {
    const record = this.jobQueues.get(nameFromArn(ref, 'job-queue'));
    if (!record) {
      throw new ClientException(`${field}: unknown job queue ${JSON.stringify(ref)}; known: ${listOrNone([...this.jobQueues.keys()])}`);
    }
    return record;
  }

  /**
   * A job definition by ARN, `name:revision` or `name` (the latest ACTIVE revision, as SubmitJob does).
   */
  jobDefinition(ref: string, field: string = 'jobDefinition'): JobDefinitionRecord {
    const nameAndRevision = nameFromArn(ref, 'job-definition');
    const match = /^(.*):(\d+)$/.exec(nameAndRevision);
    const name = match ? match[1] : nameAndRevision;
    const revisions = this.jobDefinitions.get(name);
    let record: JobDefinitionRecord | undefined;
    if (revisions && match) {
      record = revisions[Number(match[2]) - 1];
    } else if (revisions) {
      record = [...revisions].reverse().find((r) => r.status === 'ACTIVE');
    }
    if (!record) {
      const known = [...this.jobDefinitions.values()].flatMap((revs) => revs.filter((r) => r.status === 'ACTIVE').map((r) => `${r.name}:${r.revision}`));
      throw new ClientException(`${field}: unknown job definition ${JSON.stringify(ref)}; known: ${listOrNone(known)}`);
    }
    return record;
  }

  listComputeEnvironments(): ComputeEnvironmentRecord[] {
    return [...this.computeEnvironments.values()];
  }

  listJobQueues(): JobQueueRecord[] {
    return [...this.jobQueues.values()];
  }

  listJobDefinitions(): JobDefinitionRecord[] {
    return [...this.jobDefinitions.values()].flat();
  }
}

function nameFromArn(ref: string, type: string): string {
  const parsed = parseBatchArn(ref);
  return parsed && parsed.type === type ? parsed.name : ref;
}

function listOrNone(names: string[]): string {
  return names.length === 0 ? '(none)' : names.join(', ');
}
