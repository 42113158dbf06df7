import * as cdk from 'aws-cdk-lib';

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
