import { LaunchedProcess, LaunchOptions, ProcessLauncher } from './process-launcher';
import { SpawnHelper } from './spawn-helper';
import { HelperProgram, nodeHelperProgram } from './spawn-helper-program';

/**
 * Several spawn helpers, each launch going to the one with the fewest running jobs. A helper's
 * spawn is synchronous (it forks, then waits until the child has exec'd, to report exec errors),
 * so one helper starts one process at a time, and short jobs queue behind each other's starts
 * (profiled: 60% of the helper's time in `ChildProcess.spawn` for 1,000 jobs of `true`). With one
 * helper per job slot, up to the number of CPUs, starts run in parallel as xargs -P's do.
 *
 * Helpers start at their first launch, so a runtime that runs one job at a time has one helper.
 */
export class SpawnHelperPool implements ProcessLauncher {
  private readonly helpers: SpawnHelper[];
  readonly preparesDirectories = true;

  /**
   * @param program the helper program each helper runs.
   * @param launchPrefix what each helper is started behind (see SpawnHelper).
   */
  constructor(size: number, program: HelperProgram = nodeHelperProgram(), launchPrefix: readonly string[] = []) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`spawn helper pool size is invalid: ${size}; expected an integer >= 1`);
    this.helpers = Array.from({ length: size }, () => new SpawnHelper(program, launchPrefix));
  }

  /** How many jobs the pool's helpers run now. */
  get activeJobs(): number {
    return this.helpers.reduce((sum, helper) => sum + helper.activeJobs, 0);
  }

  /** Stops every helper if none runs a job; whether the pool was idle. */
  closeIfIdle(): boolean {
    if (this.activeJobs > 0) return false;
    for (const helper of this.helpers) helper.closeIfIdle();
    return true;
  }

  /** The pids of the helpers that run (diagnostics). */
  get helperPids(): number[] {
    return this.helpers.map((helper) => helper.helperPid).filter((pid): pid is number => pid !== undefined);
  }

  launch(options: LaunchOptions): LaunchedProcess {
    // The least busy helper; on a tie the first, so idle helpers beyond the concurrency never start.
    let chosen = this.helpers[0];
    for (const helper of this.helpers) {
      if (helper.activeJobs < chosen.activeJobs) chosen = helper;
    }
    return chosen.launch(options);
  }
}
