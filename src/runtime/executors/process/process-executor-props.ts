import { Duration } from 'aws-cdk-lib';

/** How the process executor enforces a job's `memory`. */
export enum MemoryLimitMode {
  /** A cgroup v2 when one can be created with the memory controller, else DATA_SEGMENT, else none. */
  AUTO = 'AUTO',
  /**
   * A cgroup v2 per attempt with `memory.max` = the job's memory and no swap: the closest to a
   * container (the whole process tree is counted; the kernel OOM-kills it, reported as
   * `OutOfMemoryError`). Needs a writable cgroup v2 hierarchy with the memory controller.
   */
  CGROUP_V2 = 'CGROUP_V2',
  /**
   * `RLIMIT_DATA` (private writable memory: heap and anonymous mappings, Linux >= 4.7) set with
   * `prlimit`, per process: an allocation beyond it fails inside the job. Works without privileges.
   */
  DATA_SEGMENT = 'DATA_SEGMENT',
  /**
   * `RLIMIT_AS` (virtual address space) set with `prlimit`, per process. Stricter than the memory a
   * container may use: runtimes that reserve address space up front (Node.js needs about 1 GiB,
   * the JVM and Go more) fail to start under small limits.
   */
  ADDRESS_SPACE = 'ADDRESS_SPACE',
  /** No memory limit. */
  NONE = 'NONE',
}

/** Which program starts job processes for the process executor (see `ProcessExecutorProps.spawnHelper`). */
export enum SpawnHelperProgram {
  /** Perl when a usable `perl` is on PATH (every Debian and Ubuntu has perl-base), else Node.js. */
  AUTO = 'AUTO',
  /**
   * A small Perl process: its fork is the cheapest (about 5 MiB mapped). Creating a job's process fails
   * with a clear reason where no usable `perl` is on PATH.
   */
  PERL = 'PERL',
  /** A small Node.js process run by the runtime's own `node`: needs nothing else, costs more per job. */
  NODE = 'NODE',
}

/** What an image would add to a job's command: its ENTRYPOINT and default CMD. */
export interface ImageCommand {
  /** Put before the job's command, as the image's ENTRYPOINT would be. @default - none */
  readonly entrypoint?: string[];
  /** Used when the job has no command, as the image's CMD would be. @default - none */
  readonly command?: string[];
}

/** Options of the process executor. */
export interface ProcessExecutorProps {
  /**
   * Host environment variables the job processes inherit (a real container inherits none; PATH is
   * needed to find programs on the host).
   * @default ['PATH', 'HOME', 'LANG', 'TMPDIR']
   */
  readonly inheritEnvironment?: string[];
  /**
   * Directory under which each attempt gets its own working directory and scratch volumes
   * (`<workRoot>/<jobId>.<attempt>/`).
   * @default - `cdk-batch-kit` in the operating system's temporary directory
   */
  readonly workRoot?: string;
  /**
   * Run every job in this host directory instead of its attempt's own empty directory under `workRoot`:
   * for local development, where `./my-script.sh` and `> ./out.txt` should mean files of your project.
   * The directory must exist; it is used as it is (never created, re-owned or removed). Scratch volumes
   * stay per attempt under `workRoot`. With a runtime running as root, also set `defaultUser: 'root'`,
   * or jobs run as `nobody`, who may not write there.
   * @default - each attempt's own directory, `<workRoot>/<jobId>.<attempt>/work`, removed after it
   */
  readonly workingDirectory?: string;
  /** Keep each attempt's directory after the attempt ends (to inspect its files). @default false */
  readonly keepWorkDirectories?: boolean;
  /**
   * Time between SIGTERM and SIGKILL when a job is stopped (TIME-2, LIFE-7). The runtime itself
   * sends SIGKILL 30 s after SIGTERM, so only a shorter period changes anything (tests use one).
   * @default Duration.seconds(30)
   */
  readonly stopGracePeriod?: Duration;
  /** How a job's `memory` is enforced. @default MemoryLimitMode.AUTO */
  readonly memoryLimit?: MemoryLimitMode;
  /**
   * GPUs jobs may be pinned to: indexes or UUIDs as CUDA_VISIBLE_DEVICES accepts them. A GPU job gets
   * its own GPUs (SCHED-4) and waits while they are all taken.
   * @default - the GPUs `nvidia-smi -L` lists (their UUIDs); none if it is missing
   */
  readonly gpuIds?: string[];
  /**
   * What each image adds to its jobs' commands, for jobs that rely on the image's entrypoint. The key
   * is the image as the job definition gives it, or the image without its tag or digest.
   * @default - commands run as they are
   */
  readonly images?: Record<string, ImageCommand>;
  /**
   * Values of the job definition's `secrets`, by their `valueFrom` (an ARN or parameter name) or by
   * their variable `name`. A job whose secret has no value fails to start, as on AWS. Secret values
   * are replaced by `*****` in the job's log lines.
   * @default - none
   */
  readonly secretValues?: Record<string, string>;
  /**
   * Run jobs whose definition asks for `privileged`. A privileged job runs as the runtime's own user
   * (root when the runtime runs as root); without this it fails to start.
   * @default false
   */
  readonly allowPrivileged?: boolean;
  /**
   * When the runtime runs as root: the user jobs run as when their definition names no `user`
   * (`user` is honoured only when the runtime runs as root; otherwise every job runs as the runtime's
   * user). 'root' runs such jobs as root, the runtime's own user. A job that exits 126 or 127, or
   * writes "Permission denied", gets a `container.reason` naming its user and working directory.
   * @default 'nobody'
   */
  readonly defaultUser?: string;
  /**
   * Rewrite container paths of mount points in the command and environment values to the host
   * directories that stand for them (see the executors guide for the exact rule).
   * @default true
   */
  readonly mapContainerPaths?: boolean;
  /**
   * Start job processes from a small helper process instead of the runtime's own: a fork copies
   * the forking process's page tables, so spawning from a runtime that has loaded aws-cdk-lib costs
   * several times more (see the executors guide for figures).
   * @default true
   */
  readonly useSpawnHelper?: boolean;
  /**
   * The helper program that starts job processes (with `useSpawnHelper`). Perl's is the cheapest per
   * job; both behave the same (one conformance suite runs on each).
   * @default SpawnHelperProgram.AUTO
   */
  readonly spawnHelper?: SpawnHelperProgram;
}
