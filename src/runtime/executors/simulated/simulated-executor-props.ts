import { JobBehavior } from './job-behavior';

/** Options of the simulated executor. */
export interface SimulatedExecutorProps {
  /** Behaviour of jobs matched by nothing else. @default JobBehavior.succeed() */
  readonly defaultBehavior?: JobBehavior;
  /** Behaviours by job definition name (the runtime's physical name or the name you gave). @default - none */
  readonly byJobDefinition?: Record<string, JobBehavior>;
  /** Behaviours by job name; win over byJobDefinition. @default - none */
  readonly byJobName?: Record<string, JobBehavior>;
  /** Behaviours by container image; used after job name and job definition. @default - none */
  readonly byImage?: Record<string, JobBehavior>;
  /**
   * Seed of the generator that draws duration jitter and `JobBehaviorContext.random`: the same seed
   * and the same submissions give the same run.
   * @default 1
   */
  readonly seed?: number;
}
