import {
  SUBMIT_JOB_MAX_BYTES, validateArraySize, validateAttemptDurationSeconds, validateDependsOnCount,
  validateEnvironmentVariableNames, validateJobName, validateJsonSize, validateMemory, validateResourceRequirements,
  validateRetryStrategy, validateVcpus, ValidationError,
} from '../../../validation';
import { SubmitJobRequest } from '../../shapes';
import { ClientException } from '../errors';

/**
 * The LIM checks of a SubmitJob request, through the validators shared with the constructs, so the
 * runtime and synth time reject the same things with the same words.
 */
export function validateSubmitJobRequest(request: SubmitJobRequest): void {
  asClientException(() => {
    validateJsonSize('SubmitJob', JSON.stringify(request), SUBMIT_JOB_MAX_BYTES, 'LIM-5');
    validateJobName('jobName', request.jobName);
    if (request.arrayProperties?.size !== undefined) validateArraySize('arrayProperties.size', request.arrayProperties.size);
    if (request.dependsOn) validateDependsOnCount('dependsOn', request.dependsOn.length);
    if (request.retryStrategy) validateRetryStrategy('retryStrategy', request.retryStrategy);
    if (request.timeout?.attemptDurationSeconds !== undefined) {
      validateAttemptDurationSeconds('timeout.attemptDurationSeconds', request.timeout.attemptDurationSeconds);
    }
    const overrides = request.containerOverrides;
    if (overrides) {
      if (overrides.vcpus !== undefined) validateVcpus('containerOverrides.vcpus', overrides.vcpus);
      if (overrides.memory !== undefined) validateMemory('containerOverrides.memory', overrides.memory);
      if (overrides.resourceRequirements) validateResourceRequirements('containerOverrides.resourceRequirements', overrides.resourceRequirements);
      if (overrides.environment) {
        validateEnvironmentVariableNames('containerOverrides.environment', overrides.environment.map((e) => e.name ?? ''));
      }
    }
  });
  request.dependsOn?.forEach((dependency, index) => {
    const type = dependency.type?.toUpperCase();
    if (type !== undefined && type !== 'N_TO_N' && type !== 'SEQUENTIAL') {
      throw new ClientException(`dependsOn[${index}].type: ${JSON.stringify(dependency.type)} is not N_TO_N or SEQUENTIAL`);
    }
    if (type !== undefined && request.arrayProperties?.size === undefined) {
      throw new ClientException(`dependsOn[${index}].type: ${type} dependencies are for array jobs only (DEP-4, DEP-5)`);
    }
    if (type === 'SEQUENTIAL' && dependency.jobId !== undefined) {
      throw new ClientException(`dependsOn[${index}]: a SEQUENTIAL dependency takes no jobId (DEP-5)`);
    }
    if (type !== 'SEQUENTIAL' && dependency.jobId === undefined) {
      throw new ClientException(`dependsOn[${index}].jobId: required (DEP-6)`);
    }
  });
}

/** Runs shared validators, turning their errors into the API's ClientException. */
export function asClientException(check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof ValidationError) throw new ClientException(error.message);
    throw error;
  }
}
