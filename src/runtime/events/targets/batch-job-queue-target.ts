import { ContainerOverrides, SubmitJobRequest } from '../../shapes';
import { toApiShape } from '../../template/cfn-properties';
import { RuleTarget } from '../rules/event-rule';

/**
 * EVT-3: the SubmitJob request EventBridge makes for a job-queue target. The job comes from the
 * target's `BatchParameters` (job definition, job name, array size, attempts); the target input,
 * when it is a JSON object, supplies `Parameters` (the values of the job definition's `Ref::name`
 * placeholders, as in the seed's S3 example) and `ContainerOverrides` (PascalCase, as EventBridge
 * passes it on). Other input fields are ignored, as EventBridge ignores them.
 *
 * @throws Error naming the field and value when the input has a `Parameters` EventBridge could not pass
 */
export function submitJobRequestForTarget(target: RuleTarget, input: string): SubmitJobRequest {
  const batch = target.batch;
  if (!batch) throw new Error(`internal: target ${target.id} has no BatchParameters`);
  const payload = parseObject(input);
  return {
    jobName: batch.jobName,
    jobQueue: target.arn,
    jobDefinition: batch.jobDefinition,
    arrayProperties: batch.arraySize !== undefined ? { size: batch.arraySize } : undefined,
    retryStrategy: batch.attempts !== undefined ? { attempts: batch.attempts } : undefined,
    parameters: payload?.Parameters !== undefined ? stringMap(payload.Parameters, target.id) : undefined,
    containerOverrides: payload?.ContainerOverrides !== undefined
      ? toApiShape(payload.ContainerOverrides) as ContainerOverrides
      : undefined,
  };
}

/** The input as a JSON object, or undefined when it is text, a list or a scalar. */
function parseObject(input: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(input);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}

/** SubmitJob `parameters` is a map of strings; anything else fails the invocation, naming the key. */
function stringMap(value: unknown, targetId: string): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`Parameters in the input of target ${targetId} must be an object of strings; got ${JSON.stringify(value)}`);
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const bad = entries.find(([, v]) => typeof v !== 'string');
  if (bad) {
    throw new Error(`Parameters.${bad[0]} in the input of target ${targetId} must be a string; got ${JSON.stringify(bad[1])}`);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}
