import { RegisterJobDefinitionRequest } from './requests';
import { validateSchedulingPriority } from './scheduling-policy-rules';
import { validateTags } from './tag-limits';
import { oneOf } from './validation-bridge';
import {
  ContainerPlatform,
  fail,
  JOB_DEFINITION_MAX_BYTES,
  validateAttemptDurationSeconds,
  validateContainerProperties,
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
  for (const unsupported of ['ecsProperties', 'eksProperties'] as const) {
    if (request[unsupported] !== undefined) {
      fail(unsupported, request[unsupported], 'not run by the local runtime: describe the container with containerProperties', 'API');
    }
  }
  if (type === 'container') {
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
    if (platform === 'FARGATE') {
      fail('platformCapabilities', platformCapabilities, 'multi-node parallel jobs run on EC2 only', 'LIM-14');
    }
    validateNodeProperties('nodeProperties', request.nodeProperties);
  }
  if (request.retryStrategy !== undefined) validateRetryStrategy('retryStrategy', request.retryStrategy);
  if (request.timeout?.attemptDurationSeconds !== undefined) {
    validateAttemptDurationSeconds('timeout.attemptDurationSeconds', request.timeout.attemptDurationSeconds);
  }
  if (request.parameters !== undefined) validateParameters(request.parameters);
  if (request.tags !== undefined) validateTags('tags', request.tags);
  return { type, platformCapabilities };
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
