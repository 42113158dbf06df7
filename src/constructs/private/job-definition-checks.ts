import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import {
  JOB_DEFINITION_MAX_BYTES,
  validateAttemptDurationSeconds,
  validateContainerProperties,
  validateEffectiveResources,
  validateJsonSize,
  validateNodeProperties,
  validateResourceName,
  validateRetryStrategy,
} from '../../validation';

/**
 * The job definition as RegisterJobDefinition would receive it (camelCase, as the L1 holds it),
 * with every deploy-time value resolved to its CloudFormation intrinsic.
 */
export function renderedJobDefinition(cfn: batch.CfnJobDefinition): Record<string, unknown> {
  return cdk.Stack.of(cfn).resolve({
    jobDefinitionName: cfn.jobDefinitionName,
    type: cfn.type,
    parameters: cfn.parameters,
    containerProperties: cfn.containerProperties,
    nodeProperties: cfn.nodeProperties,
    ecsProperties: cfn.ecsProperties,
    eksProperties: cfn.eksProperties,
    retryStrategy: cfn.retryStrategy,
    timeout: cfn.timeout,
    platformCapabilities: cfn.platformCapabilities,
    propagateTags: cfn.propagateTags,
    schedulingPriority: cfn.schedulingPriority,
    tags: cfn.tags.renderTags(),
  });
}

/**
 * Every LIM rule a job definition can break, checked on what will actually be deployed, so it
 * holds whatever path (our props, aws-cdk-lib props, escape hatches) produced the values:
 * LIM-5 (size), LIM-8 (names, image), LIM-9 (vcpus, memory, GPU), LIM-10 (retry, timeout),
 * LIM-11 (environment), LIM-12 (node ranges). Values known only at deploy time are skipped.
 */
export function checkJobDefinition(cfn: batch.CfnJobDefinition): void {
  const rendered = renderedJobDefinition(cfn);
  validateJsonSize('jobDefinition', JSON.stringify(rendered), JOB_DEFINITION_MAX_BYTES, 'LIM-5');

  const known = withoutIntrinsics(rendered) as Record<string, any>;
  if (typeof known.jobDefinitionName === 'string') {
    validateResourceName('jobDefinitionName', known.jobDefinitionName);
  }
  if (known.containerProperties) {
    validateContainerProperties('containerProperties', known.containerProperties);
    validateEffectiveResources('containerProperties', known.containerProperties);
  }
  const nodes = known.nodeProperties;
  if (nodes && typeof nodes.numNodes === 'number' && Array.isArray(nodes.nodeRangeProperties)) {
    validateNodeProperties('nodeProperties', { numNodes: nodes.numNodes, mainNode: nodes.mainNode ?? 0, nodeRangeProperties: nodes.nodeRangeProperties });
  }
  if (known.retryStrategy) {
    validateRetryStrategy('retryStrategy', { attempts: known.retryStrategy.attempts, evaluateOnExit: known.retryStrategy.evaluateOnExit });
  }
  if (typeof known.timeout?.attemptDurationSeconds === 'number') {
    validateAttemptDurationSeconds('timeout.attemptDurationSeconds', known.timeout.attemptDurationSeconds);
  }
}

/**
 * A copy without CloudFormation intrinsics (`{ Ref }`, `{ 'Fn::...' }`): those stand for values
 * known only at deploy time, which no synth-time rule can judge. Array items that are
 * intrinsics are dropped; object fields holding them are left out.
 */
export function withoutIntrinsics(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.filter((item) => !isIntrinsic(item)).map(withoutIntrinsics);
  }
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (!isIntrinsic(item)) {
        result[key] = withoutIntrinsics(item);
      }
    }
    return result;
  }
  return value;
}

/** True for `{ Ref }` / `{ 'Fn::...' }`: a value known only at deploy time. */
export function isIntrinsic(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}
