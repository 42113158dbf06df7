/**
 * The main job (`npm run demo`): a CDK app with a BatchEnvironment and three job definitions is
 * synthesized, and its template is executed by the local runtime, each job as a real host process.
 *
 *   npx ts-node --project examples/tsconfig.json examples/quickstart.ts
 */
import { App, Stack } from 'aws-cdk-lib';
import { BatchEnvironment, JobExecutor, JobStateChange, LocalBatchRuntime } from '../src';
import { runWhenExecuted } from './shared/run-example';

/** The CDK app users would `cdk deploy`. */
export function buildQuickstartApp(outdir?: string): { app: App; stack: Stack; environment: BatchEnvironment; definitions: QuickstartDefinitions } {
  const app = new App(outdir ? { outdir } : undefined);
  const stack = new Stack(app, 'Quickstart');
  const environment = new BatchEnvironment(stack, 'Batch');
  const definitions = {
    hello: environment.addJobDefinition('HelloWorld', { command: ['echo', 'hello world'] }),
    greet: environment.addJobDefinition('Greeter', {
      command: ['echo', 'Ref::greeting', 'Ref::name'],
      parameters: { greeting: 'hello', name: 'world' },
    }),
    failing: environment.addJobDefinition('Failing', { command: ['sh', '-c', 'echo "giving up" >&2; exit 1'] }),
  };
  return { app, stack, environment, definitions };
}

type QuickstartDefinitions = Record<'hello' | 'greet' | 'failing', { jobDefinitionArn: string }>;

interface ExpectedOutcome {
  readonly jobName: string;
  readonly definition: keyof QuickstartDefinitions;
  readonly parameters?: Record<string, string>;
  readonly expectedStatus: 'SUCCEEDED' | 'FAILED';
}

const JOBS: ExpectedOutcome[] = [
  { jobName: 'hello-world', definition: 'hello', expectedStatus: 'SUCCEEDED' },
  { jobName: 'greet-batch', definition: 'greet', parameters: { name: 'AWS Batch' }, expectedStatus: 'SUCCEEDED' },
  { jobName: 'always-fails', definition: 'failing', expectedStatus: 'FAILED' },
];

/** Runs the quickstart jobs; resolves true when every job ended as expected. */
export async function main(print: (line: string) => void = console.log): Promise<boolean> {
  const { stack, definitions, environment } = buildQuickstartApp(process.env.CDK_OUTDIR);
  const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.process() });
  const names = new Map<string, string>();
  runtime.addJobListener({
    onStateChange: (change: JobStateChange) => {
      print(`[${names.get(change.jobId) ?? change.jobName}] ${change.previousStatus} -> ${change.status}${change.statusReason ? ` (${change.statusReason})` : ''}`);
    },
  });

  const submitted = JOBS.map((job) => {
    const { jobId } = runtime.submitJob({
      jobName: job.jobName,
      jobQueue: environment.jobQueue.jobQueueArn,
      jobDefinition: definitions[job.definition].jobDefinitionArn,
      parameters: job.parameters,
    });
    names.set(jobId, job.jobName);
    print(`[${job.jobName}] submitted as ${jobId}`);
    return { ...job, jobId };
  });

  const results = await Promise.all(submitted.map(async (job) => ({ job, detail: await runtime.waitForJob(job.jobId) })));
  runtime.dispose();

  print('');
  for (const { job } of results) {
    for (const line of runtime.getJobLogs(job.jobId)) print(`[${job.jobName}] log: ${line}`);
  }
  print('');
  const rows = results.map(({ job, detail }) => [
    job.jobName,
    detail.status,
    String(detail.container?.exitCode ?? ''),
    `${((detail.stoppedAt ?? 0) - (detail.startedAt ?? 0))} ms`,
    detail.status === job.expectedStatus ? 'as expected' : `EXPECTED ${job.expectedStatus}`,
  ]);
  printTable(['job', 'status', 'exit code', 'run time', 'verdict'], rows, print);
  return results.every(({ job, detail }) => detail.status === job.expectedStatus);
}

function printTable(header: string[], rows: string[][], print: (line: string) => void): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  print(line(header));
  print(widths.map((w) => '-'.repeat(w)).join('-+-'));
  for (const row of rows) print(line(row));
}

runWhenExecuted(module, main);
