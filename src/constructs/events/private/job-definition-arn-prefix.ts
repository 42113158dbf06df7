import { Arn, ArnFormat } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';

/**
 * `arn:<partition>:batch:<region>:<account>:job-definition/<name>:`, the prefix every revision's
 * ARN starts with. Events carry the revisioned ARN of the job's definition, so matching the
 * prefix follows a job definition across revisions (the trailing colon keeps `name2` out).
 */
export function jobDefinitionArnPrefix(jobDefinition: batch.IJobDefinition): string {
  return Arn.format(
    {
      service: 'batch',
      region: jobDefinition.env.region,
      account: jobDefinition.env.account,
      resource: 'job-definition',
      resourceName: `${jobDefinition.jobDefinitionName}:`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    },
    jobDefinition.stack,
  );
}
