import { ChildProcess, spawn } from 'child_process';
import { MAX_LOG_LINE_LENGTH, splitLines } from '../common/line-splitter';
import { exitCodeForSignal } from '../common/signals';

/** How a host process ended. */
export interface HostProcessOutcome {
  /** The exit code, or 128 + the signal number when a signal ended it. */
  readonly exitCode?: number;
  /** The signal that ended it, if one did. */
  readonly signal?: NodeJS.Signals;
  /** Why it could not be started (ENOENT, EACCES...), if it could not. */
  readonly spawnError?: Error;
  /** Why it ended without an exit code when it was not a spawn error (its launcher went away). */
  readonly lostReason?: string;
  /** Why it could not be started, when the command itself was not the problem (directories, cgroup, user). */
  readonly setupFailure?: string;
}

export interface HostProcessOptions {
  readonly file: string;
  readonly args: readonly string[];
  readonly env: Record<string, string>;
  readonly cwd?: string;
  readonly uid?: number;
  readonly gid?: number;
  /** Called for each stdout or stderr line as it is written. */
  onLine(line: string, stream: 'stdout' | 'stderr'): void;
  /** Called once, after the process exited and its output was read to the end. */
  onExit(outcome: HostProcessOutcome): void;
}

/**
 * Time allowed, after the main process exited and its group was killed, for the output pipes to
 * close. A process that left the group (setsid) and still holds them is not waited for.
 */
const PIPE_DRAIN_MS = 2_000;

/**
 * One host process in its own process group, as a container's process tree: signals go to the whole
 * group, and when the main process exits whatever it left behind is killed, as the end of a
 * container's PID namespace does. The argv is passed as it is: no shell.
 */
export class HostProcess {
  private readonly child: ChildProcess;
  private exited = false;
  private done = false;
  private drainTimer?: NodeJS.Timeout;

  constructor(private readonly options: HostProcessOptions) {
    this.child = spawn(options.file, options.args, {
      env: options.env,
      cwd: options.cwd,
      uid: options.uid,
      gid: options.gid,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group (TIME-2: SIGTERM reaches everything the job started)
    });
    splitLines(this.child.stdout!, (line) => options.onLine(line, 'stdout'), MAX_LOG_LINE_LENGTH);
    splitLines(this.child.stderr!, (line) => options.onLine(line, 'stderr'), MAX_LOG_LINE_LENGTH);
    this.child.on('error', (error) => {
      if (this.child.pid === undefined) this.finish({ spawnError: error });
    });
    this.child.on('exit', () => {
      this.exited = true;
      this.signalGroup('SIGKILL');
      this.drainTimer = setTimeout(() => {
        this.child.stdout?.destroy();
        this.child.stderr?.destroy();
      }, PIPE_DRAIN_MS).unref();
    });
    this.child.on('close', (code, signal) => {
      this.finish(signal ? { exitCode: exitCodeForSignal(signal), signal } : { exitCode: code ?? undefined });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether the main process is still running. */
  get running(): boolean {
    return this.child.pid !== undefined && !this.exited;
  }

  /** Sends `signal` to every process of the group; nothing if the group is gone. */
  signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined || this.done) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // ESRCH: the group is already empty.
    }
  }

  private finish(outcome: HostProcessOutcome): void {
    if (this.done) return;
    this.done = true;
    if (this.drainTimer) clearTimeout(this.drainTimer);
    this.options.onExit(outcome);
  }
}

