import { batchArn, Environment, parseBatchArn } from './arns';
import { ConsumableResourceStore } from './consumable-resource-store';
import { NotModelledResources } from './not-modelled-resources';
import { ComputeEnvironmentRecord, JobDefinitionRecord, JobQueueRecord, SchedulingPolicyRecord } from './records';
import { AliasedKind, ResourceAliases } from './resource-aliases';
import { ClientException } from '../errors';

/** A compute environment about to be stored; the registry adds the name-derived fields. */
export type NewComputeEnvironment = Omit<ComputeEnvironmentRecord, 'arn' | 'ecsClusterArn' | 'uuid'>;
export type NewJobQueue = Omit<JobQueueRecord, 'arn' | 'creationIndex'>;
export type NewJobDefinition = Omit<JobDefinitionRecord, 'arn' | 'revision'>;

/**
 * Compute environments, job queues and job definitions (with revisions): storage and lookup only.
 * Validation happens before anything reaches it (registry-operations.ts), so a rejected request
 * changes nothing here. Lookups also take the aliases a loaded template gave (logical ids, construct
 * paths), after names and ARNs.
 */
export class ResourceRegistry {
  /** Logical ids and construct paths of the template's resources (ResourceAliases). */
  readonly aliases = new ResourceAliases();
  /** The template's Batch resources the runtime does not model (CFN-6): named in lookup errors. */
  readonly notModelled = new NotModelledResources();
  /** PLAT-4: consumable resources and their quantities. */
  readonly consumableResources: ConsumableResourceStore;
  private readonly computeEnvironments = new Map<string, ComputeEnvironmentRecord>();
  private readonly jobQueues = new Map<string, JobQueueRecord>();
  /** name -> revisions in ascending order (index = revision - 1); revisions are never reused. */
  private readonly jobDefinitions = new Map<string, JobDefinitionRecord[]>();
  /** FS-1: scheduling policies by name, in creation order. */
  private readonly schedulingPolicies = new Map<string, SchedulingPolicyRecord>();
  private queueCount = 0;
  private ceCount = 0;

  constructor(private readonly env: Environment) {
    this.consumableResources = new ConsumableResourceStore(env);
  }

  storeComputeEnvironment(fields: NewComputeEnvironment): ComputeEnvironmentRecord {
    if (this.computeEnvironments.has(fields.name)) {
      throw new ClientException(`computeEnvironmentName: a compute environment named ${fields.name} already exists`);
    }
    const record: ComputeEnvironmentRecord = {
      ...fields,
      arn: batchArn(this.env, 'compute-environment', fields.name),
      ecsClusterArn: `arn:${this.env.partition}:ecs:${this.env.region}:${this.env.account}:cluster/AWSBatch-${fields.name}`,
      uuid: stableUuid(`${this.env.account}/${this.env.region}/${fields.name}/${this.ceCount++}`),
    };
    this.computeEnvironments.set(record.name, record);
    return record;
  }

  storeJobQueue(fields: NewJobQueue): JobQueueRecord {
    if (this.jobQueues.has(fields.name)) {
      throw new ClientException(`jobQueueName: a job queue named ${fields.name} already exists`);
    }
    const record: JobQueueRecord = { ...fields, arn: batchArn(this.env, 'job-queue', fields.name), creationIndex: this.queueCount++ };
    this.jobQueues.set(record.name, record);
    return record;
  }

  /** Stores the next revision of the named job definition (1 for a new name). */
  storeJobDefinition(fields: NewJobDefinition): JobDefinitionRecord {
    const revisions = this.jobDefinitions.get(fields.name) ?? [];
    const revision = revisions.length + 1;
    const record: JobDefinitionRecord = { ...fields, revision, arn: batchArn(this.env, 'job-definition', `${fields.name}:${revision}`) };
    revisions.push(record);
    this.jobDefinitions.set(fields.name, revisions);
    return record;
  }

  storeSchedulingPolicy(fields: Omit<SchedulingPolicyRecord, 'arn'>): SchedulingPolicyRecord {
    if (this.schedulingPolicies.has(fields.name)) {
      throw new ClientException(`name: a scheduling policy named ${fields.name} already exists`);
    }
    const record: SchedulingPolicyRecord = { ...fields, arn: batchArn(this.env, 'scheduling-policy', fields.name) };
    this.schedulingPolicies.set(record.name, record);
    return record;
  }

  removeSchedulingPolicy(record: SchedulingPolicyRecord): void {
    this.schedulingPolicies.delete(record.name);
  }

  /** A scheduling policy by ARN (as the API names them) or name. */
  findSchedulingPolicy(ref: string): SchedulingPolicyRecord | undefined {
    if (typeof ref !== 'string') return undefined;
    return this.schedulingPolicies.get(nameFromArn(ref, 'scheduling-policy'));
  }

  /** A scheduling policy by ARN; ClientException naming the field, the value and the known ones. */
  schedulingPolicy(ref: string, field: string = 'arn'): SchedulingPolicyRecord {
    const record = this.findSchedulingPolicy(ref);
    if (!record) {
      throw new ClientException(`${field}: unknown scheduling policy ${JSON.stringify(ref)}; known: ${listOrNone([...this.schedulingPolicies.values()].map((p) => p.arn))} (FS-2)`);
    }
    return record;
  }

  listSchedulingPolicies(): SchedulingPolicyRecord[] {
    return [...this.schedulingPolicies.values()];
  }

  removeComputeEnvironment(record: ComputeEnvironmentRecord): void {
    this.computeEnvironments.delete(record.name);
  }

  removeJobQueue(record: JobQueueRecord): void {
    this.jobQueues.delete(record.name);
  }

  /** A compute environment by name or ARN; ClientException naming the value and the known ones. */
  computeEnvironment(ref: string, field: string = 'computeEnvironment'): ComputeEnvironmentRecord {
    const record = this.findComputeEnvironment(ref);
    if (!record) {
      this.aliases.checkAmbiguous('compute environment', ref, field);
      this.notModelled.check('compute environment', ref, field);
      throw new ClientException(`${field}: unknown compute environment ${JSON.stringify(ref)}; known: ${this.known('compute environment', [...this.computeEnvironments.keys()])}`);
    }
    return record;
  }

  findComputeEnvironment(ref: string): ComputeEnvironmentRecord | undefined {
    if (typeof ref !== 'string') return undefined;
    const byName = this.computeEnvironments.get(nameFromArn(ref, 'compute-environment'));
    if (byName) return byName;
    const target = this.aliases.find('compute environment', ref);
    return target !== undefined ? this.computeEnvironments.get(nameFromArn(target, 'compute-environment')) : undefined;
  }

  /** A job queue by name or ARN; ClientException naming the value and the known ones. */
  jobQueue(ref: string, field: string = 'jobQueue'): JobQueueRecord {
    const record = this.findJobQueue(ref);
    if (!record) {
      this.aliases.checkAmbiguous('job queue', ref, field);
      this.notModelled.check('job queue', ref, field);
      throw new ClientException(`${field}: unknown job queue ${JSON.stringify(ref)}; known: ${this.known('job queue', [...this.jobQueues.keys()])}`);
    }
    return record;
  }

  findJobQueue(ref: string): JobQueueRecord | undefined {
    if (typeof ref !== 'string') return undefined;
    const byName = this.jobQueues.get(nameFromArn(ref, 'job-queue'));
    if (byName) return byName;
    const target = this.aliases.find('job queue', ref);
    return target !== undefined ? this.jobQueues.get(nameFromArn(target, 'job-queue')) : undefined;
  }

  /**
   * A job definition by ARN, `name:revision` or `name` (the latest ACTIVE revision, as SubmitJob does),
   * or by an alias of the template (the revision the template registered).
   */
  jobDefinition(ref: string, field: string = 'jobDefinition'): JobDefinitionRecord {
    const record = this.findJobDefinition(ref);
    if (!record) {
      this.aliases.checkAmbiguous('job definition', ref, field);
      this.notModelled.check('job definition', ref, field);
      const known = [...this.jobDefinitions.values()].flatMap((revs) => revs.filter((r) => r.status === 'ACTIVE').map((r) => `${r.name}:${r.revision}`));
      throw new ClientException(`${field}: unknown job definition ${JSON.stringify(ref)}; known: ${this.known('job definition', known)}`);
    }
    return record;
  }

  /** As jobDefinition, undefined when unknown. */
  findJobDefinition(ref: string): JobDefinitionRecord | undefined {
    const byName = this.definitionByNameOrArn(ref);
    if (byName) return byName;
    const target = typeof ref === 'string' ? this.aliases.find('job definition', ref) : undefined;
    return target !== undefined ? this.definitionByNameOrArn(target) : undefined;
  }

  private definitionByNameOrArn(ref: string): JobDefinitionRecord | undefined {
    const parsed = typeof ref === 'string' ? parseDefinitionRef(ref) : undefined;
    const revisions = parsed ? this.jobDefinitions.get(parsed.name) : undefined;
    let record: JobDefinitionRecord | undefined;
    if (revisions && parsed?.revision !== undefined) {
      record = revisions[parsed.revision - 1];
    } else if (revisions) {
      record = [...revisions].reverse().find((r) => r.status === 'ACTIVE');
    }
    return record;
  }

  /** Names, then the template's logical ids and construct paths, for "known:" lists. */
  private known(kind: AliasedKind, names: string[]): string {
    const aliases = this.aliases.describe(kind);
    return aliases.length === 0 ? listOrNone(names) : `${listOrNone(names)}; or by logical id (construct path): ${aliases.join(', ')}`;
  }

  /** Every revision of `name`, oldest first (empty when unknown). */
  jobDefinitionRevisions(name: string): JobDefinitionRecord[] {
    return [...(this.jobDefinitions.get(name) ?? [])];
  }

  /** An exact revision by `name:revision` or ARN; undefined when unknown or when `ref` names no revision. */
  findJobDefinitionRevision(ref: string): JobDefinitionRecord | undefined {
    const parsed = typeof ref === 'string' ? parseDefinitionRef(ref) : undefined;
    if (!parsed || parsed.revision === undefined) return undefined;
    return this.jobDefinitions.get(parsed.name)?.[parsed.revision - 1];
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

/** `name`, `name:revision` or a job-definition ARN; revision undefined for a bare name. */
export function parseDefinitionRef(ref: string): { name: string; revision?: number } {
  const nameAndRevision = nameFromArn(ref, 'job-definition');
  const match = /^(.*):([1-9]\d*)$/.exec(nameAndRevision);
  return match ? { name: match[1], revision: Number(match[2]) } : { name: nameAndRevision };
}

function nameFromArn(ref: string, type: string): string {
  const parsed = parseBatchArn(ref);
  return parsed && parsed.type === type ? parsed.name : ref;
}

function listOrNone(names: string[]): string {
  return names.length === 0 ? '(none)' : names.join(', ');
}

/* eslint-disable no-bitwise */ // a string hash is bit arithmetic by nature
/** A UUID-shaped id derived from `seed`, so a template loads with the same CE uuids every time. */
function stableUuid(seed: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((basis) => {
    let hash = basis >>> 0;
    for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    return hash.toString(16).padStart(8, '0');
  });
  const hex = words.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
