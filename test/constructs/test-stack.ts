import * as cdk from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { BatchChecks } from '../../src/nag';

/** A stack with a concrete account and region, so ARNs and AZs render as literals. */
export function newStack(id = 'TestStack'): cdk.Stack {
  const app = new cdk.App();
  return new cdk.Stack(app, id, { env: { account: '123456789012', region: 'us-east-1' } });
}

/** The message CDK reports when synthesis fails; '' when it succeeds. */
export function synthError(stack: cdk.Stack): string {
  try {
    cdk.App.of(stack)!.synth();
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * The findings of cdk-nag's AwsSolutions pack and our BatchChecks that no acknowledgment covers,
 * as `<rule id> <construct path>`, sorted. Empty means a user's app would synthesize clean under
 * both packs.
 */
export function unacknowledgedFindings(scope: IConstruct): string[] {
  return [new AwsSolutionsChecks(), new BatchChecks()]
    .flatMap((pack) => pack.validateScope(scope).violations)
    .flatMap((violation) => violation.violatingResources.map((resource) => `${violation.ruleName} ${resource.constructPath}`))
    .sort();
}
