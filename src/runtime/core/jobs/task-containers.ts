import { registeredTaskContainers, substituteParameters, taskContainerDemand } from './container-launch';
import { JobRecord } from './job-record';
import { isEssential, TaskContainerInput } from '../../../validation';
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
