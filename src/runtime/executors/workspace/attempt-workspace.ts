import * as fs from 'fs';
import * as path from 'path';
import { HostMount, MountDirectories, safePathSegment } from './container-mounts';
import { JobIdentity } from './job-identity';
import { ResolvedPodVolumeSources, resolvePodVolumeSources } from './pod-volume-sources';

/**
 * The host directories of one attempt: `<workRoot>/<jobId>.<attempt>/work` is its working directory,
 * `volumes/<name>` and `tmpfs/<n>` stand for volumes without a host path and tmpfs mounts; EFS file
 * systems are `<workRoot>/efs/<fileSystemId>`, shared by every job as EFS would be; a pod's persistent
 * volume claims are `<persistentVolumesDirectory>/<claimName>` (default `<workRoot>/persistent-volumes`).
 */
export class AttemptWorkspace implements MountDirectories {
  /**
   * PLAT-3: the directory of a pod attempt's emptyDir volumes: the attempt's directory without a
   * container name, which no container of a task uses (each has `<attempt>.<container>`, removed when
   * that container ends); this one is removed only when the attempt does.
   */
  static podDirectory(workRoot: string, jobId: string, attempt: number): string {
    return path.join(workRoot, `${safePathSegment(jobId)}.${attempt}`);
  }

  /** Removes a pod attempt's emptyDir directories; nothing when it had none. */
  static removePodDirectory(workRoot: string, jobId: string, attempt: number): void {
    // Synchronous: once the attempt has ended its directory is gone, and a retry cannot meet it.
    fs.rmSync(AttemptWorkspace.podDirectory(workRoot, jobId, attempt), { recursive: true, force: true });
  }

  readonly directory: string;
  readonly workDirectory: string;

  readonly secretsDirectory?: string;

  private readonly jobId: string;
  private readonly attempt: number;
  private readonly persistentVolumesDirectory: string;

  constructor(
    private readonly workRoot: string, jobId: string, attempt: number, containerName?: string,
    podVolumes: ResolvedPodVolumeSources = resolvePodVolumeSources({}, workRoot),
  ) {
    this.jobId = jobId;
    this.attempt = attempt;
    this.secretsDirectory = podVolumes.kubernetesSecretsDirectory;
    this.persistentVolumesDirectory = podVolumes.persistentVolumesDirectory;
    // Flat (one directory per attempt, no per-job parent): removing a parent in the background could race a retry's mkdir.
    // PLAT-2: each container of a multi-container task has its own (one container's end removes its directory).
    const container = containerName === undefined ? '' : `.${safePathSegment(containerName)}`;
    this.directory = path.join(workRoot, `${safePathSegment(jobId)}.${attempt}${container}`);
    this.workDirectory = path.join(this.directory, 'work');
  }

  /** The attempt's directory and its working directory, parent first: all an attempt without mounts needs. */
  get ownDirectories(): string[] {
    return [this.directory, this.workDirectory];
  }

  scratch(volumeName: string): string {
    return path.join(this.directory, 'volumes', safePathSegment(volumeName));
  }

  pod(volumeName: string): string {
    return path.join(AttemptWorkspace.podDirectory(this.workRoot, this.jobId, this.attempt), 'pod-volumes', safePathSegment(volumeName));
  }

  efs(fileSystemId: string): string {
    return path.join(this.workRoot, 'efs', safePathSegment(fileSystemId));
  }

  tmpfs(index: number): string {
    return path.join(this.directory, 'tmpfs', String(index));
  }

  claim(claimName: string): string {
    return path.join(this.persistentVolumesDirectory, safePathSegment(claimName));
  }

  /**
   * Creates the working directory and the mount directories. Those of the attempt belong to the job's
   * user (or to anyone, for containers whose user the host does not know); EFS and claim directories are shared (sticky, world-writable, like /tmp); a volume's host path is
   * created if missing, as `docker run -v` does, and otherwise left as it is; a secret's directory is only read.
   */
  create(mounts: readonly HostMount[], identity: JobIdentity | undefined, openToAnyUser: boolean = false): void {
    const own = (directory: string): void => {
      fs.mkdirSync(directory, { recursive: true });
      if (identity) fs.chownSync(directory, identity.uid, identity.gid);
      // A container's user is unknown to the host (Docker): let whoever it is write there.
      if (openToAnyUser) fs.chmodSync(directory, 0o777);
    };
    own(this.workDirectory);
    if (identity) fs.chownSync(this.directory, identity.uid, identity.gid);
    for (const mount of mounts) {
      if (mount.kind === 'scratch' || mount.kind === 'tmpfs' || mount.kind === 'pod') {
        own(mount.hostPath);
      } else if (mount.kind === 'secret') {
        continue; // it exists (resolveMounts checked) and belongs to whoever provides the secrets
      } else if (mount.kind === 'efs' || mount.kind === 'claim') {
        if (!fs.existsSync(mount.hostPath)) {
          fs.mkdirSync(mount.hostPath, { recursive: true });
          fs.chmodSync(mount.hostPath, 0o1777); // mkdir's mode is cut by the umask
        }
      } else if (!fs.existsSync(mount.hostPath)) {
        fs.mkdirSync(mount.hostPath, { recursive: true });
      }
    }
  }

  /**
   * Removes the attempt's directory (EFS and host directories stay).
   * In the background: removing directories is slow on some file systems (measured: 6 ms per attempt
   * on this project's overlay /tmp under load) and must not hold up the next job's start. A failure
   * (files a job made undeletable) is ignored: the attempt's result matters more than its litter.
   */
  remove(done: () => void = () => undefined): void {
    // Most attempts leave only their empty working directory: two rmdir calls instead of the
    // recursive walk (lstat, readdir, rmdir per level), which cost the runtime's thread more per job
    // than a short job takes (profiled with bench/process-executor.ts). Anything else: the walk.
    const removeAll = (): void => fs.rm(this.directory, { recursive: true, force: true }, () => done());
    fs.rmdir(this.workDirectory, (workError) => {
      if (workError) {
        removeAll();
        return;
      }
      fs.rmdir(this.directory, (error) => (error ? removeAll() : done()));
    });
  }
}
