import { RegisterJobDefinitionRequest } from './requests';
import { validateSchedulingPriority } from './scheduling-policy-rules';
import { validateTags } from './tag-limits';
import { oneOf } from './validation-bridge';
import {
  ContainerPlatform,
  EcsPropertiesInput,
  EksPropertiesInput,
  fail,
  hasEksNodeRanges,
  JOB_DEFINITION_MAX_BYTES,
  validateAttemptDurationSeconds,
  validateContainerProperties,
  validateEcsProperties,
  validateEksProperties,
  validateEffectiveResources,
  validateJsonSize,
  validateNodeProperties,
  validateResourceName,
  validateRetryStrategy,
} from '../../../validation';

export const JOB_DEFINITION_TYPES = ['container', 'multinode'] as const;
export const PLATFORM_CAPABILITIES = ['EC2', 'FARGATE'] as const;

export interface ValidJobDefinition {
  readonly type: 'container' | 'multinode';
  readonly platformCapabilities: string[];
}

/**
 * LIM-5, LIM-8, LIM-9, LIM-10, LIM-11, LIM-12 for RegisterJobDefinition. Throws `ValidationError`;
 * nothing is stored before it returns.
 */
export function validateRegisterJobDefinition(request: RegisterJobDefinitionRequest): ValidJobDefinition {
  validateJsonSize('jobDefinition', JSON.stringify(request), JOB_DEFINITION_MAX_BYTES, 'LIM-5');
  validateResourceName('jobDefinitionName', request.jobDefinitionName);
  const type = oneOf('type', request.type, JOB_DEFINITION_TYPES, 'MNP-1');
  const platformCapabilities = validatePlatformCapabilities(request.platformCapabilities);
  if (request.schedulingPriority !== undefined) validateSchedulingPriority('schedulingPriority', request.schedulingPriority, 'FS-5');
  const platform: ContainerPlatform = platformCapabilities.includes('FARGATE') ? 'FARGATE' : 'EC2';
  const shapes = (['containerProperties', 'ecsProperties', 'eksProperties'] as const).filter((member) => request[member] !== undefined);
  if (shapes.length > 1) {
    fail(shapes[1], request[shapes[1]], `not together with ${shapes[0]}: a job definition describes its containers one way`, 'PLAT-2');
  }
  if (type === 'container' && (request.ecsProperties !== undefined || request.eksProperties !== undefined)) {
    if (request.nodeProperties !== undefined) {
      fail('nodeProperties', request.nodeProperties, 'only for a job definition of type multinode', 'MNP-1');
    }
    if (request.eksProperties !== undefined) {
      if (request.platformCapabilities !== undefined) {
        fail('platformCapabilities', request.platformCapabilities, 'absent for a job definition that runs on Amazon EKS (eksProperties)', 'PLAT-3');
      }
      validateEksProperties('eksProperties', request.eksProperties as EksPropertiesInput);
    } else {
      validateEcsProperties('ecsProperties', request.ecsProperties as EcsPropertiesInput);
    }
  } else if (type === 'container') {
    if (request.containerProperties === undefined) {
      fail('containerProperties', undefined, 'required for a job definition of type container', 'LIM-9');
    }
    if (request.nodeProperties !== undefined) {
      fail('nodeProperties', request.nodeProperties, 'only for a job definition of type multinode', 'MNP-1');
    }
    validateContainerProperties('containerProperties', request.containerProperties, platform);
    validateEffectiveResources('containerProperties', request.containerProperties);
  } else {
    if (request.nodeProperties === undefined) {
      fail('nodeProperties', undefined, 'required for a job definition of type multinode', 'MNP-1');
    }
    if (request.containerProperties !== undefined) {
      fail('containerProperties', request.containerProperties, 'not for a multinode job definition: containers go in nodeProperties.nodeRangeProperties', 'MNP-1');
    }
    for (const member of ['ecsProperties', 'eksProperties'] as const) {
      if (request[member] !== undefined) {
        fail(member, request[member], `not at the top of a multinode job definition: each node range has its own (nodeProperties.nodeRangeProperties[].${member})`, 'MNP-1');
      }
    }
    if (platform === 'FARGATE') {
      fail('platformCapabilities', platformCapabilities, 'multi-node parallel jobs run on EC2 only', 'LIM-14');
    }
    validateNodeProperties('nodeProperties', request.nodeProperties);
    if (hasEksNodeRanges(request.nodeProperties) && request.platformCapabilities !== undefined) {
      fail('platformCapabilities', request.platformCapabilities, 'absent for a multi-node job definition whose node ranges run on Amazon EKS (eksProperties)', 'PLAT-3');
    }
  }
  if (request.retryStrategy !== undefined) validateRetryStrategy('retryStrategy', request.retryStrategy);
  if (request.timeout?.attemptDurationSeconds !== undefined) {
    validateAttemptDurationSeconds('timeout.attemptDurationSeconds', request.timeout.attemptDurationSeconds);
  }
  if (request.parameters !== undefined) validateParameters(request.parameters);
  if (request.tags !== undefined) validateTags('tags', request.tags);
  // PLAT-3: an EKS definition (or one of EKS node ranges, MNP-1) has no platform capabilities; it runs on the EKS compute environments.
  const eks = request.eksProperties !== undefined || (type === 'multinode' && hasEksNodeRanges(request.nodeProperties));
  return { type, platformCapabilities: eks ? [] : platformCapabilities };
}

function validatePlatformCapabilities(capabilities: string[] | undefined): string[] {
  if (capabilities === undefined || (Array.isArray(capabilities) && capabilities.length === 0)) return ['EC2'];
  if (!Array.isArray(capabilities) || capabilities.length > 1) {
    fail('platformCapabilities', capabilities, 'one of [EC2] or [FARGATE]', 'API');
  }
  return capabilities.map((capability, index) => oneOf(`platformCapabilities[${index}]`, capability, PLATFORM_CAPABILITIES, 'API'));
}

/** PARAM-1: parameter defaults are a map of strings (they are substituted into the command as text). */
function validateParameters(parameters: Record<string, string>): void {
  if (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters)) {
    fail('parameters', parameters, 'a map of parameter names to string values', 'PARAM-1');
  }
  for (const [name, value] of Object.entries(parameters)) {
    if (typeof value !== 'string') fail(`parameters.${name}`, value, 'a string', 'PARAM-1');
  }
}
