import { Command, InvalidArgumentError } from 'commander';
import { BatchLocalServer } from '../../runtime/api/batch-local-server';
import { addEventRoutes } from '../../runtime/api/local/event-routes';
import { isTerminal } from '../../runtime/core/jobs/job-status';
import { LocalEventBridge } from '../../runtime/events/local-event-bridge';
import { CliIo, printJson } from '../cli-io';
import {
  addExecutorOptions, addJsonOption, addTemplateOptions, ExecutorOptions, hostWithTemplate, TemplateOptions,
} from '../common-options';

/** The port batch-local listens on unless told otherwise (next to LocalStack's 4566, not on it). */
export const DEFAULT_PORT = 4590;

export interface ServeOptions extends TemplateOptions, ExecutorOptions {
  readonly port: number;
  readonly host: string;
  readonly json?: boolean;
}

/** A running endpoint: its URL and how to stop it. */
export interface ServeHandle {
  readonly url: string;
  /** Terminates unfinished jobs (their processes get SIGTERM), closes the server, stops the timers. */
  close(): Promise<void>;
}

/** Loads the template, starts the endpoint and prints where it is. */
export async function serve(options: ServeOptions, io: CliIo): Promise<ServeHandle> {
  const { host, loaded } = hostWithTemplate(options);
  const server = new BatchLocalServer(host.backend, { logError: (message) => io.err(message) });
  // The template's EventBridge rules run against the same backend; their deliveries are readable and
  // events can be injected through the local-only routes (/_local/put-events, /_local/target-invocations).
  addEventRoutes(server.localRoutes, new LocalEventBridge(host.backend, loaded, { virtual: false }));
  let url: string;
  try {
    url = await server.listen(options.port, options.host);
  } catch (error) {
    host.dispose();
    throw new Error(`cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`);
  }
  if (!isLoopback(options.host)) {
    io.err(`WARNING: batch-local is listening on ${options.host}, not on loopback: anyone who can reach this port can submit jobs that run `
      + `${{ process: 'as processes on this machine', docker: 'as containers on this machine' }[options.executor as string] ?? 'on this endpoint'}; credentials are not checked.`);
  }
  const backend = host.backend;
  const counts = {
    computeEnvironments: backend.registry.listComputeEnvironments().length,
    jobQueues: backend.registry.listJobQueues().length,
    jobDefinitions: backend.registry.listJobDefinitions().length,
  };
  if (options.json) {
    printJson(io, { endpoint: url, stack: loaded.stackName, executor: options.executor, ...counts });
  } else {
    io.out(`batch-local: AWS Batch and CloudWatch Logs endpoint at ${url}`);
    io.out(`  stack ${loaded.stackName}: ${counts.computeEnvironments} compute environment(s), ${counts.jobQueues} job queue(s), `
      + `${counts.jobDefinitions} job definition(s); executor: ${options.executor}`);
    io.out(`  try: aws batch describe-job-queues --endpoint-url ${url}`);
    io.out('  stop with Ctrl-C');
  }
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => closing ??= (async () => {
    for (const job of [...backend.allJobs()]) {
      if (!isTerminal(job.status)) backend.terminateJob(job.jobId, 'batch-local serve is shutting down');
    }
    await server.close();
    host.dispose();
  })();
  return { url, close };
}

export function serveCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const command = new Command('serve')
    .description('Serve the template\'s AWS Batch resources on an AWS-compatible endpoint (AWS SDKs, the AWS CLI and boto3 with --endpoint-url)')
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', parsePort, DEFAULT_PORT)
    .option('-H, --host <address>', 'address to bind; anything but loopback is reachable by others', '127.0.0.1');
  addTemplateOptions(command);
  addExecutorOptions(command);
  addJsonOption(command);
  command.addHelpText('after', `
Examples:
  $ batch-local serve --cdk-out cdk.out --stack MyBatchStack
  $ batch-local serve --template template.json --executor simulated --port 0
  $ batch-local serve --cdk-out cdk.out --executor docker --engine podman   (each job's image in a container)
  $ aws batch submit-job --endpoint-url http://127.0.0.1:${DEFAULT_PORT} --job-name hello --job-queue MyQueue --job-definition MyJob

Routes: AWS Batch REST-JSON (POST /v1/submitjob, ...), CloudWatch Logs (X-Amz-Target: Logs_20140328.*),
and local-only routes under /_local/ (GET /_local/health, GET /_local/explain?jobId=ID, POST /_local/put-events,
GET /_local/target-invocations?ruleName=NAME).`);
  command.action(async (options: ServeOptions) => {
    const handle = await serve(options, io);
    await new Promise<void>((resolve) => {
      const stop = (signal: NodeJS.Signals): void => {
        io.err(`batch-local: ${signal}, shutting down`);
        handle.close().then(resolve, (error) => {
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

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number 0..65535');
  return port;
}
