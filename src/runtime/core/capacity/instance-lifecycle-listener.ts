import type { ContainerInstance } from './container-instance';

/** One instance launch (or registration) or termination, as observers of the capacity model see it. */
export interface InstanceLifecycleEvent {
  readonly computeEnvironmentName: string;
  readonly instanceId: string;
  readonly instanceType: string;
  readonly containerInstanceArn: string;
  /** vCPUs and memory (MiB) the instance registers with ECS (SCHED-8). */
  readonly vcpus: number;
  readonly memoryMiB: number;
  /** When the instance was launched, epoch ms. */
  readonly launchedAt: number;
  /** When this event happened, epoch ms (the launch time, or the termination time). */
  readonly at: number;
}

/**
 * Observes instances coming and going (e.g. the plan report's instance timelines and costs). Called
 * synchronously from the capacity model; an observer must not change capacity from here.
 */
export interface InstanceLifecycleListener {
  instanceLaunched(event: InstanceLifecycleEvent): void;
  instanceTerminated(event: InstanceLifecycleEvent): void;
}

export function lifecycleEvent(computeEnvironmentName: string, instance: ContainerInstance, at: number): InstanceLifecycleEvent {
  const { registered } = instance;
  return {
    computeEnvironmentName,
    instanceId: instance.id,
    instanceType: registered.spec.name,
    containerInstanceArn: instance.containerInstanceArn,
    vcpus: registered.vcpus,
    memoryMiB: registered.memoryMiB,
    launchedAt: instance.launchedAt,
    at,
  };
}
