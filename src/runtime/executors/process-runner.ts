import { spawn } from 'child_process';
import * as readline from 'readline';
import { AttemptHandle, AttemptSink, ContainerLaunch, JobRunner } from '../core/executor';

/** Options of the process runner. */
export interface ProcessRunnerOptions {
  /** Host environment variables passed through to jobs (a container inherits nothing else). */
  readonly inheritEnvironment: readonly string[];
  /** Working directory of job processes. */
  readonly cwd?: string;
}

/**
 * Runs a job's container `command` as a host process: argv array, no shell (a parameter value can
 * never add arguments), the job's environment plus the AWS_BATCH_* variables, stdout and stderr as log
 * lines as they are written, and the exit code as the attempt's result. The image is not pulled: the
 * command runs on the host as it is.
 */
export class ProcessRunner implements JobRunner {
  readonly realTime = true;

  constructor(private readonly options: ProcessRunnerOptions) {}

  start(launch: ContainerLaunch, sink: AttemptSink): AttemptHandle {
    const [file, ...args] = launch.command;
    if (file === undefined) {
      sink.exited({ reason: 'CannotStartContainerError: the job has no command to run', statusReason: 'Task failed to start' });
      return { stop: () => undefined };
    }
    const env: Record<string, string> = {};
    for (const name of this.options.inheritEnvironment) {
      const value = process.env[name];
      if (value !== undefined) env[name] = value;
    }
    Object.assign(env, launch.environment);

    const child = spawn(file, args, {
      env,
      cwd: this.options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so SIGTERM/SIGKILL reach everything the job started (TIME-2).
      detached: true,
    });
    let pendingStreams = 2;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let startError: Error | undefined;
    const finish = (): void => {
      if (startError) {
        sink.exited({ reason: `CannotStartContainerError: ${startError.message}`, statusReason: `Task failed to start: ${startError.message}` });
      } else if (exit && pendingStreams === 0) {
        const exitCode = exit.code ?? 128 + signalNumber(exit.signal);
        sink.exited({ exitCode, reason: exit.signal ? `Killed by ${exit.signal}` : undefined });
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
      lines.on('line', (line) => sink.log(line));
      lines.on('close', () => {
        pendingStreams--;
        finish();
      });
    }
    child.on('error', (error) => {
      startError = error;
      finish();
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      finish();
    });
    return {
      stop: (signal) => {
        if (child.pid === undefined || exit) return;
        try {
          process.kill(-child.pid, signal);
        } catch {
          // The group is already gone.
        }
      },
    };
  }
}

function signalNumber(signal: NodeJS.Signals | null): number {
  switch (signal) {
    case 'SIGKILL': return 9;
    case 'SIGTERM': return 15;
    case 'SIGINT': return 2;
    default: return 0;
  }
}
