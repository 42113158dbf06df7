import { ChildProcess, spawn } from 'child_process';
import { HostProcessOutcome } from './host-process';
import { LaunchedProcess, LaunchOptions, ProcessLauncher } from './process-launcher';
import { HelperProgram, nodeHelperProgram } from './spawn-helper-program';
import { encodeSignal, encodeSpawn, HelperEvent, parseHelperEvent } from './spawn-helper-protocol';
import { splitLines } from '../common/line-splitter';
import { exitCodeForSignal } from '../common/signals';

/**
 * Starts job processes through a small helper process (Perl or Node.js, see spawn-helper-program.ts).
 * Node spawns with fork + exec, and fork copies the parent's page tables: from a runtime process that
 * has loaded aws-cdk-lib (200 MiB), a spawn costs several times what it costs from a small helper
 * (measured: 1,000 spawns of `true` at concurrency 2 took 11.7 s in-process and 5.1 s through a
 * Node.js helper, on a loaded 2-core machine; see spawn-helper-perl-source.ts for Perl's figures).
 * The helper is started at the first launch, keeps the runtime alive only while jobs run, and kills
 * its jobs when the runtime goes away. If it dies, its running jobs end without an exit code and the
 * next launch starts a new one.
 */
export class SpawnHelper implements ProcessLauncher {
  private helper?: ChildProcess;
  private nextId = 0;
  private readonly active = new Map<number, LaunchOptions>();
  readonly preparesDirectories = true;

  /**
   * @param program the helper program.
   * @param launchPrefix argv that starts the helper and execs the rest (e.g. `prlimit --data=N --`):
   *   what it sets on the helper, its jobs inherit at fork.
   */
  constructor(
    private readonly program: HelperProgram = nodeHelperProgram(),
    private readonly launchPrefix: readonly string[] = [],
  ) {}

  /** How many jobs this helper runs now. */
  get activeJobs(): number {
    return this.active.size;
  }

  /** The helper's pid while it runs (diagnostics). */
  get helperPid(): number | undefined {
    return this.helper?.pid;
  }

  /** Stops the helper if it runs no job (its stdin ends, so it exits); whether it was idle. */
  closeIfIdle(): boolean {
    if (this.active.size > 0) return false;
    const helper = this.helper;
    this.helper = undefined;
    helper?.stdin!.end();
    return true;
  }

  launch(options: LaunchOptions): LaunchedProcess {
    const helper = this.running();
    const id = this.nextId++;
    this.active.set(id, options);
    if (this.active.size === 1) this.hold(true);
    let request: string;
    try {
      request = encodeSpawn({
        id,
        file: options.file,
        args: options.args,
        env: options.env,
        cwd: options.cwd,
        uid: options.uid,
        gid: options.gid,
        cgroupProcs: options.cgroupProcs,
        directories: options.directories?.create,
        removeDirectories: options.directories?.removeAtEnd,
      });
    } catch (error) {
      this.active.delete(id);
      if (this.active.size === 0) this.hold(false);
      throw error;
    }
    helper.stdin!.write(request);
    return {
      signalGroup: (signal) => {
        if (this.active.has(id) && this.helper === helper) helper.stdin!.write(encodeSignal(id, signal));
      },
    };
  }

  private running(): ChildProcess {
    if (this.helper) return this.helper;
    // An empty environment: each job's environment is given with its request.
    const argv = [...this.launchPrefix, ...this.program.argv];
    const helper = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'inherit'], env: {} });
    this.helper = helper;
    splitLines(helper.stdout!, (line) => {
      const event = parseHelperEvent(line);
      if (event) this.onEvent(event);
    });
    helper.stdin!.on('error', () => undefined); // EPIPE once it is gone: reported by 'exit' below
    helper.on('exit', () => this.onHelperGone(helper));
    helper.on('error', () => this.onHelperGone(helper));
    this.hold(false);
    return helper;
  }

  private onEvent(event: HelperEvent): void {
    const options = this.active.get(event.id);
    if (!options) return;
    if (event.kind === 'line') {
      options.onLine(event.text, event.stream);
      return;
    }
    this.finish(event.id, options, outcomeOf(event));
  }

  private onHelperGone(helper: ChildProcess): void {
    if (this.helper !== helper) return;
    this.helper = undefined;
    for (const [id, options] of [...this.active]) this.finish(id, options, { lostReason: 'the spawn helper process exited while the job ran' });
  }

  private finish(id: number, options: LaunchOptions, outcome: HostProcessOutcome): void {
    this.active.delete(id);
    if (this.active.size === 0) this.hold(false);
    options.onExit(outcome);
  }

  /** While jobs run, the helper keeps the runtime's process alive (as child processes would); idle, it does not. */
  private hold(keepAlive: boolean): void {
    const helper = this.helper;
    if (!helper) return;
    const handles = [helper, helper.stdout as unknown as { ref(): void; unref(): void }, helper.stdin as unknown as { ref(): void; unref(): void }];
    for (const handle of handles) {
      if (keepAlive) handle.ref();
      else handle.unref();
    }
  }
}

/** How a job ended, from its helper's exit or error event. */
function outcomeOf(event: Exclude<HelperEvent, { kind: 'line' }>): HostProcessOutcome {
  if (event.kind === 'error') {
    if (event.stage === 'setup') return { setupFailure: event.message };
    return { spawnError: Object.assign(new Error(event.message), { code: event.code }) };
  }
  return event.signal ? { exitCode: exitCodeForSignal(event.signal), signal: event.signal } : { exitCode: event.code };
}
