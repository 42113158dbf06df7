import { mergeEnvironment } from './container-launch';
import { JobSpec } from './job-record';
import { validateShareFields } from './share-fields';
import { JobDependency, KeyValuePair, SubmitJobRequest } from '../../shapes';
import { ClientException } from '../errors';
import { consumableNeedsOf, resolveConsumableResources } from '../model/consumable-requirements';
import { submitPlatformProblem } from '../model/platform';
import { JobDefinitionRecord } from '../model/records';
import { ResourceRegistry } from '../model/resource-registry';

/** Shared by every job submitted without dependencies (never mutated: specs are read-only). */
const NO_DEPENDENCIES: readonly JobDependency[] = Object.freeze([]);

/**
 * Builds a job's `JobSpec` from a SubmitJob request and the job definition's defaults.
 *
 * LIM-7 asks the runtime to hold a million SUBMITTED jobs, so a spec shares what it can with its job
 * definition instead of copying it: the parameters when the request sets none, and the merged
 * environment when the request overrides none (computed once per definition revision).
 */
export class JobSpecBuilder {
  private readonly definitionEnvironments = new WeakMap<JobDefinitionRecord, KeyValuePair[]>();

  constructor(private readonly registry: ResourceRegistry) {}

  build(request: SubmitJobRequest): JobSpec {
    const queue = this.registry.jobQueue(request.jobQueue);
    if (queue.state === 'DISABLED') {
      throw new ClientException(`jobQueue: job queue ${queue.name} is DISABLED and accepts no new jobs (LIFE-8)`);
    }
    const definition = this.registry.jobDefinition(request.jobDefinition);
    if (definition.status !== 'ACTIVE') {
      throw new ClientException(`jobDefinition: ${definition.name}:${definition.revision} is INACTIVE`);
    }
    const platformProblem = submitPlatformProblem(queue, definition);
    if (platformProblem !== undefined) throw new ClientException(platformProblem);
    validateShareFields(request, queue);
    // PLAT-4: the override replaces the definition's list; either must name resources that exist now.
    const consumableResourceProperties = request.consumableResourcePropertiesOverride !== undefined
      ? resolveConsumableResources(this.registry.consumableResources, 'consumableResourcePropertiesOverride', request.consumableResourcePropertiesOverride)
      : definition.consumableResourceProperties;
    const consumableNeeds = consumableNeedsOf(this.registry.consumableResources,
      request.consumableResourcePropertiesOverride !== undefined ? 'consumableResourcePropertiesOverride' : `jobDefinition ${definition.name}:${definition.revision} consumableResourceProperties`,
      consumableResourceProperties);
    const retry = request.retryStrategy ?? definition.retryStrategy;
    const overrideEnvironment = request.containerOverrides?.environment;
    const propagateTags = request.propagateTags ?? definition.propagateTags;
    return {
      jobName: request.jobName,
      queue,
      definition,
      parameters: request.parameters === undefined ? definition.parameters : { ...definition.parameters, ...request.parameters },
      containerOverrides: request.containerOverrides,
      ecsPropertiesOverride: request.ecsPropertiesOverride,
      eksPropertiesOverride: request.eksPropertiesOverride,
      dependsOn: request.dependsOn === undefined || request.dependsOn.length === 0
        ? NO_DEPENDENCIES
        : request.dependsOn.map((d) => ({ ...d })),
      attempts: retry?.attempts ?? 1,
      evaluateOnExit: retry?.evaluateOnExit,
      attemptDurationSeconds: request.timeout?.attemptDurationSeconds ?? definition.timeout?.attemptDurationSeconds,
      // Per job, always: TagResource on a job edits this map in place.
      tags: { ...(propagateTags ? definition.tags : {}), ...(request.tags ?? {}) },
      propagateTags,
      shareIdentifier: request.shareIdentifier,
      // FS-5: the override, else the definition's priority.
      schedulingPriority: request.schedulingPriorityOverride ?? definition.schedulingPriority,
      environment: overrideEnvironment === undefined
        ? this.definitionEnvironment(definition)
        : mergeEnvironment(definition.containerProperties?.environment, overrideEnvironment),
      derived: {},
      ...(consumableResourceProperties !== undefined ? { consumableResourceProperties } : {}),
      ...(consumableNeeds !== undefined ? { consumableNeeds } : {}),
    };
  }

  /** ENV-2 without overrides: the definition's environment, merged once. */
  private definitionEnvironment(definition: JobDefinitionRecord): KeyValuePair[] {
    let environment = this.definitionEnvironments.get(definition);
    if (environment === undefined) {
      environment = mergeEnvironment(definition.containerProperties?.environment, undefined);
      this.definitionEnvironments.set(definition, environment);
    }
    return environment;
  }
}
