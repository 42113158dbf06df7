import { Duration } from 'aws-cdk-lib';
import { ContainerEngine } from './container-engine';

export { ContainerEngine } from './container-engine';

/** Options of the Docker executor. */
export interface DockerExecutorProps {
  /**
   * The container engine whose CLI runs the jobs. AUTO takes Podman when `podman version` answers,
   * else Docker when `docker version` answers (a Docker CLI without a daemon does not).
   * @default ContainerEngine.AUTO
   */
  readonly engine?: ContainerEngine;
  /**
   * The engine CLI to call instead of the engine's own name: a name looked up on PATH, or a path.
   * It must take Docker's verbs (`run`, `kill`, `rm`, `version`).
   * @default - `podman` or `docker`, from `engine`
   */
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
  /**
   * More `run` options, put before the image, e.g. `['--network', 'host']`. A `--network` here
   * replaces the executor's default (`--network none` unless the job definition's
   * `networkConfiguration.assignPublicIp` is ENABLED).
   * @default - none
   */
  readonly runArguments?: string[];
  /**
   * The image of the container that holds a multi-container task's (or pod's) network namespace
   * (PLAT-2): it runs `sleep`, so an image without `sleep` (distroless, scratch) needs another here,
   * e.g. `busybox`. It must be there already or pullable.
   * @default - the task's first container image
   */
  readonly taskNetworkHolderImage?: string;
}
