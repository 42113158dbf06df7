/**
 * The seed's "scheduled AWS Batch job", run locally in virtual time: an EventBridge rule with
 * `rate(1 hour)` and a Batch job queue target submits a job every hour. A simulated day gives 24 jobs.
 * Schedules fire only while `advance()` moves the virtual clock; `runUntilIdle()` then lets the last
 * jobs finish without firing more.
 *
 *   npx ts-node --project examples/tsconfig.json examples/scheduled-job-local.ts
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { BatchEnvironment, JobBehavior, JobExecutor, LocalBatchRuntime } from '../src';
import { runWhenExecuted } from './shared/run-example';

const HOURS_SIMULATED = 24;

/** The CDK app: a Batch environment, a job definition and the hourly rule targeting the queue. */
export function buildScheduledJobApp(outdir?: string): { stack: Stack } {
  const app = new App(outdir ? { outdir } : undefined);
  const stack = new Stack(app, 'ScheduledJob');
  const environment = new BatchEnvironment(stack, 'Batch');
  const definition = environment.addJobDefinition('Report', { command: ['echo', 'hourly report'] });
  new events.Rule(stack, 'Hourly', {
    schedule: events.Schedule.rate(Duration.hours(1)),
    targets: [new targets.BatchJob(environment.jobQueue.jobQueueArn, environment.jobQueue, definition.jobDefinitionArn, definition, {
      jobName: 'hourly-report',
      attempts: 2,
    })],
  });
  return { stack };
}

/** Simulates a day; true when the rule submitted 24 jobs, an hour apart, and all of them succeeded. */
export async function main(print: (line: string) => void = console.log): Promise<boolean> {
  const { stack } = buildScheduledJobApp(process.env.CDK_OUTDIR);
  const runtime = LocalBatchRuntime.fromStack(stack, {
    executor: JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.minutes(10) }) }),
  });
  for (const warning of runtime.eventRuleWarnings()) print(`warning: ${warning}`);

  runtime.advance(HOURS_SIMULATED * 3600);
  runtime.runUntilIdle();

  const invocations = runtime.targetInvocations();
  for (const invocation of invocations) {
    const job = invocation.submittedJobId !== undefined ? runtime.describeJob(invocation.submittedJobId) : undefined;
    print(`${new Date(invocation.time).toISOString()} ${invocation.ruleLogicalId} -> ${invocation.targetLogicalId}: `
      + (job ? `${job.jobName} ${job.jobId} ${job.status}` : `not submitted (${invocation.error})`));
  }
  const succeeded = invocations.filter((i) => i.submittedJobId !== undefined && runtime.describeJob(i.submittedJobId).status === 'SUCCEEDED');
  const hourly = invocations.every((i, index) => index === 0 || i.time - invocations[index - 1].time === 3_600_000);
  const ok = invocations.length === HOURS_SIMULATED && succeeded.length === HOURS_SIMULATED && hourly;
  print(`${succeeded.length} of ${invocations.length} scheduled jobs succeeded in ${HOURS_SIMULATED} simulated hours`
    + (ok ? ' (as expected)' : ` (UNEXPECTED: expected ${HOURS_SIMULATED}, an hour apart)`));
  return ok;
}

runWhenExecuted(module, main);
