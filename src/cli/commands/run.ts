import { Command, InvalidArgumentError } from 'commander';
import { isTerminal, JobStatus } from '../../runtime/core/jobs/job-status';
import { JobDetail } from '../../runtime/shapes';
import { CliIo, printJson } from '../cli-io';
import {
  addExecutorOptions, addJsonOption, addTemplateOptions, ExecutorOptions, hostWithTemplate, keyValues, TemplateOptions,
} from '../common-options';
import { JobProgressView } from '../job-progress';

export interface RunOptions extends TemplateOptions, ExecutorOptions {
  readonly queue: string;
  readonly definition: string;
  readonly param?: string[];
  readonly arraySize?: number;
  readonly jobName?: string;
  readonly json?: boolean;
}

/** The outcome of `run`: the job as DescribeJobs shows it at the end, and the log lines of each container. */
export interface RunResult {
  readonly job: JobDetail;
  /** Job id -> log lines (the job itself, or each array child). */
  readonly logs: Record<string, string[]>;
}

/**
 * Loads the template, submits one job (an array job with --array-size) and follows it to the end.
 * Queue and definition may be names, ARNs, or the template's logical ids or construct paths. Exit code 0 only if the job
 * SUCCEEDED.
 */
export async function run(options: RunOptions, io: CliIo): Promise<{ exitCode: number; result: RunResult }> {
  const { host } = hostWithTemplate(options);
  const backend = host.backend;
  try {
    // Names, ARNs, logical ids and construct paths resolve in the registry, as at the serve endpoint.
    const submitted = backend.submitJob({
      jobName: options.jobName ?? 'batch-local-run',
      jobQueue: options.queue,
      jobDefinition: options.definition,
      parameters: keyValues('--param', options.param ?? []),
      ...(options.arraySize !== undefined ? { arrayProperties: { size: options.arraySize } } : {}),
    });
    const view = new JobProgressView(io, submitted.jobName, options.arraySize ?? 1, Boolean(options.json));
    const describe = (): JobDetail => backend.describeJobs([submitted.jobId])[0];
    const job = await new Promise<JobDetail>((done) => {
      const check = (): void => {
        const detail = describe();
        view.update(detail.status, detail.arrayProperties?.statusSummary);
        if (isTerminal(detail.status as JobStatus)) done(detail);
      };
      backend.addJobStateListener({
        onJobStateChange: (changed) => {
          if (changed.jobId === submitted.jobId || changed.jobId.startsWith(`${submitted.jobId}:`)) check();
        },
      });
      check();
    });
    view.stop();
    const ids = options.arraySize !== undefined ? Array.from({ length: options.arraySize }, (_, i) => `${submitted.jobId}:${i}`) : [submitted.jobId];
    const logs = Object.fromEntries(ids.map((id) => [id, backend.jobLogLines(id)]));
    const result = { job, logs };
    if (options.json) {
      printJson(io, result);
    } else {
      for (const [id, lines] of Object.entries(logs)) {
        const prefix = options.arraySize !== undefined ? `[${id.slice(id.lastIndexOf(':') + 1)}] ` : '';
        for (const line of lines) io.out(`${prefix}${line}`);
      }
      io.err(`${job.jobName} (${job.jobId}): ${job.status}${job.statusReason ? ` - ${job.statusReason}` : ''}`
        + `${job.container?.exitCode !== undefined ? `, exit code ${job.container.exitCode}` : ''}`);
    }
    return { exitCode: job.status === 'SUCCEEDED' ? 0 : 1, result };
  } finally {
    host.dispose();
  }
}

export function runCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const command = new Command('run')
    .description('Submit one job from the template and follow it to the end (exit code 0 only if it SUCCEEDED)')
    .requiredOption('-q, --queue <queue>', 'job queue: name, ARN, or logical id or construct path in the template')
    .requiredOption('-d, --definition <definition>', 'job definition: name, name:revision, ARN, logical id or construct path')
    .option('-p, --param <name=value>', 'value for a Ref::name placeholder in the command (repeatable)', (v: string, prev: string[]) => [...prev, v], [])
    .option('-a, --array-size <n>', 'submit an array job of N children (2..10000)', parseArraySize)
    .option('-n, --job-name <name>', 'job name', 'batch-local-run');
  addTemplateOptions(command);
  addExecutorOptions(command);
  addJsonOption(command);
  command.addHelpText('after', `
Examples:
  $ batch-local run --cdk-out cdk.out --queue JobQueue --definition HelloJob --param who=world
  $ batch-local run --template template.json --queue my-queue --definition print-color --array-size 7`);
  command.action(async (options: RunOptions) => {
    setExitCode((await run(options, io)).exitCode);
  });
  return command;
}

function parseArraySize(value: string): number {
  const size = Number(value);
  if (!Number.isInteger(size)) throw new InvalidArgumentError('expected an integer (LIM-6: 2..10000)');
  return size;
}
