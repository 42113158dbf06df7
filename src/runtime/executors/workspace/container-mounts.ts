import * as path from 'path';
import { checkSecretVolumes, secretDirectory, SecretVolumeShape } from './pod-volume-sources';
import { ContainerProperties } from '../../core/model/requests';
import { LaunchFailure } from '../common/launch-failure';

/** A container path and the host directory that stands for it. */
export interface HostMount {
  readonly containerPath: string;
  readonly hostPath: string;
  readonly readOnly: boolean;
  /** Where the host directory comes from. */
  readonly kind: 'host' | 'scratch' | 'pod' | 'efs' | 'tmpfs' | 'secret' | 'claim';
}

/** Where scratch, EFS, tmpfs, pod secret and claim directories live on the host. */
export interface MountDirectories {
  /** PLAT-3: where `<secretName>/<key>` files of Kubernetes secrets are; undefined when the runtime was given none. */
  readonly secretsDirectory?: string;
  /** The attempt's directory for a volume without a host path (Docker would create a volume). */
  scratch(volumeName: string): string;
  /** PLAT-3: the directory of a pod's `emptyDir` volume, shared by the pod's containers for one attempt. */
  pod(volumeName: string): string;
  /** A directory shared by every job of the runtime that stands for an EFS file system. */
  efs(fileSystemId: string): string;
  /** The attempt's directory standing for a `linuxParameters.tmpfs` entry. */
  tmpfs(index: number): string;
  /** PLAT-3: the directory of a persistent volume claim, shared by every job that names the claim and kept after them. */
  claim(claimName: string): string;
}

interface VolumeShape {
  readonly name?: string;
  readonly host?: { readonly sourcePath?: string };
  /** PLAT-3: a pod's emptyDir volume (the core keeps only this key). */
  readonly emptyDir?: object;
  /** PLAT-3: a pod's secret volume. */
  readonly secret?: SecretVolumeShape;
  /** PLAT-3: a pod's persistent volume claim. */
  readonly persistentVolumeClaim?: { readonly claimName?: string; readonly readOnly?: boolean };
  readonly efsVolumeConfiguration?: { readonly fileSystemId?: string; readonly rootDirectory?: string };
}

interface MountPointShape {
  readonly sourceVolume?: string;
  readonly containerPath?: string;
  readonly readOnly?: boolean;
}

interface TmpfsShape {
  readonly containerPath?: string;
}

/**
 * The host directories of a container's mount points: a volume's `host.sourcePath`, else a scratch
 * directory of the attempt; a pod's emptyDir volume one directory per pod attempt; an EFS volume becomes one directory per file system shared by all jobs;
 * a pod's secret volume the secret's directory, read-only (an empty pod directory for a missing optional
 * secret); a pod's persistent volume claim the claim's directory, read-only when the claim or the mount says so;
 * `linuxParameters.tmpfs` entries become scratch directories too. A missing secret that is not optional
 * fails the launch, even when this container does not mount it (the pod would not start).
 */
export function resolveMounts(container: ContainerProperties, directories: MountDirectories): HostMount[] {
  checkSecretVolumes(container.volumes, directories.secretsDirectory);
  const volumes = new Map<string, VolumeShape>();
  for (const volume of (container.volumes ?? []) as VolumeShape[]) {
    if (volume.name !== undefined) volumes.set(volume.name, volume);
  }
  const mounts: HostMount[] = ((container.mountPoints ?? []) as MountPointShape[]).map((mountPoint, index) => {
    const field = `mountPoints[${index}]`;
    if (!mountPoint.containerPath || !path.isAbsolute(mountPoint.containerPath)) {
      throw new LaunchFailure(`${field}.containerPath: ${JSON.stringify(mountPoint.containerPath)} is not an absolute path`);
    }
    const volume = mountPoint.sourceVolume !== undefined ? volumes.get(mountPoint.sourceVolume) : undefined;
    if (!volume) {
      throw new LaunchFailure(`${field}.sourceVolume: no volume named ${JSON.stringify(mountPoint.sourceVolume)} in volumes (known: ${[...volumes.keys()].join(', ') || 'none'})`);
    }
    const base = { containerPath: path.normalize(mountPoint.containerPath), readOnly: mountPoint.readOnly ?? false };
    if (volume.host?.sourcePath) {
      return { ...base, hostPath: volume.host.sourcePath, kind: 'host' };
    }
    if (volume.emptyDir) {
      return { ...base, hostPath: directories.pod(volume.name!), kind: 'pod' };
    }
    if (volume.secret) {
      // Kubernetes mounts secret volumes read-only whatever the mount says.
      const secret = secretDirectory(volume.name!, volume.secret, directories.secretsDirectory);
      return secret !== undefined
        ? { ...base, readOnly: true, hostPath: secret, kind: 'secret' }
        : { ...base, readOnly: true, hostPath: directories.pod(volume.name!), kind: 'pod' };
    }
    if (volume.persistentVolumeClaim?.claimName !== undefined) {
      const readOnly = base.readOnly || volume.persistentVolumeClaim.readOnly === true;
      return { ...base, readOnly, hostPath: directories.claim(volume.persistentVolumeClaim.claimName), kind: 'claim' };
    }
    if (volume.efsVolumeConfiguration?.fileSystemId) {
      const root = path.normalize(`/${volume.efsVolumeConfiguration.rootDirectory ?? '/'}`);
      return { ...base, hostPath: path.join(directories.efs(volume.efsVolumeConfiguration.fileSystemId), root), kind: 'efs' };
    }
    return { ...base, hostPath: directories.scratch(volume.name!), kind: 'scratch' };
  });
  const tmpfs = ((container.linuxParameters as { tmpfs?: TmpfsShape[] } | undefined)?.tmpfs ?? []);
  tmpfs.forEach((entry, index) => {
    if (!entry.containerPath || !path.isAbsolute(entry.containerPath)) {
      throw new LaunchFailure(`linuxParameters.tmpfs[${index}].containerPath: ${JSON.stringify(entry.containerPath)} is not an absolute path`);
    }
    mounts.push({ containerPath: path.normalize(entry.containerPath), hostPath: directories.tmpfs(index), readOnly: false, kind: 'tmpfs' });
  });
  return mounts;
}

/** A name safe as one path segment: volume names and job ids can hold `:` and `#`, never `/` here. */
export function safePathSegment(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_.-]/g, '_');
  return safe === '' || safe === '.' || safe === '..' ? `_${safe}` : safe;
}
