/**
 * The seed tutorial "Sending SNS alerts for failed job events", run locally in virtual time: an
 * EventBridge rule matches Batch Job State Change events whose status is FAILED and publishes them to
 * an SNS topic. One job exits 1 (one alert), one succeeds (no alert).
 *
 *   npx ts-node --project examples/tsconfig.json examples/failed-job-alert-local.ts
 */
import { App, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import { BatchEnvironment, JobBehavior, JobExecutor, LocalBatchRuntime, TargetKind } from '../src';
import { runWhenExecuted } from './shared/run-example';

/** The CDK app: a Batch environment, a job definition, the alert topic and the tutorial's rule. */
export function buildFailedJobAlertApp(outdir?: string): { stack: Stack; jobQueueArn: string; jobDefinitionArn: string } {
  const app = new App(outdir ? { outdir } : undefined);
  const stack = new Stack(app, 'FailedJobAlert');
  const environment = new BatchEnvironment(stack, 'Batch');
  const definition = environment.addJobDefinition('Worker', { command: ['sh', '-c', 'echo working; exit 1'] });
  const topic = new sns.Topic(stack, 'JobFailedAlert');
  new events.Rule(stack, 'FailedJobs', {
    description: 'Batch jobs that moved to FAILED',
    eventPattern: { source: ['aws.batch'], detailType: ['Batch Job State Change'], detail: { status: ['FAILED'] } },
    targets: [new targets.SnsTopic(topic)],
  });
  return { stack, jobQueueArn: environment.jobQueue.jobQueueArn, jobDefinitionArn: definition.jobDefinitionArn };
}

/** Runs a failing and a succeeding job; true when exactly one alert, about the failing job, was published. */
export async function main(print: (line: string) => void = console.log): Promise<boolean> {
  const { stack, jobQueueArn, jobDefinitionArn } = buildFailedJobAlertApp(process.env.CDK_OUTDIR);
  const runtime = LocalBatchRuntime.fromStack(stack, {
    executor: JobExecutor.simulated({
      byJobName: {
        'nightly-etl': JobBehavior.fail({ exitCode: 1, logLines: ['working'] }),
        'daily-report': JobBehavior.succeed(),
      },
    }),
  });
  const failing = runtime.submitJob({ jobName: 'nightly-etl', jobQueue: jobQueueArn, jobDefinition: jobDefinitionArn });
  const succeeding = runtime.submitJob({ jobName: 'daily-report', jobQueue: jobQueueArn, jobDefinition: jobDefinitionArn });
  runtime.runUntilIdle();

  for (const jobId of [failing.jobId, succeeding.jobId]) {
    const job = runtime.describeJob(jobId);
    print(`job ${job.jobName}: ${job.status}${job.container?.exitCode !== undefined ? ` (exit ${job.container.exitCode})` : ''}`);
  }
  const alerts = runtime.targetInvocations().filter((i) => i.kind === TargetKind.SNS_TOPIC);
  print(`${alerts.length} message(s) published to the topic:`);
  for (const alert of alerts) {
    const event = JSON.parse(alert.input);
    print(`  ${new Date(alert.time).toISOString()} rule ${alert.ruleLogicalId} -> ${alert.targetLogicalId}: `
      + `${event['detail-type']} ${event.detail.jobName} ${event.detail.status} "${event.detail.statusReason}"`);
  }
  const ok = alerts.length === 1 && JSON.parse(alerts[0].input).detail.jobId === failing.jobId;
  print(ok ? 'as expected: one alert, for the failed job' : 'UNEXPECTED: expected exactly one alert, for nightly-etl');
  return ok;
}

runWhenExecuted(module, main);
