import { JobBehavior } from './job-behavior';

/** Options of the simulated executor. */
export interface SimulatedExecutorProps {
  /** Behaviour of jobs matched by nothing else. @default JobBehavior.succeed() */
  readonly defaultBehavior?: JobBehavior;
  /**
   * Behaviours by job definition: its name, ARN, logical id, construct path or construct id (as every
   * reference to the runtime). A key that matches no job definition of the template is a warning
   * (`LocalBatchRuntime.warnings()`), or an error with `strict`.
   * @default - none
   */
  readonly byJobDefinition?: Record<string, JobBehavior>;
  /**
   * Behaviours by job name; win over byJobDefinition. Names are chosen at submission, so a key no job
   * ran with is reported only at `LocalBatchRuntime.dispose()`.
   * @default - none
   */
  readonly byJobName?: Record<string, JobBehavior>;
  /**
   * Behaviours by container image; used after job name and job definition. A key that no job
   * definition of the template uses is a warning, or an error with `strict`.
   * @default - none
   */
  readonly byImage?: Record<string, JobBehavior>;
  /**
   * Behaviours of the containers of multi-container jobs (`ecsProperties`, PLAT-2), by container name;
   * win over every other key for those containers. The other keys apply to each container of a task
   * too (byImage tells a task's containers apart by image).
   * @default - none
   */
  readonly byContainerName?: Record<string, JobBehavior>;
  /**
   * Throw, when the runtime loads its template, if a byJobDefinition or byImage key matches nothing,
   * instead of warning.
   * @default false
   */
  readonly strict?: boolean;
  /**
   * Seed of the generator that draws duration jitter and `JobBehaviorContext.random`: the same seed
   * and the same submissions give the same run.
   * @default 1
   */
  readonly seed?: number;
}
