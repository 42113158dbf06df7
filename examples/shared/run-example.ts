/**
 * What every example app shares: the compliance checks it synthesizes under, and how it runs when
 * executed directly (`npx ts-node examples/<recipe>.ts`) rather than imported by examples/smoke.ts.
 */
import * as cdk from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BatchChecks } from '../../src/nag';

/** AwsSolutions and BatchChecks on the whole app: synthesis fails on any unacknowledged finding. */
export function addComplianceChecks(app: cdk.App): void {
  cdk.Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new BatchChecks(app));
}

/**
 * Runs the example's `main()` when its file is the program itself. A `false` result or an error
 * sets exit code 1.
 */
export function runWhenExecuted(exampleModule: NodeModule, main: () => Promise<boolean | void>): void {
  if (require.main !== exampleModule) return;
  main().then((ok) => {
    if (ok === false) process.exitCode = 1;
  }).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
