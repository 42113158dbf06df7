import * as fs from 'fs';
import * as path from 'path';
import { HostProcessOutcome } from './host-process';
import { ProcessLaunchPlan } from './process-launch-plan';
import { LaunchedProcess, ProcessLauncher } from './process-launcher';
import { InheritedLimitLaunchers } from './rlimit-helper-pools';
import { describeRunContext, looksLikeRunContextFailure, runContextFailureKind } from './run-context-hint';
import { Cancellable } from '../../core/event-loop';
import { AttemptHandle, AttemptResult, AttemptSink } from '../../core/executor';
import { asLaunchFailure, LaunchFailure } from '../common/launch-failure';
import { CgroupLeaf } from '../isolation/cgroup-v2-memory';
import { GpuPool, GpuReservation } from '../isolation/gpu-pool';
import { MemoryMechanism } from '../isolation/memory-limits';
import { ulimitValue } from '../isolation/ulimits';
import { AttemptWorkspace } from '../workspace/attempt-workspace';

/** What an attempt needs from its runner. */
export interface ProcessAttemptContext {
  readonly memory: MemoryMechanism;
  readonly launcher: ProcessLauncher;
  /** Launchers whose jobs inherit an RLIMIT_DATA memory limit (no `prlimit` exec per job), if any. */
  readonly inheritedLimits?: InheritedLimitLaunchers;
  /** `prlimit`'s path, when installed (ulimits and rlimit memory limits need it). */
  readonly prlimit?: string;
  readonly gpus: GpuPool;
  readonly stopGracePeriodMs: number;
  readonly keepWorkDirectories: boolean;
}

/**
 * Why a command could not be executed, in Docker's words where they apply. execvp reports EACCES
 * for a name it did not find when some PATH directory was unreadable to the job's user (root's PATH
 * for a job run as nobody), so a bare name that is nowhere on PATH is "not found" whatever the errno.
 */
export function describeExecFailure(file: string, code: string | undefined, searchPath: string | undefined): string {
  if (code === 'ENOENT' || (code === 'EACCES' && !file.includes('/') && findFileOnPath(file, searchPath ?? '') === undefined)) {
    return file.includes('/') ? 'no such file or directory' : 'executable file not found in $PATH';
  }
  return code === 'EACCES' ? 'permission denied (not executable, or not readable by the job\'s user)' : `cannot execute (${code})`;
}

function findFileOnPath(name: string, searchPath: string): string | undefined {
  for (const directory of searchPath.split(path.delimiter)) {
    if (directory !== '' && fs.existsSync(path.join(directory, name))) return path.join(directory, name);
  }
  return undefined;
}

/** AWS's reason for a container the kernel killed for its memory. */
export const OUT_OF_MEMORY_REASON = 'OutOfMemoryError: Container killed due to memory usage';

/**
 * One attempt as a host process: waits for its GPUs, creates its directories and cgroup, runs the
 * process tree, streams its lines, delivers stop signals (SIGKILL follows SIGTERM after the grace
 * period), and reports the exit once everything is cleaned up.
 */
export class ProcessAttempt implements AttemptHandle {
  private host?: LaunchedProcess;
  private reservation?: GpuReservation;
  private pinnedGpus: string[] = [];
  private leaf?: CgroupLeaf;
  private graceTimer?: Cancellable;
  private wrapped = false;
  private firstStderrLine?: string;
  /** Whether the job wrote "Permission denied" on stderr (EACCES), e.g. for a file its user may not create. */
  private sawPermissionDenied = false;
  private finished = false;
  /** Whether the launcher creates and removes the attempt's directories (see ProcessLauncher). */
  private directoriesDelegated = false;

  constructor(
    private readonly plan: ProcessLaunchPlan,
    private readonly workspace: AttemptWorkspace,
    private readonly sink: AttemptSink,
    private readonly context: ProcessAttemptContext,
    private readonly attemptName: string,
  ) {}

  begin(): void {
    if (this.plan.gpus === 0) {
      this.launch([]);
      return;
    }
    try {
      this.reservation = this.context.gpus.acquire(this.plan.gpus, (ids) => {
        this.reservation = undefined;
        this.launch(ids);
      });
    } catch (error) {
      this.finish(asLaunchFailure(error).toResult());
    }
  }

  stop(signal: 'SIGTERM' | 'SIGKILL'): void {
    if (this.finished) return;
    if (!this.host) {
      this.finish({ reason: `Stopped by ${signal} before the container started` });
      return;
    }
    this.host.signalGroup(signal);
    if (signal === 'SIGKILL') this.leaf?.killAll();
    if (signal === 'SIGTERM' && !this.graceTimer) {
      // TIME-2 / LIFE-7: the runtime sends SIGKILL after 30 s; a shorter configured period wins.
      this.graceTimer = this.sink.after(this.context.stopGracePeriodMs, () => this.stop('SIGKILL'));
    }
  }

  private launch(gpuIds: string[]): void {
    if (this.finished) return;
    this.pinnedGpus = gpuIds;
    try {
      const { argv: [file, ...args], launcher } = this.commandLine();
      // Without mounts an attempt needs only its two directories, which the launcher can make off the
      // runtime's thread; mounts (volumes, EFS, tmpfs) are prepared here.
      this.directoriesDelegated = launcher.preparesDirectories === true && this.plan.mounts.length === 0;
      if (!this.directoriesDelegated) this.workspace.create(this.plan.mounts, this.plan.identity);
      if (this.context.memory.kind === 'cgroup') {
        this.leaf = this.context.memory.cgroups.createLeaf(this.attemptName, this.plan.memoryBytes);
      }
      this.host = launcher.launch({
        file,
        args,
        env: { ...this.plan.environment, ...this.gpuEnvironment(gpuIds) },
        cwd: this.plan.runContext.workingDirectory,
        uid: this.plan.identity?.uid,
        gid: this.plan.identity?.gid,
        onLine: (line, stream) => this.onLine(line, stream),
        onExit: (outcome) => this.onExit(outcome),
        // Right after exec: what the job allocates in the first instants is charged to the runtime's cgroup.
        cgroupProcs: this.leaf?.procsFile,
        directories: this.directoriesDelegated ? {
          create: this.workspace.ownDirectories,
          removeAtEnd: !this.context.keepWorkDirectories,
        } : undefined,
      });
    } catch (error) {
      this.host?.signalGroup('SIGKILL');
      this.finish(asLaunchFailure(error).toResult());
    }
  }

  /**
   * The argv, behind `prlimit` when rlimits apply (prlimit sets them and execs the command: same pid,
   * no shell), unless the only one is a memory limit a launcher's helpers pass on at fork.
   */
  private commandLine(): { argv: string[]; launcher: ProcessLauncher } {
    const limits: string[] = [];
    const ulimitNames = new Set(this.plan.ulimits.map((u) => u.name));
    const memory = this.context.memory;
    if (memory.kind === 'rlimit' && memory.resource === 'data' && this.plan.ulimits.length === 0) {
      const inheriting = this.context.inheritedLimits?.launcherFor(this.plan.memoryBytes);
      if (inheriting) return { argv: this.plan.argv, launcher: inheriting };
    }
    if (memory.kind === 'rlimit' && !ulimitNames.has(memory.resource)) limits.push(`--${memory.resource}=${this.plan.memoryBytes}`);
    for (const ulimit of this.plan.ulimits) limits.push(`--${ulimit.name}=${ulimitValue(ulimit)}`);
    if (limits.length === 0) return { argv: this.plan.argv, launcher: this.context.launcher };
    if (!this.context.prlimit) {
      throw new LaunchFailure(`ulimits: ${[...ulimitNames].join(', ')} need prlimit (util-linux), which is not on PATH`);
    }
    this.wrapped = true;
    return { argv: [this.context.prlimit, ...limits, '--', ...this.plan.argv], launcher: this.context.launcher };
  }

  /**
   * A GPU job sees only its GPUs; on a host with GPUs, a job that asked for none sees none (SCHED-4:
   * GPUs are pinned to one job).
   */
  private gpuEnvironment(gpuIds: string[]): Record<string, string> {
    if (gpuIds.length > 0) return { CUDA_VISIBLE_DEVICES: gpuIds.join(','), NVIDIA_VISIBLE_DEVICES: gpuIds.join(',') };
    if (this.context.gpus.all.length > 0) return { CUDA_VISIBLE_DEVICES: '', NVIDIA_VISIBLE_DEVICES: 'void' };
    return {};
  }

  private onLine(line: string, stream: 'stdout' | 'stderr'): void {
    if (stream === 'stderr') {
      if (this.wrapped && this.firstStderrLine === undefined) this.firstStderrLine = line;
      if (!this.sawPermissionDenied && line.includes('Permission denied')) this.sawPermissionDenied = true;
    }
    this.sink.log(this.plan.redactor.active ? this.plan.redactor.redact(line) : line);
  }

  private onExit(outcome: HostProcessOutcome): void {
    if (outcome.setupFailure !== undefined) {
      this.finish(new LaunchFailure(outcome.setupFailure).toResult());
      return;
    }
    if (outcome.spawnError) {
      const code = (outcome.spawnError as NodeJS.ErrnoException).code;
      this.finish(new LaunchFailure(this.execFailureMessage(code)).toResult());
      return;
    }
    this.leaf?.killAll(); // what escaped the process group (setsid) goes too, as with a container
    if (outcome.lostReason !== undefined) {
      // The launcher that was to remove the directories is gone.
      if (this.directoriesDelegated && !this.context.keepWorkDirectories) this.workspace.remove();
      this.finish({ reason: outcome.lostReason });
      return;
    }
    const exitCode = outcome.exitCode;
    if (this.wrapped && this.firstStderrLine?.startsWith('prlimit: ') && (exitCode === 1 || exitCode === 126 || exitCode === 127)) {
      // prlimit itself failed: the limits could not be set or the command could not be executed.
      const execFailure = /^prlimit: failed to execute .*: (No such file or directory|Permission denied)$/.exec(this.firstStderrLine);
      const message = execFailure
        ? this.execFailureMessage(execFailure[1] === 'Permission denied' ? 'EACCES' : 'ENOENT')
        : this.firstStderrLine.slice('prlimit: '.length);
      this.finish(new LaunchFailure(message).toResult());
      return;
    }
    if (this.leaf?.oomKilled()) {
      this.finish({ exitCode, reason: OUT_OF_MEMORY_REASON });
    } else if (looksLikeRunContextFailure(exitCode, this.sawPermissionDenied)) {
      // container.reason (AWS leaves it empty here; the statusReason stays AWS's): where and as whom it ran.
      this.finish({ exitCode, reason: `${runContextFailureKind(exitCode, this.sawPermissionDenied)}: ${describeRunContext(this.plan.runContext)}` });
    } else {
      this.finish({ exitCode });
    }
  }

  /**
   * Why the command could not be executed; with the user and working directory when they may be the
   * cause: a permission problem, or a relative path (`./my-script.sh` is looked up in the working directory).
   */
  private execFailureMessage(code: string | undefined): string {
    const file = this.plan.argv[0];
    const failure = describeExecFailure(file, code, this.plan.environment.PATH);
    const message = `command: ${JSON.stringify(file)}: ${failure}`;
    const relative = file.includes('/') && !path.isAbsolute(file);
    return failure.startsWith('permission denied') || relative ? `${message}; ${describeRunContext(this.plan.runContext)}` : message;
  }

  private finish(result: AttemptResult): void {
    if (this.finished) return;
    this.finished = true;
    this.graceTimer?.cancel();
    this.reservation?.cancel();
    if (this.pinnedGpus.length > 0) this.context.gpus.release(this.pinnedGpus);
    this.leaf?.remove();
    if (!this.context.keepWorkDirectories && !this.directoriesDelegated) this.workspace.remove();
    this.sink.exited(result);
  }
}
