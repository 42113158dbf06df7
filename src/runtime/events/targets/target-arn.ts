import { TargetKind } from './target-invocation';

/** The parts of an ARN (`arn:partition:service:region:account:resource`); undefined if it is not one. */
export function parseArn(arn: string): { service: string; resource: string } | undefined {
  const match = /^arn:[^:]+:([^:]+):[^:]*:[^:]*:(.+)$/.exec(arn);
  return match ? { service: match[1], resource: match[2] } : undefined;
}

/**
 * What a target is, told from its ARN the way EventBridge does: the service of the ARN, and for
 * AWS Batch the `job-queue/` resource.
 */
export function targetKindOfArn(arn: string): TargetKind {
  const parts = parseArn(arn);
  switch (parts?.service) {
    case 'sns': return TargetKind.SNS_TOPIC;
    case 'sqs': return TargetKind.SQS_QUEUE;
    case 'lambda': return TargetKind.LAMBDA_FUNCTION;
    case 'batch': return parts.resource.startsWith('job-queue/') ? TargetKind.BATCH_JOB_QUEUE : TargetKind.OTHER;
    default: return TargetKind.OTHER;
  }
}

/**
 * The function name in a Lambda ARN: `arn:aws:lambda:r:a:function:NAME[:qualifier]`. ARNs without
 * the `function:` part (as the runtime's generic `Fn::GetAtt Arn` writes them) end in the name.
 */
export function lambdaFunctionName(arn: string): string | undefined {
  const resource = parseArn(arn)?.resource;
  if (resource === undefined) return undefined;
  const parts = resource.split(':');
  return parts[0] === 'function' ? parts[1] : parts[0];
}
