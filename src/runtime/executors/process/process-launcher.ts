import { HostProcess, HostProcessOptions } from './host-process';

/** A started host process tree, however it was started. */
export interface LaunchedProcess {
  /** Sends `signal` to every process of the job's process group. */
  signalGroup(signal: NodeJS.Signals): void;
}

/** What a launch needs besides the process itself. */
export interface LaunchOptions extends HostProcessOptions {
  /** A cgroup's `cgroup.procs` file to move the process into right after it starts. */
  readonly cgroupProcs?: string;
}

/** Starts job processes: directly from the runtime's process, or through the spawn helper. */
export interface ProcessLauncher {
  launch(options: LaunchOptions): LaunchedProcess;
}

/**
 * Spawns from the runtime's own process. Simple, but each spawn forks the whole runtime process,
 * which costs more the more memory it has mapped (see SpawnHelper).
 */
export class DirectLauncher implements ProcessLauncher {
  constructor(private readonly moveToCgroup: (procsFile: string, pid: number) => void) {}

  launch(options: LaunchOptions): LaunchedProcess {
    const hostProcess = new HostProcess(options);
    if (options.cgroupProcs !== undefined && hostProcess.pid !== undefined) {
      try {
        this.moveToCgroup(options.cgroupProcs, hostProcess.pid);
      } catch (error) {
        hostProcess.signalGroup('SIGKILL');
        throw error;
      }
    }
    return hostProcess;
  }
}
