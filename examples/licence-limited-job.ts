/**
 * Licence-limited work (PLAT-4, resource-aware scheduling): a tool that only 3 licences may run at
 * once. The environment declares a consumable resource of 3 licences; the job definition needs one
 * per job. Ten jobs are submitted together: the compute environment could run all ten, but at most
 * three run at a time and the others wait RUNNABLE ("Waiting for consumable resources") until a
 * licence comes back. Run in the local runtime in virtual time.
 *
 *   npx ts-node --project examples/tsconfig.json examples/licence-limited-job.ts
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { BatchEnvironment, JobBehavior, JobExecutor, LocalBatchRuntime } from '../src';
import { runWhenExecuted } from './shared/run-example';

const LICENCES = 3;
const JOBS = 10;

/** A Batch environment with 3 licences and a job definition that needs one. */
export class LicenceLimitedStack extends Stack {
  public readonly batch: BatchEnvironment;
  public readonly definitionArn: string;

  constructor(scope: App, id: string) {
    super(scope, id);
    this.batch = new BatchEnvironment(this, 'Batch', { maxvCpus: 32 });
    const licences = this.batch.addConsumableResource('Licences', { consumableResourceName: 'solver-licences', totalQuantity: LICENCES });
    const definition = this.batch.addJobDefinition('Solve', {
      command: ['sh', '-c', 'echo solving with a licence'],
      consumableResources: [{ resource: licences, quantity: 1 }],
    });
    this.definitionArn = definition.jobDefinitionArn;
  }
}

/** Runs the ten jobs; true when all succeeded and never more than three ran at once. */
export async function main(print: (line: string) => void = console.log): Promise<boolean> {
  const outdir = process.env.CDK_OUTDIR;
  const stack = new LicenceLimitedStack(new App(outdir ? { outdir } : undefined), 'LicenceLimited');
  const definitionArn = stack.definitionArn;
  const queueArn = stack.batch.jobQueue.jobQueueArn;
  const runtime = LocalBatchRuntime.fromStack(stack, {
    executor: JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.minutes(10) }) }),
  });
  const ids = Array.from({ length: JOBS }, (_, i) => runtime.submitJob({ jobName: `solve-${i}`, jobQueue: queueArn, jobDefinition: definitionArn }).jobId);

  let peak = 0;
  for (let minute = 0; minute < 120; minute++) {
    runtime.advance(60);
    const jobs = runtime.describeJobs(ids);
    const running = jobs.filter((job) => job.status === 'STARTING' || job.status === 'RUNNING').length;
    peak = Math.max(peak, running);
    if (minute === 1) {
      const waiting = jobs.find((job) => job.status === 'RUNNABLE');
      if (waiting) print(`${waiting.jobName}: ${waiting.statusReason}`);
    }
  }
  runtime.runUntilIdle();
  const succeeded = runtime.describeJobs(ids).filter((job) => job.status === 'SUCCEEDED').length;
  const ok = succeeded === JOBS && peak === LICENCES;
  print(`${succeeded} of ${JOBS} jobs succeeded; at most ${peak} ran at once with ${LICENCES} licences`
    + (ok ? ' (as expected)' : ` (UNEXPECTED: expected ${JOBS} and ${LICENCES})`));
  return ok;
}

runWhenExecuted(module, main);
