import { podContainerDemand, registeredPod, registeredTaskContainers, substituteParameters, taskContainerDemand } from './container-launch';
import { JobRecord } from './job-record';
import { EksContainerInput, EksVolumeInput, EksVolumeMountInput, isEssential, TaskContainerInput } from '../../../validation';
import { ContainerProperties } from '../model/requests';
import { ContainerDemand } from '../types/demand';

/** How a container waits for another (PLAT-2 `dependsOn`). */
export type ContainerCondition = 'START' | 'COMPLETE' | 'SUCCESS';

/** One container of a multi-container task (PLAT-2), as the job runs it. */
export interface TaskContainerSpec {
  /** The registered name, or `container-<index>` for an unnamed one (names only matter to dependsOn). */
  readonly name: string;
  readonly essential: boolean;
  readonly dependsOn: ReadonlyArray<{ readonly containerName: string; readonly condition: ContainerCondition }>;
  /** The registered container (image, command, environment, requirements...). */
  readonly container: ContainerProperties;
  /** The command after `Ref::` substitution (PARAM-1). */
  readonly command: string[];
  readonly demand: ContainerDemand;
}

/**
 * How a task of several containers ends: `ecs` when its first essential container exits (PLAT-2);
 * `pod` when every container has ended, failed if one of them failed (a Kubernetes pod that never
 * restarts, PLAT-3).
 */
export type TaskEndPolicy = 'ecs' | 'pod';

/** The containers an attempt runs together and how they end. */
export interface TaskPlan {
  readonly policy: TaskEndPolicy;
  readonly containers: readonly TaskContainerSpec[];
  /** Pods: how many of `containers` (the first ones) are init containers. */
  readonly initContainers: number;
}

/** The task of a multi-container or EKS job; undefined for a job of one container. */
export function taskPlan(job: JobRecord): TaskPlan | undefined {
  const ecs = taskContainers(job);
  if (ecs) return { policy: 'ecs', containers: ecs, initContainers: 0 };
  const pod = registeredPod(job);
  if (!pod) return undefined;
  // PLAT-3: init containers run one after the other, each only once the previous one succeeded; the
  // pod's containers start together after the last of them.
  const init = (pod.initContainers ?? []).map((container, index, all) =>
    podContainerSpec(job, container, index > 0 ? [all[index - 1].name ?? 'Default'] : [], pod.volumes));
  const lastInit = init.length > 0 ? [init[init.length - 1].name] : [];
  const main = pod.containers.map((container) => podContainerSpec(job, container, lastInit, pod.volumes));
  return { policy: 'pod', containers: [...init, ...main], initContainers: init.length };
}

/**
 * PLAT-3: a pod container as a task container. Its argv is `command` then `args`, with `$(NAME)`
 * replaced by the container's variable NAME where it has one and `$$` by `$`, as Kubernetes expands them.
 */
function podContainerSpec(job: JobRecord, container: EksContainerInput, after: string[], podVolumes: unknown): TaskContainerSpec {
  const env = container.env ?? [];
  const variables = new Map(env.map((entry) => [entry.name, entry.value ?? '']));
  const expand = (text: string): string => text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g,
    (whole, name: string | undefined) => (name === undefined ? '$' : variables.get(name) ?? whole));
  const argv = [...(container.command ?? []), ...(container.args ?? [])].map((arg) => expand(substituteParameters([arg], job.spec.parameters)[0]));
  const demand = podContainerDemand(container);
  return {
    name: container.name ?? 'Default',
    essential: false,
    dependsOn: after.map((containerName) => ({ containerName, condition: 'SUCCESS' as const })),
    container: {
      image: container.image,
      command: argv,
      environment: env.map((entry) => ({ name: entry.name, value: entry.value ?? '' })),
      ...podMounts(container, podVolumes),
    },
    command: argv,
    demand,
  };
}

/** The containers of the job's `ecsProperties` task, or undefined for a job of one container. */
export function taskContainers(job: JobRecord): readonly TaskContainerSpec[] | undefined {
  return registeredTaskContainers(job)?.map((container, index) => {
    const registered = container as TaskContainerInput;
    return {
      name: registered.name ?? `container-${index}`,
      essential: isEssential(registered),
      dependsOn: (registered.dependsOn ?? []).map((d) => ({ containerName: d.containerName!, condition: d.condition as ContainerCondition })),
      container,
      command: substituteParameters(container.command ?? [], job.spec.parameters),
      demand: taskContainerDemand(container),
    };
  });
}

/**
 * PLAT-3: the container's `volumeMounts` as the ECS `volumes` / `mountPoints` the executors already
 * mount (the host path on the process executor, a bind mount under Podman). `hostPath` volumes become
 * host volumes; `emptyDir`, `secret` and `persistentVolumeClaim` volumes keep their key, and the
 * executors find their directories: one per pod attempt for an emptyDir (removed when the attempt ends,
 * `JobRunner.taskEnded`), the secret's directory in the runtime's secrets directory, one directory per
 * claim kept across jobs. Every secret volume of the pod is listed on each container, mounted or not:
 * a required secret that is missing fails the pod before any of its containers runs, as in Kubernetes.
 */
function podMounts(container: EksContainerInput, podVolumes: unknown): Pick<ContainerProperties, 'volumes' | 'mountPoints'> {
  const volumes = (podVolumes ?? []) as EksVolumeInput[];
  const byName = new Map(volumes.map((volume) => [volume.name, volume]));
  const mounts = ((container.volumeMounts ?? []) as EksVolumeMountInput[]).filter((mount) => byName.has(mount.name));
  const names = new Set(mounts.map((mount) => mount.name!));
  for (const volume of volumes) if (volume.secret) names.add(volume.name!);
  if (names.size === 0) return {};
  return {
    volumes: [...names].map((name) => executorVolume(byName.get(name)!)),
    ...(mounts.length > 0 ? {
      mountPoints: mounts.map((mount) => ({ sourceVolume: mount.name, containerPath: mount.mountPath, readOnly: mount.readOnly ?? false })),
    } : {}),
  };
}

/** A pod volume as the executors' volume shape (see container-mounts.ts). */
function executorVolume(volume: EksVolumeInput): { name: string; [field: string]: unknown } {
  const name = volume.name!;
  if (volume.hostPath?.path !== undefined) return { name, host: { sourcePath: volume.hostPath.path } };
  if (volume.secret) return { name, secret: { secretName: volume.secret.secretName, optional: volume.secret.optional ?? false } };
  const claim = volume.persistentVolumeClaim;
  if (claim) return { name, persistentVolumeClaim: { claimName: claim.claimName, readOnly: claim.readOnly ?? false } };
  return { name, emptyDir: {} };
}
