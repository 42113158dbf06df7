import { JobBehavior } from './job-behavior';
import { ProcessRunner } from './process-runner';
import { SimulatedRunner } from './simulated-runner';
import { JobRunner } from '../core/executor';

/** Options of the process executor. */
export interface ProcessExecutorProps {
  /**
   * Host environment variables the job processes inherit (a real container inherits none; PATH is
   * needed to find programs on the host).
   * @default ['PATH', 'HOME', 'LANG', 'TMPDIR']
   */
  readonly inheritEnvironment?: string[];
  /** Working directory of job processes. @default - the current directory */
  readonly workingDirectory?: string;
}

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
}

/**
 * How the local runtime executes job containers.
 */
export class JobExecutor {
  /**
   * Runs each job's command as a host process in real time (no Docker; the image is not pulled).
   */
  static process(props: ProcessExecutorProps = {}): JobExecutor {
    return new JobExecutor(() => new ProcessRunner({
      inheritEnvironment: props.inheritEnvironment ?? ['PATH', 'HOME', 'LANG', 'TMPDIR'],
      cwd: props.workingDirectory,
    }));
  }

  /**
   * Simulates jobs in virtual time: deterministic, fast, nothing executes.
   */
  static simulated(props: SimulatedExecutorProps = {}): JobExecutor {
    const fallback = props.defaultBehavior ?? JobBehavior.succeed();
    return new JobExecutor(() => new SimulatedRunner({
      behaviorFor: (launch) => props.byJobName?.[launch.jobName]
        ?? props.byJobDefinition?.[launch.jobDefinitionName]
        ?? (launch.image !== undefined ? props.byImage?.[launch.image] : undefined)
        ?? fallback,
    }));
  }

  private constructor(private readonly factory: () => JobRunner) {}

  /** @internal */
  public _createRunner(): JobRunner {
    return this.factory();
  }
}
