import { Command, InvalidArgumentError } from 'commander';
import { isTerminal, JobDetail, JobStatus } from '../../runtime/cli-surface';
import { CliIo, printJson } from '../cli-io';
import {
  addBehaviorOptions, addExecutorOptions, addJsonOption, addTemplateOptions, ExecutorOptions, hostWithTemplate, keyValues, TemplateOptions,
} from '../common-options';
import { EXIT_CODES, EXIT_CODES_HELP } from '../exit-codes';
import { JobLogFollower } from '../job-log-follower';
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
  /** Whether the run was interrupted (the job was terminated before it ended by itself). */
  readonly interrupted: boolean;
}

/** The statusReason of a job that `run` terminated on Ctrl-C. */
export const INTERRUPTED_REASON = 'batch-local run was interrupted (SIGINT)';

/**
 * Loads the template, submits one job (an array job with --array-size) and follows it to the end,
 * printing its log lines as they arrive (not with --json, whose stdout is one JSON document).
 * Queue and definition may be names, ARNs, or the template's logical ids or construct paths. When `interrupt` aborts
 * (Ctrl-C), the job is terminated as TerminateJob would (LIFE-7) and followed until it has ended.
 * Exit code 0 only if the job SUCCEEDED; see EXIT_CODES.
 */
export async function run(options: RunOptions, io: CliIo, interrupt?: AbortSignal): Promise<{ exitCode: number; result: RunResult }> {
  const { host } = hostWithTemplate(options, (message) => io.err(message));
  const backend = host.backend;
  let follower: JobLogFollower | undefined;
  try {
    // Names, ARNs, logical ids and construct paths resolve in the registry, as at the serve endpoint.
    const submitted = backend.submitJob({
      jobName: options.jobName ?? 'batch-local-run',
      jobQueue: options.queue,
      jobDefinition: options.definition,
      parameters: keyValues('--param', options.param ?? []),
      ...(options.arraySize !== undefined ? { arrayProperties: { size: options.arraySize } } : {}),
    });
    const ids = options.arraySize !== undefined ? Array.from({ length: options.arraySize }, (_, i) => `${submitted.jobId}:${i}`) : [submitted.jobId];
    const view = new JobProgressView(io, submitted.jobName, options.arraySize ?? 1, Boolean(options.json));
    if (!options.json) {
      const prefix = (id: string): string => options.arraySize !== undefined ? `[${id.slice(id.lastIndexOf(':') + 1)}] ` : '';
      follower = new JobLogFollower(backend, { line: (id, line) => view.printAbove(() => io.out(`${prefix(id)}${line}`)) });
      follower.start();
    }
    const describe = (): JobDetail => backend.describeJobs([submitted.jobId])[0];
    let interrupted = false;
    const onInterrupt = (): void => {
      interrupted = true;
      backend.terminateJob(submitted.jobId, INTERRUPTED_REASON);
    };
    const job = await new Promise<JobDetail>((done) => {
      const check = (): void => {
        const detail = describe();
        view.update(detail.status, detail.arrayProperties?.statusSummary);
        if (isTerminal(detail.status as JobStatus)) done(detail);
      };
      backend.addJobStateListener({
        onJobStateChange: (changed) => {
          if (changed.jobId === submitted.jobId || changed.jobId.startsWith(`${submitted.jobId}:`)) {
            follower?.jobChanged(changed.jobId);
            check();
          }
        },
      });
      if (interrupt?.aborted) onInterrupt();
      else interrupt?.addEventListener('abort', onInterrupt, { once: true });
      check();
    });
    interrupt?.removeEventListener('abort', onInterrupt);
    view.stop();
    follower?.stop();
    const logs = Object.fromEntries(ids.map((id) => [id, backend.jobLogLines(id)]));
    const result = { job, logs, interrupted };
    if (options.json) {
      printJson(io, result);
    } else {
      io.err(`${job.jobName} (${job.jobId}): ${job.status}${job.statusReason ? ` - ${job.statusReason}` : ''}`
        + `${job.container?.exitCode !== undefined ? `, exit code ${job.container.exitCode}` : ''}`);
    }
    if (interrupted) io.err(`batch-local: interrupted; job ${job.jobId} was terminated (exit code ${EXIT_CODES.interrupted})`);
    const exitCode = interrupted ? EXIT_CODES.interrupted : job.status === 'SUCCEEDED' ? EXIT_CODES.ok : EXIT_CODES.failed;
    return { exitCode, result };
  } finally {
    follower?.stop();
    for (const warning of host.finalWarnings()) io.err(`warning: ${warning}`);
    host.dispose();
  }
}

export function runCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const command = new Command('run')
    .description('Submit one job from the template, print its log lines as they arrive, and follow it to the end (exit code 0 only if it SUCCEEDED)')
    .requiredOption('-q, --queue <queue>', 'job queue: name, ARN, or logical id or construct path in the template')
    .requiredOption('-d, --definition <definition>', 'job definition: name, name:revision, ARN, logical id or construct path')
    .option('-p, --param <name=value>', 'value for a Ref::name placeholder in the command (repeatable)', (v: string, prev: string[]) => [...prev, v], [])
    .option('-a, --array-size <n>', 'submit an array job of N children (2..10000)', parseArraySize)
    .option('-n, --job-name <name>', 'job name', 'batch-local-run');
  addTemplateOptions(command);
  addExecutorOptions(command);
  addBehaviorOptions(command);
  addJsonOption(command);
  command.addHelpText('after', `
Examples:
  $ batch-local run --cdk-out cdk.out --queue JobQueue --definition HelloJob --param who=world
  $ batch-local run --template template.json --queue my-queue --definition print-color --array-size 7

Ctrl-C terminates the job (its processes get SIGTERM, then SIGKILL after the grace period), prints the
log lines collected so far and exits ${EXIT_CODES.interrupted}.
${EXIT_CODES_HELP}`);
  command.action(async (options: RunOptions) => {
    const interrupt = new AbortController();
    // once: a second Ctrl-C gets Node's default (exit at once); the spawn helper then kills the job's processes.
    const onSigint = (): void => {
      io.err('batch-local: interrupted (Ctrl-C); terminating the job...');
      interrupt.abort();
    };
    process.once('SIGINT', onSigint);
    try {
      setExitCode((await run(options, io, interrupt.signal)).exitCode);
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
  });
  return command;
}

function parseArraySize(value: string): number {
  const size = Number(value);
  if (!Number.isInteger(size)) throw new InvalidArgumentError('expected an integer (LIM-6: 2..10000)');
  return size;
}
