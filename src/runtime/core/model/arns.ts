/** The account and region the runtime pretends to be in. */
export interface Environment {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
}

export const DEFAULT_ENVIRONMENT: Environment = { account: '123456789012', region: 'us-east-1', partition: 'aws' };

export type BatchResourceType = 'compute-environment' | 'job-queue' | 'job-definition' | 'job' | 'scheduling-policy' | 'consumable-resource';

export function batchArn(env: Environment, type: BatchResourceType, name: string): string {
  // join() gives one flat string; a template literal gives a rope of pieces that a runtime holding a
  // million job ARNs (LIM-7) would keep alive as several objects each.
  return ['arn:', env.partition, ':batch:', env.region, ':', env.account, ':', type, '/', name].join('');
}

/** Parses `arn:<partition>:batch:<region>:<account>:<type>/<name>`; undefined when it is not a Batch ARN. */
export function parseBatchArn(value: string): { type: string; name: string } | undefined {
  const match = /^arn:[^:]+:batch:[^:]*:[^:]*:([a-z-]+)\/(.+)$/.exec(value);
  return match ? { type: match[1], name: match[2] } : undefined;
}
