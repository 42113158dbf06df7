import * as fs from 'fs';
import * as path from 'path';
import { LaunchFailure } from '../common/launch-failure';

/**
 * PLAT-3: where a local runtime finds what a Kubernetes API server would provide to a pod's `secret`
 * and `persistentVolumeClaim` volumes (LocalBatchRuntimeProps.kubernetesSecretsDirectory and
 * persistentVolumesDirectory, `--kubernetes-secrets-dir` and `--persistent-volumes-dir`).
 */
export interface PodVolumeSources {
  /** `<dir>/<secretName>/<key>` files, laid out as a mounted secret. Absent: no secret exists. */
  readonly kubernetesSecretsDirectory?: string;
  /** `<dir>/<claimName>`: one directory per claim, kept across jobs. Absent: the runner's default. */
  readonly persistentVolumesDirectory?: string;
}

/** The sources with every directory decided, as a runner that mounts them holds them. */
export interface ResolvedPodVolumeSources {
  readonly kubernetesSecretsDirectory?: string;
  readonly persistentVolumesDirectory: string;
}

/** The option that names the secrets directory, for messages that tell how to provide a secret. */
const SECRETS_OPTION = 'LocalBatchRuntimeProps.kubernetesSecretsDirectory (batch-local --kubernetes-secrets-dir)';

/** A pod's `secret` volume as the core hands it to the executors (see task-containers.ts). */
export interface SecretVolumeShape {
  readonly secretName?: string;
  readonly optional?: boolean;
}

/** The sources' directories made absolute (a container engine's `-v` needs absolute paths); the claims' default under `workRoot`. */
export function resolvePodVolumeSources(sources: PodVolumeSources, workRoot: string): ResolvedPodVolumeSources {
  return {
    kubernetesSecretsDirectory: sources.kubernetesSecretsDirectory === undefined ? undefined : path.resolve(sources.kubernetesSecretsDirectory),
    persistentVolumesDirectory: path.resolve(sources.persistentVolumesDirectory ?? path.join(workRoot, 'persistent-volumes')),
  };
}

/**
 * PLAT-3: the host directory of a secret volume: `<secretsDirectory>/<secretName>`; undefined when the
 * secret is missing and `optional` (the volume is then an empty directory, as Kubernetes mounts it).
 * A missing secret that is not optional fails the attempt (Kubernetes would leave the pod in
 * ContainerCreating; locally a failure that says what to provide is more useful), naming the volume,
 * the secret and where it was looked for.
 */
export function secretDirectory(volumeName: string, secret: SecretVolumeShape, secretsDirectory: string | undefined): string | undefined {
  const secretName = secret.secretName ?? '';
  if (secretsDirectory !== undefined) {
    const directory = path.join(secretsDirectory, secretName);
    if (secretName !== '' && isDirectory(directory)) return directory;
    if (secret.optional === true) return undefined;
    throw new LaunchFailure(`volume ${JSON.stringify(volumeName)}: secret ${JSON.stringify(secretName)} not found: `
      + `no directory ${directory} in the Kubernetes secrets directory ${secretsDirectory} (a file per key: ${secretsDirectory}/${secretName}/<key>)`,
    'ResourceInitializationError');
  }
  if (secret.optional === true) return undefined;
  throw new LaunchFailure(`volume ${JSON.stringify(volumeName)}: secret ${JSON.stringify(secretName)} not found: the runtime has no Kubernetes `
    + `secrets directory; set ${SECRETS_OPTION} to a directory holding ${secretName}/<key> files`, 'ResourceInitializationError');
}

/**
 * PLAT-3: checks every `secret` volume of the launch's container (the core lists all of a pod's
 * secret volumes on each of its containers, mounted or not): a pod whose required secret is missing
 * fails at its first container, before any of them runs, as Kubernetes starts none. The simulated
 * executor calls it too, so virtual time fails the same pods as the real executors.
 */
export function checkSecretVolumes(volumes: unknown, secretsDirectory: string | undefined): void {
  if (!Array.isArray(volumes)) return;
  for (const volume of volumes as Array<{ name?: string; secret?: SecretVolumeShape }>) {
    if (volume.secret !== undefined) secretDirectory(volume.name ?? '', volume.secret, secretsDirectory);
  }
}

function isDirectory(directory: string): boolean {
  try {
    return fs.statSync(directory).isDirectory();
  } catch {
    return false;
  }
}
