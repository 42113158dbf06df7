import { ComputeEnvironmentRecord } from './records';
import { ComputeResources, CreateComputeEnvironmentRequest, UpdateComputeEnvironmentRequest } from './requests';
import { validateTags } from './tag-limits';
import { oneOf, required } from './validation-bridge';
import { expandInstanceTypes } from '../../../instance-catalog/instance-catalog';
import {
  fail,
  isInteger,
  MAX_COMPUTE_ENVIRONMENTS,
  validateInstanceTypes,
  validateLaunchTemplateSpecification,
  validateMinMaxDesiredVcpus,
  validateQuota,
  validateResourceName,
  validateEksConfiguration,
  validateSpotSettings,
} from '../../../validation';

export const COMPUTE_ENVIRONMENT_TYPES = ['MANAGED', 'UNMANAGED'] as const;
export const COMPUTE_RESOURCE_TYPES = ['EC2', 'SPOT', 'FARGATE', 'FARGATE_SPOT'] as const;
export const RESOURCE_STATES = ['ENABLED', 'DISABLED'] as const;

/** A CreateComputeEnvironment request after validation, with enumerations in canonical case. */
export interface ValidComputeEnvironment {
  readonly type: 'MANAGED' | 'UNMANAGED';
  readonly state: 'ENABLED' | 'DISABLED';
  readonly computeResources?: ComputeResources;
}

/**
 * CE-1, CE-2, LIM-1, LIM-8, LIM-13, LIM-15, SCHED-5: everything about a new compute environment that
 * AWS rejects with ClientException. Throws `ValidationError`; nothing is stored before it returns.
 * (What makes a CE INVALID rather than rejected, DIAG-1, is `assessComputeEnvironment`'s business.)
 */
export function validateCreateComputeEnvironment(request: CreateComputeEnvironmentRequest, existingCount: number): ValidComputeEnvironment {
  validateResourceName('computeEnvironmentName', request.computeEnvironmentName);
  const type = oneOf('type', request.type, COMPUTE_ENVIRONMENT_TYPES, 'CE-1');
  const state = request.state === undefined ? 'ENABLED' : oneOf('state', request.state, RESOURCE_STATES, 'CE-1');
  validateQuota('computeEnvironmentName', 'compute environments', existingCount + 1, MAX_COMPUTE_ENVIRONMENTS);
  if (request.tags !== undefined) validateTags('tags', request.tags);
  if (request.eksConfiguration !== undefined) {
    validateEksConfiguration('eksConfiguration', request.eksConfiguration);
    const resourceType = request.computeResources?.type?.toUpperCase();
    if (resourceType === 'FARGATE' || resourceType === 'FARGATE_SPOT') {
      fail('computeResources.type', request.computeResources!.type, 'EC2 or SPOT for an EKS compute environment (eksConfiguration)', 'PLAT-3');
    }
  }
  if (type === 'UNMANAGED') {
    if (request.computeResources !== undefined) {
      fail('computeResources', request.computeResources, 'not allowed for an UNMANAGED compute environment: its capacity is the instances registered to it', 'CE-2');
    }
    validateUnmanagedvCpus(request.unmanagedvCpus);
    return { type, state };
  }
  required('computeResources', request.computeResources, 'CE-1');
  if (request.unmanagedvCpus !== undefined) {
    fail('unmanagedvCpus', request.unmanagedvCpus, 'only for an UNMANAGED compute environment', 'CE-2');
  }
  return { type, state, computeResources: validateComputeResources('computeResources', request.computeResources!) };
}

/**
 * The compute resources of a managed CE: type, vCPU bounds, instance types (syntax and catalog),
 * Spot settings and launch template. Returns them with `type` in canonical case.
 */
export function validateComputeResources(field: string, cr: ComputeResources): ComputeResources {
  if (cr === null || typeof cr !== 'object' || Array.isArray(cr)) {
    fail(field, cr, 'an object of compute resources', 'CE-1');
  }
  const type = oneOf(`${field}.type`, cr.type, COMPUTE_RESOURCE_TYPES, 'CE-1');
  required(`${field}.maxvCpus`, cr.maxvCpus, 'CE-1');
  validateMinMaxDesiredVcpus(field, cr);
  if (cr.instanceTypes !== undefined) {
    if (!Array.isArray(cr.instanceTypes)) fail(`${field}.instanceTypes`, cr.instanceTypes, 'a list of instance types', 'LIM-15');
    validateInstanceTypes(`${field}.instanceTypes`, cr.instanceTypes);
    expandInstanceTypes(cr.instanceTypes);
  }
  const normalized = { ...cr, type };
  validateSpotSettings(field, normalized);
  if (cr.launchTemplate !== undefined) validateLaunchTemplateSpecification(`${field}.launchTemplate`, cr.launchTemplate);
  return normalized;
}

/** What an UpdateComputeEnvironment request changes, validated against the current record. */
export interface ComputeEnvironmentChanges {
  readonly state?: 'ENABLED' | 'DISABLED';
  readonly unmanagedvCpus?: number;
  readonly computeResources?: ComputeResources;
  readonly serviceRole?: string;
}

/**
 * UpdateComputeEnvironment: managed CEs take compute resource updates (merged field by field over
 * the current ones and validated as a whole), unmanaged CEs take `unmanagedvCpus`; EC2/SPOT and
 * Fargate resources cannot be swapped for one another.
 */
export function validateUpdateComputeEnvironment(
  request: UpdateComputeEnvironmentRequest, current: ComputeEnvironmentRecord,
): ComputeEnvironmentChanges {
  const state = request.state === undefined ? undefined : oneOf('state', request.state, RESOURCE_STATES, 'CE-1');
  if (request.unmanagedvCpus !== undefined) {
    if (current.type !== 'UNMANAGED') {
      fail('unmanagedvCpus', request.unmanagedvCpus, 'only for an UNMANAGED compute environment', 'CE-2', `${current.name} is ${current.type}`);
    }
    validateUnmanagedvCpus(request.unmanagedvCpus);
  }
  let computeResources: ComputeResources | undefined;
  if (request.computeResources !== undefined) {
    if (current.type !== 'MANAGED' || current.computeResources === undefined) {
      fail('computeResources', request.computeResources, 'only for a MANAGED compute environment', 'CE-2', `${current.name} is ${current.type}`);
    }
    const update = Object.fromEntries(Object.entries(request.computeResources).filter(([, value]) => value !== undefined));
    delete update.updateToLatestImageVersion; // an instruction, not a property of the resources
    computeResources = validateComputeResources('computeResources', { ...current.computeResources, ...update } as ComputeResources);
    const family = (type: string): string => (type.startsWith('FARGATE') ? 'Fargate' : 'EC2');
    if (family(computeResources.type) !== family(current.computeResources.type)) {
      fail('computeResources.type', request.computeResources.type, `${family(current.computeResources.type)} resources stay ${family(current.computeResources.type)}`, 'CE-1',
        `${current.name} has ${current.computeResources.type} resources`);
    }
  }
  return { state, unmanagedvCpus: request.unmanagedvCpus, computeResources, serviceRole: request.serviceRole };
}

function validateUnmanagedvCpus(value: number | undefined): void {
  if (value !== undefined && (!isInteger(value) || value < 0)) {
    fail('unmanagedvCpus', value, 'a non-negative integer', 'CE-2');
  }
}
