import { definitionPlatform } from './platform';
import { ComputeEnvironmentRecord, JobDefinitionRecord, JobQueueRecord } from './records';
import { ComputeEnvironmentDetail, JobDefinitionDetail, JobQueueDetail } from './responses';

/** PLAT-3: ECS, or EKS for an EKS compute environment and an `eksProperties` job definition (or one of EKS node ranges, MNP-1). */
function orchestrationType(eks: unknown): 'ECS' | 'EKS' {
  return eks === undefined ? 'ECS' : 'EKS';
}

/** DescribeComputeEnvironments' view of a record. Copies, so callers cannot change the record through it. */
export function describeComputeEnvironment(ce: ComputeEnvironmentRecord): ComputeEnvironmentDetail {
  return withoutUndefined({
    computeEnvironmentName: ce.name,
    computeEnvironmentArn: ce.arn,
    unmanagedvCpus: ce.unmanagedvCpus,
    // PLAT-3: an EKS compute environment runs no ECS cluster.
    ecsClusterArn: ce.eksConfiguration ? undefined : ce.ecsClusterArn,
    tags: { ...ce.tags },
    type: ce.type,
    state: ce.state,
    status: ce.status,
    statusReason: ce.statusReason,
    computeResources: copy(ce.computeResources),
    serviceRole: ce.serviceRole,
    updatePolicy: copy(ce.updatePolicy),
    eksConfiguration: copy(ce.eksConfiguration),
    containerOrchestrationType: orchestrationType(ce.eksConfiguration),
    uuid: ce.uuid,
  });
}

export function describeJobQueue(queue: JobQueueRecord): JobQueueDetail {
  return withoutUndefined({
    jobQueueName: queue.name,
    jobQueueArn: queue.arn,
    state: queue.state,
    schedulingPolicyArn: queue.schedulingPolicy?.arn,
    status: queue.status,
    statusReason: queue.statusReason,
    priority: queue.priority,
    computeEnvironmentOrder: queue.computeEnvironmentOrder.map((entry) => ({ order: entry.order, computeEnvironment: entry.computeEnvironment.arn })),
    tags: { ...queue.tags },
    jobStateTimeLimitActions: copy(queue.jobStateTimeLimitActions),
  });
}

export function describeJobDefinition(definition: JobDefinitionRecord): JobDefinitionDetail {
  return withoutUndefined({
    jobDefinitionName: definition.name,
    jobDefinitionArn: definition.arn,
    revision: definition.revision,
    status: definition.status,
    type: definition.type,
    schedulingPriority: definition.schedulingPriority,
    parameters: { ...definition.parameters },
    retryStrategy: copy(definition.retryStrategy),
    containerProperties: copy(definition.containerProperties),
    timeout: copy(definition.timeout),
    nodeProperties: copy(definition.nodeProperties),
    ecsProperties: copy(definition.ecsProperties),
    eksProperties: copy(definition.eksProperties),
    tags: { ...definition.tags },
    propagateTags: definition.propagateTags,
    // PLAT-3: an EKS definition registers none.
    platformCapabilities: definition.platformCapabilities.length > 0 ? [...definition.platformCapabilities] : undefined,
    containerOrchestrationType: orchestrationType(definitionPlatform(definition) === 'EKS' ? true : undefined),
    consumableResourceProperties: copy(definition.consumableResourceProperties),
  });
}

/** A deep copy of JSON data (records hold only JSON values). */
function copy<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

/** AWS leaves absent optional members out of the JSON rather than sending null. */
function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
