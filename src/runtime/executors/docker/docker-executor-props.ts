import { Duration } from 'aws-cdk-lib';

/** Options of the Docker executor. */
export interface DockerExecutorProps {
  /** The Docker CLI to call: a name looked up on PATH, or a path. @default 'docker' */
  readonly dockerCommand?: string;
  /**
   * Time between SIGTERM and SIGKILL when a job is stopped (TIME-2, LIFE-7); only a period shorter
   * than the runtime's 30 s changes anything.
   * @default Duration.seconds(30)
   */
  readonly stopGracePeriod?: Duration;
  /**
   * GPUs jobs may be pinned to (indexes or UUIDs), passed as `--gpus "device=..."`.
   * @default - the GPUs `nvidia-smi -L` lists; none if it is missing
   */
  readonly gpuIds?: string[];
  /**
   * Values of the job definition's `secrets`, by `valueFrom` or by variable name. They reach the
   * container through the Docker client's environment, never its command line, and are masked in logs.
   * @default - none
   */
  readonly secretValues?: Record<string, string>;
  /** Run containers whose job definition asks for `privileged` (`--privileged`). @default false */
  readonly allowPrivileged?: boolean;
  /**
   * Host directory for volumes without a host path (`<workRoot>/<jobId>.<attempt>/volumes/<name>`) and
   * for EFS volumes (`<workRoot>/efs/<fileSystemId>`).
   * @default - `cdk-batch-kit` in the operating system's temporary directory
   */
  readonly workRoot?: string;
  /** Keep each attempt's scratch volumes after the attempt ends. @default false */
  readonly keepWorkDirectories?: boolean;
  /** More `docker run` options, put before the image, e.g. `['--network', 'host']`. @default - none */
  readonly runArguments?: string[];
}
