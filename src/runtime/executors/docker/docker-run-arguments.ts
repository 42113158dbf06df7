import { ContainerLaunch } from '../../core/executor';
import { LaunchFailure } from '../common/launch-failure';
import { Ulimit, ulimitValue } from '../isolation/ulimits';
import { HostMount } from '../workspace/container-mounts';

/** Everything `docker run` needs besides the launch itself. */
export interface DockerRunInputs {
  readonly containerName: string;
  readonly mounts: readonly HostMount[];
  readonly ulimits: readonly Ulimit[];
  readonly gpuIds: readonly string[];
  /** Secret variables: they go through the client's environment only. */
  readonly secrets: Record<string, string>;
  readonly allowPrivileged: boolean;
  readonly runArguments: readonly string[];
  /** PLAT-2: the task's network holder the container joins (`--network container:<name>`); absent for a single container. */
  readonly networkHolder?: string;
  /** The Docker client's own environment (its PATH, HOME, DOCKER_HOST...). */
  readonly clientEnvironment: Record<string, string>;
}

/** A `docker run` command line and the environment of the client process that runs it. */
export interface DockerRunCommand {
  readonly args: string[];
  readonly clientEnvironment: Record<string, string>;
}

interface LinuxParametersShape {
  readonly devices?: Array<{ hostPath?: string; containerPath?: string; permissions?: string[] }>;
  readonly initProcessEnabled?: boolean;
  readonly sharedMemorySize?: number;
  readonly tmpfs?: Array<{ containerPath?: string; size?: number; mountOptions?: string[] }>;
  readonly maxSwap?: number;
  readonly swappiness?: number;
}

/** Variables the Docker client reads itself: a job's value must not reach it through the client's environment. */
const CLIENT_VARIABLE = /^(PATH|HOME|TMPDIR|DOCKER_.*|(HTTPS?|NO|ALL)_PROXY|(https?|no|all)_proxy)$/;

/**
 * `docker run` / `podman run` for one attempt: the image with the job's command (OVR-1, PARAM-1 already
 * applied), environment (ENV-1, ENV-2), memory as a hard limit (`--memory` = `--memory-swap` unless
 * maxSwap), vCPUs as CPU shares (as ECS does) and a CPU quota, no network unless
 * `networkConfiguration.assignPublicIp` is ENABLED, ulimits, volumes, devices, user, GPUs and linuxParameters.
 * Variables are passed by name (`-e NAME`) with their values in the client's environment, so neither
 * secrets nor any other value appear on a command line; a job variable the client itself reads
 * (PATH, DOCKER_HOST...) is passed as `-e NAME=value`, which a secret never is.
 */
export function dockerRunCommand(launch: ContainerLaunch, inputs: DockerRunInputs): DockerRunCommand {
  const container = launch.container;
  if (!launch.image) throw new LaunchFailure('image: the job definition has no image for the Docker executor to run');
  if (container.privileged === true && !inputs.allowPrivileged) {
    throw new LaunchFailure('privileged: the job definition asks for a privileged container; the Docker executor runs none unless DockerExecutorProps.allowPrivileged is true');
  }
  const linux = (container.linuxParameters ?? {}) as LinuxParametersShape;
  // --rm: the engine removes the container when it exits, as `podman run --rm` would (no `rm` call per job).
  const args = ['run', '--rm', '--name', inputs.containerName, '--label', `cdk-batch-kit.job-id=${launch.jobId}`, '--label', `cdk-batch-kit.attempt=${launch.attempt}`];
  if (linux.initProcessEnabled) args.push('--init');
  // Shares weigh jobs against each other (as ECS does); --cpus caps each at its vCPUs (CFS quota).
  args.push(`--cpu-shares=${Math.max(2, Math.round(launch.vcpus * 1024))}`, `--cpus=${launch.vcpus}`);
  if (inputs.networkHolder !== undefined) args.push('--network', `container:${inputs.networkHolder}`);
  else args.push(...networkArguments(launch, inputs.runArguments));
  args.push(`--memory=${launch.memoryMiB}m`, `--memory-swap=${launch.memoryMiB + Math.max(0, linux.maxSwap ?? 0)}m`);
  if (linux.swappiness !== undefined) args.push(`--memory-swappiness=${linux.swappiness}`);
  if (linux.sharedMemorySize !== undefined) args.push(`--shm-size=${linux.sharedMemorySize}m`);
  for (const tmpfs of linux.tmpfs ?? []) {
    const options = [...(tmpfs.size !== undefined ? [`size=${tmpfs.size}m`] : []), ...(tmpfs.mountOptions ?? [])];
    args.push('--tmpfs', options.length > 0 ? `${tmpfs.containerPath}:${options.join(',')}` : `${tmpfs.containerPath}`);
  }
  for (const ulimit of inputs.ulimits) args.push('--ulimit', `${ulimit.name}=${ulimitValue(ulimit)}`);
  for (const mount of inputs.mounts) {
    if (mount.kind === 'tmpfs') continue; // docker makes a real tmpfs
    args.push('-v', `${mount.hostPath}:${mount.containerPath}${mount.readOnly ? ':ro' : ''}`);
  }
  for (const device of linux.devices ?? []) {
    const permissions = (device.permissions ?? []).map((p) => ({ READ: 'r', WRITE: 'w', MKNOD: 'm' } as Record<string, string>)[p.toUpperCase()] ?? '').join('');
    args.push('--device', [device.hostPath, device.containerPath ?? device.hostPath, ...(permissions ? [permissions] : [])].join(':'));
  }
  if (container.user) args.push('--user', container.user);
  if (container.privileged === true) args.push('--privileged');
  if (container.readonlyRootFilesystem === true) args.push('--read-only');
  if (inputs.gpuIds.length > 0) args.push('--gpus', `"device=${inputs.gpuIds.join(',')}"`);

  const clientEnvironment = { ...inputs.clientEnvironment };
  const variables: Record<string, string> = {
    ...launch.environment,
    ...(inputs.gpuIds.length > 0 ? { NVIDIA_VISIBLE_DEVICES: inputs.gpuIds.join(',') } : {}),
  };
  for (const [name, value] of Object.entries(variables)) {
    if (CLIENT_VARIABLE.test(name)) {
      args.push('-e', `${name}=${value}`);
    } else {
      args.push('-e', name);
      clientEnvironment[name] = value;
    }
  }
  for (const [name, value] of Object.entries(inputs.secrets)) {
    if (CLIENT_VARIABLE.test(name)) {
      throw new LaunchFailure(`secrets: a secret named ${name} would have to be put on the docker command line; rename it`);
    }
    args.push('-e', name);
    clientEnvironment[name] = value;
  }
  args.push(...inputs.runArguments, launch.image, ...launch.command);
  return { args, clientEnvironment };
}

/** Whether the executor's own run arguments choose the network (then the executor adds none, and no task holder). */
export function runArgumentsChooseNetwork(runArguments: readonly string[]): boolean {
  return runArguments.some((argument) => /^--net(work)?(=|$)/.test(argument));
}

/** `--network none`, or `bridge` when `networkConfiguration.assignPublicIp` is ENABLED; nothing when the run arguments choose. */
export function networkArguments(launch: ContainerLaunch, runArguments: readonly string[]): string[] {
  if (runArgumentsChooseNetwork(runArguments)) return [];
  // No network unless the job definition asks for one: a local job should not reach out by surprise.
  const network = launch.container.networkConfiguration as { assignPublicIp?: string } | undefined;
  return ['--network', network?.assignPublicIp?.toUpperCase() === 'ENABLED' ? 'bridge' : 'none'];
}
