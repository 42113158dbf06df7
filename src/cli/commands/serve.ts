import { createHash } from 'crypto';
import * as fs from 'fs';
import { Duration } from 'aws-cdk-lib';
import { Command, InvalidArgumentError, Option } from 'commander';
import { createRuntime, isLoopbackHost, isTerminal, JobBehavior, RequestLogEntry, SimulatedExecutorProps } from '../../runtime/cli-surface';
import { AWS_CLIENT_ENVIRONMENT } from '../aws-client-environment';
import { CliIo, printJson } from '../cli-io';
import {
  addBehaviorOptions, addExecutorOptions, addJsonOption, addTemplateOptions, behaviorsFromOptions, checkBehaviorsApply, collect, dockerExecutorProps,
  ExecutorOptions, importsOf, keyValues, podVolumeSources, processExecutorProps, TemplateOptions, templateSource,
} from '../common-options';

/** The port batch-local listens on unless told otherwise (next to LocalStack's 4566, not on it). */
export const DEFAULT_PORT = 4590;

export interface ServeOptions extends TemplateOptions, ExecutorOptions {
  readonly port: number;
  readonly host: string;
  readonly json?: boolean;
  /** `wall` (default): real time; `virtual`: time moves only through POST /_local/clock/... */
  readonly clock?: 'wall' | 'virtual';
  /** Seconds every simulated attempt takes unless a behavior says otherwise. @default 60 on the virtual clock, 1 on the wall clock */
  readonly defaultDuration?: number;
  /** Journal every accepted change here and restore from it on start. */
  readonly stateDir?: string;
  /** Host names accepted in requests' Host header besides loopback and the bound address. */
  readonly allowHost?: string[];
  /** Print a line per request on stderr: method, operation, status, milliseconds. */
  readonly verbose?: boolean;
  /** With stateDir: checkpoint and compact the journal once it has grown by this many MiB (at the next rest point). @default 1, or the last checkpoint's size if larger */
  readonly checkpointEvery?: number;
  /** With stateDir: a clean shutdown checkpoints what was journaled since the last checkpoint (false: `--no-checkpoint-at-close`). @default true */
  readonly checkpointAtClose?: boolean;
  /** LIFE-4: seconds finished jobs stay describable before they are purged. @default 604800 (7 days) */
  readonly jobRetention?: number;
}

/** A running endpoint: its URL and how to stop it. */
export interface ServeHandle {
  readonly url: string;
  /** Whether changes are journaled (`--state-dir`): unfinished jobs carry over to the next start. */
  readonly durable: boolean;
  /** Terminates unfinished jobs (their processes get SIGTERM), closes the server, stops the timers. */
  close(): Promise<void>;
}

/** Loads the template, starts the endpoint and prints where it is. */
export async function serve(options: ServeOptions, io: CliIo): Promise<ServeHandle> {
  const clock = options.clock ?? 'wall';
  checkBehaviorsApply(options, clock === 'virtual' || options.executor === 'simulated', '--executor simulated or --clock virtual');
  const runtime = createRuntime({
    templateFile: templateSource(options),
    stackName: options.stack,
    parameters: keyValues('--parameter', options.parameter ?? []),
    imports: importsOf(options),
    executor: options.executor,
    engine: options.engine,
    taskNetworkHolderImage: dockerExecutorProps(options).taskNetworkHolderImage,
    behaviors: simulatedBehaviors(options, clock),
    entrypoints: options.entrypoint,
    processExecutor: processExecutorProps(options),
    podVolumes: podVolumeSources(options),
    clock,
    logError: (message) => io.err(message),
    stateDir: options.stateDir,
    checkpoint: {
      ...(options.checkpointEvery !== undefined ? { everyBytes: options.checkpointEvery * 1024 * 1024 } : {}),
      atClose: options.checkpointAtClose,
    },
    fingerprint: behaviorsFingerprint(options, clock),
    warn: (message) => io.err(message),
    allowedHosts: options.allowHost,
    finishedJobRetentionSeconds: options.jobRetention,
    ...(options.verbose ? { requestLog: { onRequest: (entry: RequestLogEntry) => io.err(formatRequestLogEntry(entry)) } } : {}),
  });
  const { host, loaded, server } = runtime;
  const executor = runtime.executor;
  let url: string;
  try {
    url = await server.listen(options.port, options.host);
  } catch (error) {
    await runtime.dispose();
    throw new Error(`cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`);
  }
  if (!isLoopbackHost(options.host)) {
    io.err(`WARNING: batch-local is listening on ${options.host}, not on loopback: anyone who can reach this port can submit jobs that run `
      + `${{ process: 'as processes on this machine', docker: 'as containers on this machine' }[executor as string] ?? 'on this endpoint'}; credentials are not checked.`);
  }
  const backend = host.backend;
  const counts = {
    computeEnvironments: backend.registry.listComputeEnvironments().length,
    jobQueues: backend.registry.listJobQueues().length,
    jobDefinitions: backend.registry.listJobDefinitions().length,
  };
  if (options.json) {
    printJson(io, {
      endpoint: url,
      stack: loaded.stackName,
      executor,
      ...(clock === 'virtual' ? { clock } : {}),
      ...counts,
      ...(runtime.restored ? { stateDir: options.stateDir, restored: runtime.restored } : {}),
    });
  } else {
    io.out(`batch-local: AWS Batch and CloudWatch Logs endpoint at ${url}`);
    io.out(`  console: ${url}/console/ (open it in a browser)`);
    io.out(`  stack ${loaded.stackName}: ${counts.computeEnvironments} compute environment(s), ${counts.jobQueues} job queue(s), `
      + `${counts.jobDefinitions} job definition(s); executor: ${executor}; clock: ${clock}`);
    if (clock === 'virtual') io.out(`  time moves only on request: curl -X POST -H 'Content-Type: application/json' ${url}/_local/clock/run-until-idle`);
    if (runtime.restored) {
      const r = runtime.restored;
      io.out(`  state dir ${options.stateDir}: replayed ${r.requests} request(s), ${r.jobsRecovered} job(s); `
        + `${r.attemptsLost} attempt(s) that were running failed as on a lost host (retried per their retry strategy)`);
    }
    io.out(`  no AWS configuration on this machine? ${AWS_CLIENT_ENVIRONMENT}`);
    io.out(`  try: aws batch describe-job-queues --endpoint-url ${url}`);
    io.out('  stop with Ctrl-C');
  }
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => closing ??= (async () => {
    // A durable endpoint keeps its unfinished jobs for the next start (a real executor's running attempts then fail as on a lost host).
    if (!runtime.durable) {
      for (const job of [...backend.allJobs()]) {
        if (!isTerminal(job.status)) backend.terminateJob(job.jobId, 'batch-local serve is shutting down');
      }
    }
    await server.close();
    await runtime.dispose();
  })();
  return { url, close, durable: runtime.durable };
}

export function serveCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const command = new Command('serve')
    .description('Serve the template\'s AWS Batch resources on an AWS-compatible endpoint (AWS SDKs, the AWS CLI and boto3 with --endpoint-url)')
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', parsePort, DEFAULT_PORT)
    .option('-H, --host <address>', 'address to bind; anything but loopback is reachable by others', '127.0.0.1')
    .option('--allow-host <name>', 'also accept requests whose Host header names NAME (repeatable; .example.com accepts its subdomains); '
      + 'loopback names and the bound address are always accepted, other names are refused against DNS rebinding', collect, []);
  addTemplateOptions(command);
  addExecutorOptions(command);
  command
    .addOption(new Option('--clock <mode>', 'wall: jobs take real time; virtual: simulated jobs, time moves only on POST /_local/clock/advance or /run-until-idle')
      .choices(['wall', 'virtual']).default('wall'))
    .option('--state-dir <dir>', 'journal every accepted change in DIR and restore it on start; jobs running at a crash fail as on a lost host and retry (one server per DIR)')
    .option('-v, --verbose', 'print a line per request on stderr: method, operation, HTTP status and milliseconds', false)
    .option('--checkpoint-every <MiB>', 'with --state-dir: checkpoint the state and compact the journal once it grew by MiB (default: 1, or the last checkpoint\'s size if larger), at the next moment the state can be written as data (unfinished jobs included); restarts replay only what follows', parseMebibytes)
    .option('--no-checkpoint-at-close', 'with --state-dir: do not checkpoint at a clean shutdown (SIGINT, SIGTERM); by default it does, so the next start replays nothing')
    .option('--job-retention <seconds>', 'seconds finished jobs stay describable before they are purged (LIFE-4; default: 604800, 7 days as on AWS)', parseSeconds)
    .option('--default-duration <seconds>', 'seconds every simulated attempt takes unless --behaviors says otherwise (default: 60 on the virtual clock, 1 on the wall clock)', parseSeconds);
  addBehaviorOptions(command);
  addJsonOption(command);
  command.addHelpText('after', `
Examples:
  $ batch-local serve --cdk-out cdk.out --stack MyBatchStack
  $ batch-local serve --template template.json --executor simulated --port 0
  $ batch-local serve --template template.json --clock virtual --behaviors behaviors.json
  $ batch-local serve --template template.json --clock virtual --state-dir .batch-local
  $ batch-local serve --cdk-out cdk.out --executor docker --engine podman   (each job's image in a container)
  $ aws batch submit-job --endpoint-url http://127.0.0.1:${DEFAULT_PORT} --job-name hello --job-queue MyQueue --job-definition MyJob

Routes: AWS Batch REST-JSON (POST /v1/submitjob, ...), CloudWatch Logs (X-Amz-Target: Logs_20140328.*),
and local-only routes under /_local/ (GET /_local/health, GET /_local/explain?jobId=ID, POST /_local/put-events,
GET /_local/target-invocations?ruleName=NAME, GET /_local/clock, POST /_local/clock/advance {"seconds": N},
POST /_local/clock/run-until-idle {"maxSeconds": N}).`);
  command.action(async (options: ServeOptions) => {
    const handle = await serve(options, io);
    await new Promise<void>((resolve) => {
      const stop = (signal: NodeJS.Signals): void => {
        io.err(`batch-local: ${signal}, shutting down`);
        handle.close().then(() => {
          // A durable endpoint leaves its unfinished jobs to the next start, as after a crash: their
          // processes must not outlive it (the spawn helper kills every job's process group when this
          // process ends) nor hold it open, and their ends are not journaled, so the restart fails
          // them as on a lost host (RETRY-3) and retries them instead of running them twice unseen.
          if (handle.durable) process.exit(process.exitCode ?? 0);
          resolve();
        }, (error) => {
          io.err(`batch-local: shutdown failed: ${String(error)}`);
          setExitCode(1);
          resolve();
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  });
  return command;
}

/** `POST SubmitJob 200 3.2 ms`: one line per request (serve --verbose). */
export function formatRequestLogEntry(entry: RequestLogEntry): string {
  return `${entry.method} ${entry.operation} ${entry.status} ${entry.durationMs.toFixed(1)} ms`;
}

/** The simulated executor's options; undefined keeps the executor's own defaults (wall clock, no options given). */
function simulatedBehaviors(options: ServeOptions, clock: 'wall' | 'virtual'): SimulatedExecutorProps | undefined {
  const defaultDuration = options.defaultDuration ?? (clock === 'virtual' ? 60 : undefined);
  const fromOptions = behaviorsFromOptions(options, defaultDuration);
  if (options.behaviors !== undefined || defaultDuration === undefined) return fromOptions;
  return { ...fromOptions, defaultBehavior: JobBehavior.succeed({ duration: Duration.millis(Math.round(defaultDuration * 1000)) }) };
}

/** The behaviours a replay depends on: a restart with other ones is refused. */
function behaviorsFingerprint(options: ServeOptions, clock: 'wall' | 'virtual'): Record<string, string> {
  const behaviors = options.behaviors !== undefined ? createHash('sha256').update(fs.readFileSync(options.behaviors)).digest('hex').slice(0, 16) : 'none';
  return { behaviors, defaultDuration: String(options.defaultDuration ?? (clock === 'virtual' ? 60 : 'default')) };
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) throw new InvalidArgumentError(`expected a number of seconds >= 0; got ${JSON.stringify(value)}`);
  return seconds;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number 0..65535');
  return port;
}

function parseMebibytes(value: string): number {
  const mebibytes = Number(value);
  if (value.trim() === '' || !Number.isFinite(mebibytes) || mebibytes < 0) throw new InvalidArgumentError(`expected a number of MiB >= 0; got ${JSON.stringify(value)}`);
  return mebibytes;
}
