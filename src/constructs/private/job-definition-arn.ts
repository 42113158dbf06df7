import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';

/**
 * `arn:...:job-definition/name:*` for a job definition whose ARN is
 * `arn:...:job-definition/name:revision` (or has no revision, when imported by name).
 * With a token ARN, the first six `:`-separated fields are kept and the revision replaced.
 */
export function allRevisionsArn(definition: batch.IJobDefinition): string {
  const arn = definition.jobDefinitionArn;
  if (!cdk.Token.isUnresolved(arn)) {
    const fields = arn.split(':');
    return [...fields.slice(0, 6), '*'].join(':');
  }
  const fields = cdk.Fn.split(':', arn, 7);
  return cdk.Fn.join(':', [...fields.slice(0, 6), '*']);
}
