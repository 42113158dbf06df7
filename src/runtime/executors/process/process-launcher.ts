import { HostProcess, HostProcessOptions } from './host-process';

/** A started host process tree, however it was started. */
export interface LaunchedProcess {
  /** Sends `signal` to every process of the job's process group. */
  signalGroup(signal: NodeJS.Signals): void;
}

/** Directories a launcher creates before the process starts and removes after it ended. */
export interface LaunchDirectories {
  /** Created in this order (a parent before its children), owned by the process's uid/gid when given. */
  readonly create: readonly string[];
  /** Remove them, with what the process left in them, once it ended (in the background). */
  readonly removeAtEnd: boolean;
}

/** What a launch needs besides the process itself. */
export interface LaunchOptions extends HostProcessOptions {
  /** A cgroup's `cgroup.procs` file to move the process into right after it starts. */
  readonly cgroupProcs?: string;
  /** Directories to prepare, where the launcher `preparesDirectories`. */
  readonly directories?: LaunchDirectories;
}

/** Starts job processes: directly from the runtime's process, or through the spawn helper. */
export interface ProcessLauncher {
  /**
   * Whether it creates and removes `LaunchOptions.directories` itself, outside the runtime's thread
   * (the spawn helpers do: directory calls cost 0.15-0.5 ms per job on some disks).
   */
  readonly preparesDirectories?: boolean;
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
