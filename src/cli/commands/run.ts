import { Command, InvalidArgumentError } from 'commander';
import { JobDetail } from '../../runtime/cli-surface';
import { CliIo, printJson } from '../cli-io';
import {
  addBehaviorOptions, addExecutorOptions, addJsonOption, addRequiredOption, addTemplateOptions, ExecutorOptions, hostWithTemplate, keyValues,
  TemplateOptions,
} from '../common-options';
import { EXIT_CODES, EXIT_CODES_HELP } from '../exit-codes';
import { JobLogFollower } from '../job-log-follower';
import { watchJobOutcome } from '../job-outcome-watch';
import { JobProgressView } from '../job-progress';

export interface RunOptions extends TemplateOptions, ExecutorOptions {
  readonly queue: string;
  readonly definition: string;
  readonly param?: string[];
  readonly arraySize?: number;
  readonly jobName?: string;
  readonly json?: boolean;
  /** Seconds after which the job is terminated (LIFE-7) if it has not ended. */
  readonly timeout?: number;
}

/** The outcome of `run`: the job as DescribeJobs shows it at the end, and the log lines of each container. */
export interface RunResult {
  readonly job: JobDetail;
  /** Job id -> log lines (the job itself, or each array child). */
  readonly logs: Record<string, string[]>;
  /** Whether the run was interrupted (the job was terminated before it ended by itself). */
  readonly interrupted: boolean;
  /** Whether `--timeout` ran out (the job was terminated). */
  readonly timedOut: boolean;
  /**
   * DIAG-2: set when the run ended because nothing left could change the job (it, or a job it waits on,
   * can never be placed): why, as explainJob says it. The job is then RUNNABLE or PENDING.
   */
  readonly stalledReason?: string;
}

/** The statusReason of a job that `run` terminated on Ctrl-C. */
export const INTERRUPTED_REASON = 'batch-local run was interrupted (SIGINT)';

/** The statusReason of a job that `run` terminated when `--timeout` ran out. */
export function timedOutReason(seconds: number): string {
  return `batch-local run --timeout ${seconds}: the job had not ended after ${seconds} s`;
}

/**
 * Loads the template, submits one job (an array job with --array-size) and follows it to the end,
 * printing its log lines as they arrive (not with --json, whose stdout is one JSON document).
 * Queue and definition may be names, ARNs, or the template's logical ids or construct paths. When `interrupt` aborts
 * (Ctrl-C), the job is terminated as TerminateJob would (LIFE-7) and followed until it has ended.
 * When nothing left can change the job (it can never be placed, or waits on a job that never can: DIAG-2),
 * the run ends there with the job's status and the reason, never silently. With `timeout`, a job that
 * has not ended in time is terminated. Exit code 0 only if the job SUCCEEDED; see EXIT_CODES.
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
    const { job, interrupted, timedOut, stalledReason } = await watchJobOutcome(backend, submitted.jobId, {
      interrupt: interrupt && { signal: interrupt, reason: INTERRUPTED_REASON },
      timeout: options.timeout !== undefined ? { seconds: options.timeout, reason: timedOutReason(options.timeout) } : undefined,
      onChange: (changedJobId, detail) => {
        // Log lines are followed for the job and its array children, not for multi-node nodes.
        if (!changedJobId.includes('#')) follower?.jobChanged(changedJobId);
        view.update(detail.status, detail.arrayProperties?.statusSummary);
      },
    });
    view.stop();
    follower?.stop();
    const logs = Object.fromEntries(ids.map((id) => [id, backend.jobLogLines(id)]));
    const result: RunResult = { job, logs, interrupted, timedOut, ...(stalledReason !== undefined ? { stalledReason } : {}) };
    if (options.json) {
      printJson(io, result);
    } else {
      // container.reason of a container that ran says more than AWS's statusReason (e.g. as whom and where it ran).
      const exited = job.container?.exitCode !== undefined ? `, exit code ${job.container.exitCode}${job.container.reason ? ` (${job.container.reason})` : ''}` : '';
      io.err(`${job.jobName} (${job.jobId}): ${job.status}${job.statusReason ? ` - ${job.statusReason}` : ''}${exited}`);
    }
    if (interrupted) io.err(`batch-local: interrupted; job ${job.jobId} was terminated (exit code ${EXIT_CODES.interrupted})`);
    if (timedOut && !interrupted) io.err(`batch-local: --timeout ${options.timeout} ran out; job ${job.jobId} was terminated (exit code ${EXIT_CODES.timedOut})`);
    if (stalledReason !== undefined) {
      io.err(`batch-local: nothing left can change job ${job.jobId} (${job.status}); it would wait forever (exit code ${EXIT_CODES.failed}). ${stalledReason}`);
    }
    const exitCode = interrupted ? EXIT_CODES.interrupted : timedOut ? EXIT_CODES.timedOut : job.status === 'SUCCEEDED' ? EXIT_CODES.ok : EXIT_CODES.failed;
    return { exitCode, result };
  } finally {
    follower?.stop();
    for (const warning of host.finalWarnings()) io.err(`warning: ${warning}`);
    host.dispose();
  }
}

export function runCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const command = new Command('run')
    .description('Submit one job from the template, print its log lines as they arrive, and follow it to the end (exit code 0 only if it SUCCEEDED)');
  addRequiredOption(command, '-q, --queue <queue>', 'job queue: name, ARN, or logical id or construct path in the template');
  addRequiredOption(command, '-d, --definition <definition>', 'job definition: name, name:revision, ARN, logical id or construct path');
  command
    .option('-p, --param <name=value>', 'value for a Ref::name placeholder in the command (repeatable)', (v: string, prev: string[]) => [...prev, v], [])
    .option('-a, --array-size <n>', 'submit an array job of N children (2..10000)', parseArraySize)
    .option('-n, --job-name <name>', 'job name', 'batch-local-run')
    .option('--timeout <seconds>', `terminate the job if it has not ended after this many seconds (exit code ${EXIT_CODES.timedOut})`, parseTimeout);
  addTemplateOptions(command);
  addExecutorOptions(command);
  addBehaviorOptions(command);
  addJsonOption(command);
  command.addHelpText('after', `
Examples:
  $ batch-local run --cdk-out cdk.out --queue JobQueue --definition HelloJob --param who=world
  $ batch-local run --template template.json --queue my-queue --definition print-color --array-size 7

A job that nothing left can change (it can never be placed on the queue's compute environments, or
waits on a job that never can) ends the run with its status and the reason (DIAG-2), exit code ${EXIT_CODES.failed}.

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

function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (!(Number.isFinite(seconds) && seconds > 0)) throw new InvalidArgumentError('expected a number of seconds > 0');
  return seconds;
}
