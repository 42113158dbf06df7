import { CfnResource } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as events from 'aws-cdk-lib/aws-events';
import { logicalIdOf, referencedLogicalId, referencedResource, resolveValue, stackResourcesOfType } from './cfn-references';

/**
 * How the Batch resources of one stack hang together, read from their L1 properties: the
 * compute environments of a queue, the queues a job definition can reach, what a CE launches.
 * Anything outside the stack (imported ARNs, other stacks) is reported as unknown, and rules give
 * unknowns the benefit of the doubt: they flag what they can prove, not what they cannot see.
 */

/** What a compute environment runs on; UNKNOWN when a token hides it. */
export type ComputeKind = 'EC2' | 'SPOT' | 'FARGATE' | 'FARGATE_SPOT' | 'UNMANAGED' | 'UNKNOWN';

/** The capacity type of a compute environment. */
export function computeKindOf(ce: batch.CfnComputeEnvironment): ComputeKind {
  const type = resolveValue(ce, ce.type);
  if (typeof type === 'string' && type.toUpperCase() === 'UNMANAGED') {
    return 'UNMANAGED';
  }
  const resourceType = resolveValue(ce, ce.computeResources)?.type;
  if (typeof resourceType !== 'string') {
    return 'UNKNOWN';
  }
  const upper = resourceType.toUpperCase();
  return upper === 'EC2' || upper === 'SPOT' || upper === 'FARGATE' || upper === 'FARGATE_SPOT' ? upper : 'UNKNOWN';
}

/**
 * The instance types a managed EC2/SPOT compute environment may launch, or undefined when they
 * are not known at synth time (tokens). An absent list means AWS Batch's default, `optimal`.
 */
export function instanceTypesOf(ce: batch.CfnComputeEnvironment): string[] | undefined {
  const instanceTypes = resolveValue(ce, ce.computeResources)?.instanceTypes;
  if (instanceTypes === undefined) {
    return ['optimal'];
  }
  if (!Array.isArray(instanceTypes) || !instanceTypes.every((type) => typeof type === 'string')) {
    return undefined;
  }
  return instanceTypes;
}

/** The CE behind one `computeEnvironmentOrder` entry, or undefined when it is outside the stack. */
function computeEnvironmentByReference(node: CfnResource, resolvedReference: unknown): batch.CfnComputeEnvironment | undefined {
  const logicalId = referencedLogicalId(resolvedReference);
  if (logicalId === undefined) {
    return undefined;
  }
  return stackResourcesOfType(node, batch.CfnComputeEnvironment).find((ce) => logicalIdOf(ce) === logicalId);
}

/**
 * The compute environments of a queue in `computeEnvironmentOrder` order; an entry is undefined
 * when the CE is not a resource of the same stack (an imported ARN).
 */
export function computeEnvironmentsOfQueue(queue: batch.CfnJobQueue): Array<batch.CfnComputeEnvironment | undefined> {
  const order = resolveValue(queue, queue.computeEnvironmentOrder);
  if (!Array.isArray(order)) {
    return [];
  }
  return order.map((entry) => computeEnvironmentByReference(queue, entry?.computeEnvironment));
}

/** The queues a job definition can be submitted to, and whether that set came from explicit links. */
export interface ReachableQueues {
  readonly queues: batch.CfnJobQueue[];
  /** True when EventBridge targets pair the job definition with queues; false for "any queue of the stack". */
  readonly linked: boolean;
}

/**
 * A job definition is not tied to a queue in CloudFormation. The stack says which queues it
 * is meant for only where a rule target submits it (`BatchParameters.JobDefinition` + target
 * `Arn`); those pairs win. Otherwise any queue of the same stack could receive it.
 */
export function queuesForJobDefinition(jobDefinition: batch.CfnJobDefinition): ReachableQueues {
  const jobDefinitionId = logicalIdOf(jobDefinition);
  const queuesById = new Map(
    stackResourcesOfType(jobDefinition, batch.CfnJobQueue).map((queue) => [logicalIdOf(queue), queue] as const),
  );
  const linkedQueues: batch.CfnJobQueue[] = [];
  let linked = false;
  for (const rule of stackResourcesOfType(jobDefinition, events.CfnRule)) {
    const targets = resolveValue(rule, rule.targets);
    for (const target of Array.isArray(targets) ? targets : []) {
      if (referencedLogicalId(target?.batchParameters?.jobDefinition) !== jobDefinitionId) {
        continue;
      }
      linked = true;
      const queue = queuesById.get(referencedLogicalId(target.arn) ?? '');
      if (queue !== undefined && !linkedQueues.includes(queue)) {
        linkedQueues.push(queue);
      }
    }
  }
  return linked ? { queues: linkedQueues, linked } : { queues: [...queuesById.values()], linked };
}

/** Every `resourceRequirements` list of a job definition: container, node ranges, ECS task containers. */
export function resourceRequirementsOf(jobDefinition: batch.CfnJobDefinition): unknown[][] {
  const lists: unknown[] = [];
  lists.push(resolveValue(jobDefinition, jobDefinition.containerProperties)?.resourceRequirements);
  const nodeRanges = resolveValue(jobDefinition, jobDefinition.nodeProperties)?.nodeRangeProperties;
  const tasks: unknown[] = [];
  for (const range of Array.isArray(nodeRanges) ? nodeRanges : []) {
    lists.push(range?.container?.resourceRequirements);
    // MNP-1: a node range may be a multi-container task.
    const rangeTasks = range?.ecsProperties?.taskProperties;
    if (Array.isArray(rangeTasks)) tasks.push(...rangeTasks);
  }
  const definitionTasks = resolveValue(jobDefinition, jobDefinition.ecsProperties)?.taskProperties;
  if (Array.isArray(definitionTasks)) tasks.push(...definitionTasks);
  for (const task of tasks as any[]) {
    for (const container of Array.isArray(task?.containers) ? task.containers : []) {
      lists.push(container?.resourceRequirements);
    }
  }
  return lists.filter((list): list is unknown[] => Array.isArray(list));
}

/** True when any container of the job definition asks for a GPU (LIM-9: `type: GPU`). */
export function requiresGpu(jobDefinition: batch.CfnJobDefinition): boolean {
  return resourceRequirementsOf(jobDefinition).some((list) =>
    list.some((requirement: any) => typeof requirement?.type === 'string' && requirement.type.toUpperCase() === 'GPU'),
  );
}

/** True for `type: multinode` job definitions (MNP-1). */
export function isMultiNode(jobDefinition: batch.CfnJobDefinition): boolean {
  const type = resolveValue(jobDefinition, jobDefinition.type);
  return typeof type === 'string' && type.toLowerCase() === 'multinode';
}

/** FS-2: a queue that names a scheduling policy (wherever the policy lives) is a fair-share queue. */
export function isFairShareQueue(queue: batch.CfnJobQueue): boolean {
  return resolveValue(queue, queue.schedulingPolicyArn) !== undefined;
}

/** The scheduling policy of a fair-share queue, when it is a resource of the same stack. */
export function schedulingPolicyOfQueue(queue: batch.CfnJobQueue): batch.CfnSchedulingPolicy | undefined {
  return queue.schedulingPolicyArn === undefined ? undefined : referencedResource(queue, queue.schedulingPolicyArn, batch.CfnSchedulingPolicy);
}

/** The queues of the rule's stack that its targets submit jobs to (a target `Arn` referencing a queue). */
export function queuesTargetedByRule(rule: events.CfnRule): batch.CfnJobQueue[] {
  const targets = resolveValue(rule, rule.targets);
  const targetIds = new Set((Array.isArray(targets) ? targets : []).map((target) => referencedLogicalId(target?.arn)));
  return stackResourcesOfType(rule, batch.CfnJobQueue).filter((queue) => targetIds.has(logicalIdOf(queue)));
}
