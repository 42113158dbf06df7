import { hostArgv } from './image-commands';
import { ImageCommand } from './process-executor-props';
import { RunContext } from './run-context-hint';
import { ContainerLaunch } from '../../core/executor';
import { LaunchFailure } from '../common/launch-failure';
import { LogRedactor, resolveSecrets } from '../isolation/secret-values';
import { readUlimits, Ulimit } from '../isolation/ulimits';
import { AttemptWorkspace } from '../workspace/attempt-workspace';
import { HostMount, resolveMounts } from '../workspace/container-mounts';
import { ContainerPathMapping } from '../workspace/container-path-mapping';
import { chooseIdentity, IdentityPolicy, JobIdentity } from '../workspace/job-identity';

/** Configuration of the process executor that shapes every launch. */
export interface ProcessLaunchSettings {
  readonly inheritEnvironment: readonly string[];
  readonly images: Record<string, ImageCommand>;
  readonly secretValues: Record<string, string>;
  readonly allowPrivileged: boolean;
  readonly identityPolicy: IdentityPolicy;
  readonly mapContainerPaths: boolean;
  /** Every job's working directory, when not the attempt's own (ProcessExecutorProps.workingDirectory). */
  readonly workingDirectory?: string;
}

/** Everything decided before a job process starts; GPUs are pinned later, when free. */
export interface ProcessLaunchPlan {
  readonly argv: string[];
  readonly environment: Record<string, string>;
  readonly identity?: JobIdentity;
  /** Who the process runs as and where (its `cwd`), for the reasons of failures that may come from them. */
  readonly runContext: RunContext;
  readonly mounts: HostMount[];
  readonly ulimits: Ulimit[];
  readonly memoryBytes: number;
  readonly gpus: number;
  readonly redactor: LogRedactor;
}

/** The variable that lists the mounts of a job as JSON: `{"<containerPath>": "<hostPath>"}`. */
export const MOUNTS_VARIABLE = 'BATCH_LOCAL_MOUNTS';

/**
 * Turns a container launch into a host launch: argv (image entrypoint + command, container paths
 * mapped), environment (inherited host variables, the job's, secrets, mounts), user, mounts and limits.
 * Throws LaunchFailure for what a container runtime would refuse.
 */
export function planProcessLaunch(launch: ContainerLaunch, workspace: AttemptWorkspace, settings: ProcessLaunchSettings): ProcessLaunchPlan {
  const container = launch.container;
  const privileged = container.privileged === true;
  if (privileged && !settings.allowPrivileged) {
    throw new LaunchFailure('privileged: the job definition asks for a privileged container; the process executor runs none unless ProcessExecutorProps.allowPrivileged is true');
  }
  const identity = chooseIdentity({ user: container.user, privileged }, settings.identityPolicy);
  const mounts = resolveMounts(container, workspace);
  const mapping = settings.mapContainerPaths ? new ContainerPathMapping(mounts) : undefined;
  const secrets = resolveSecrets(container.secrets, settings.secretValues);

  const environment: Record<string, string> = {};
  for (const name of settings.inheritEnvironment) {
    const value = process.env[name];
    if (value !== undefined) environment[name] = value;
  }
  if (identity && launch.environment.HOME === undefined) {
    // The runtime's HOME is not the job user's and is often unreadable to it (/root).
    environment.HOME = workspace.workDirectory;
  }
  for (const [name, value] of Object.entries(launch.environment)) {
    environment[name] = mapping ? mapping.map(value) : value;
  }
  Object.assign(environment, secrets);
  if (mounts.length > 0) {
    environment[MOUNTS_VARIABLE] = JSON.stringify(Object.fromEntries(mounts.map((m) => [m.containerPath, m.hostPath])));
  }

  const argv = hostArgv(launch.image, launch.command, settings.images).map((element) => (mapping ? mapping.map(element) : element));
  const runContext: RunContext = {
    identity: identity && { ...identity, name: container.user ?? (privileged ? 'root' : settings.identityPolicy.defaultUser) },
    workingDirectory: settings.workingDirectory ?? workspace.workDirectory,
    scratchWorkingDirectory: settings.workingDirectory === undefined,
  };
  return {
    argv,
    environment,
    identity,
    runContext,
    mounts,
    ulimits: readUlimits(container.ulimits),
    memoryBytes: launch.memoryMiB * 1024 * 1024,
    gpus: launch.gpus,
    redactor: new LogRedactor(Object.values(secrets)),
  };
}
