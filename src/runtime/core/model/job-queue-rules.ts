import { RESOURCE_STATES } from './compute-environment-rules';
import { ComputeEnvironmentRecord, QueueComputeEnvironment } from './records';
import { ComputeEnvironmentOrder, CreateJobQueueRequest, JobStateTimeLimitAction, UpdateJobQueueRequest } from './requests';
import { validateTags } from './tag-limits';
import { oneOf, required } from './validation-bridge';
import { expandInstanceTypes } from '../../../instance-catalog/instance-catalog';
import {
  fail,
  isInteger,
  MAX_JOB_QUEUES,
  validateComputeEnvironmentOrder,
  validateQueueComputeEnvironments,
  validateQuota,
  validateResourceName,
} from '../../../validation';

/** SCHED-2 (choice): the priority range the AWS console accepts. */
export const MIN_QUEUE_PRIORITY = 0;
export const MAX_QUEUE_PRIORITY = 1000;
/** DIAG-4 (API): bounds of `jobStateTimeLimitActions[].maxTimeSeconds`. */
export const MIN_STATE_TIME_LIMIT_SECONDS = 600;
export const MAX_STATE_TIME_LIMIT_SECONDS = 86_400;

/** Resolves a compute environment name or ARN; throws ClientException for an unknown one. */
export type ComputeEnvironmentResolver = (ref: string, field: string) => ComputeEnvironmentRecord;

export interface ValidJobQueue {
  readonly state: 'ENABLED' | 'DISABLED';
  readonly priority: number;
  readonly computeEnvironmentOrder: QueueComputeEnvironment[];
}

/** LIM-1, LIM-2, LIM-3, LIM-8, SCHED-2, DIAG-4 for a new job queue. Throws; stores nothing. */
export function validateCreateJobQueue(request: CreateJobQueueRequest, resolve: ComputeEnvironmentResolver, existingCount: number): ValidJobQueue {
  validateResourceName('jobQueueName', request.jobQueueName);
  const state = request.state === undefined ? 'ENABLED' : oneOf('state', request.state, RESOURCE_STATES, 'LIFE-8');
  required('priority', request.priority, 'SCHED-2');
  validatePriority(request.priority);
  required('computeEnvironmentOrder', request.computeEnvironmentOrder, 'LIM-2');
  const computeEnvironmentOrder = resolveOrder(request.computeEnvironmentOrder, resolve);
  if (request.jobStateTimeLimitActions !== undefined) validateStateTimeLimitActions(request.jobStateTimeLimitActions);
  if (request.tags !== undefined) validateTags('tags', request.tags);
  validateQuota('jobQueueName', 'job queues', existingCount + 1, MAX_JOB_QUEUES);
  return { state, priority: request.priority, computeEnvironmentOrder };
}

export interface JobQueueChanges {
  readonly state?: 'ENABLED' | 'DISABLED';
  readonly priority?: number;
  readonly computeEnvironmentOrder?: QueueComputeEnvironment[];
}

/** UpdateJobQueue: each given field is checked as CreateJobQueue would check it. */
export function validateUpdateJobQueue(request: UpdateJobQueueRequest, resolve: ComputeEnvironmentResolver): JobQueueChanges {
  const state = request.state === undefined ? undefined : oneOf('state', request.state, RESOURCE_STATES, 'LIFE-8');
  if (request.priority !== undefined) validatePriority(request.priority);
  const computeEnvironmentOrder = request.computeEnvironmentOrder === undefined ? undefined : resolveOrder(request.computeEnvironmentOrder, resolve);
  if (request.jobStateTimeLimitActions !== undefined) validateStateTimeLimitActions(request.jobStateTimeLimitActions);
  return { state, priority: request.priority, computeEnvironmentOrder };
}

function validatePriority(priority: number): void {
  if (!isInteger(priority) || priority < MIN_QUEUE_PRIORITY || priority > MAX_QUEUE_PRIORITY) {
    fail('priority', priority, `an integer ${MIN_QUEUE_PRIORITY}..${MAX_QUEUE_PRIORITY}`, 'SCHED-2');
  }
}

/**
 * LIM-2 and LIM-3: 1..3 entries, unique orders, each CE known and listed once (by name or ARN alike),
 * one architecture and no EC2/Fargate mix, no ECS/EKS mix (PLAT-3). Sorted by ascending order (SCHED-3).
 */
function resolveOrder(entries: ComputeEnvironmentOrder[], resolve: ComputeEnvironmentResolver): QueueComputeEnvironment[] {
  const field = 'computeEnvironmentOrder';
  if (!Array.isArray(entries)) fail(field, entries, 'a list of {order, computeEnvironment}', 'LIM-2');
  validateComputeEnvironmentOrder(field, entries);
  const resolved = entries.map((entry, index) => ({ order: entry.order, computeEnvironment: resolve(entry.computeEnvironment, `${field}[${index}].computeEnvironment`) }));
  // Again on ARNs: the same CE named once by name and once by ARN is still listed twice.
  validateComputeEnvironmentOrder(field, resolved.map((entry) => ({ order: entry.order, computeEnvironment: entry.computeEnvironment.arn })));
  validateQueueComputeEnvironments(field, resolved.map(({ computeEnvironment: ce }) => ({
    name: ce.name,
    type: ce.type === 'UNMANAGED' ? 'UNMANAGED' : ce.computeResources?.type ?? 'EC2',
    architectures: ce.computeResources?.instanceTypes ? expandInstanceTypes(ce.computeResources.instanceTypes).map((spec) => spec.architecture) : [],
  })));
  // PLAT-3: a queue schedules onto ECS or onto EKS, not both.
  const eks = resolved.filter(({ computeEnvironment: ce }) => ce.eksConfiguration !== undefined);
  if (eks.length > 0 && eks.length < resolved.length) {
    const ecs = resolved.find(({ computeEnvironment: ce }) => ce.eksConfiguration === undefined)!;
    fail(field, resolved.map(({ computeEnvironment: ce }) => ce.name), 'compute environments of one orchestration type (all ECS or all EKS)', 'PLAT-3',
      `${eks[0].computeEnvironment.name} is EKS, ${ecs.computeEnvironment.name} is ECS`);
  }
  return resolved.sort((a, b) => a.order - b.order);
}

/** DIAG-4 (API): state RUNNABLE, action CANCEL, maxTimeSeconds 600..86400, a reason. */
function validateStateTimeLimitActions(actions: JobStateTimeLimitAction[]): void {
  const field = 'jobStateTimeLimitActions';
  if (!Array.isArray(actions)) fail(field, actions, 'a list of actions', 'DIAG-4');
  actions.forEach((action, index) => {
    const at = `${field}[${index}]`;
    oneOf(`${at}.state`, action.state, ['RUNNABLE'], 'DIAG-4');
    oneOf(`${at}.action`, action.action, ['CANCEL'], 'DIAG-4');
    const seconds = action.maxTimeSeconds;
    if (!isInteger(seconds) || seconds < MIN_STATE_TIME_LIMIT_SECONDS || seconds > MAX_STATE_TIME_LIMIT_SECONDS) {
      fail(`${at}.maxTimeSeconds`, action.maxTimeSeconds, `an integer ${MIN_STATE_TIME_LIMIT_SECONDS}..${MAX_STATE_TIME_LIMIT_SECONDS}`, 'DIAG-4');
    }
    if (typeof action.reason !== 'string' || action.reason.length === 0) {
      fail(`${at}.reason`, action.reason, 'a non-empty string', 'DIAG-4');
    }
  });
}
