import { effectiveMemoryMiB, effectiveVcpus } from './container-properties';
import { fail } from './validation-error';

const RULE = 'PLAT-2';

/** PLAT-2: AWS limits `ecsProperties.taskProperties` to one task of up to 10 containers. */
export const MAX_TASKS = 1;
export const MAX_TASK_CONTAINERS = 10;

/** `dependsOn` conditions of a task container, as the API lists them. */
export const CONTAINER_CONDITIONS = ['START', 'COMPLETE', 'SUCCESS'] as const;

export interface TaskContainerInput {
  name?: string;
  image?: string;
  essential?: boolean;
  dependsOn?: Array<{ containerName?: string; condition?: string }>;
  resourceRequirements?: Array<{ type: string; value: string }>;
  [field: string]: unknown;
}

export interface EcsPropertiesInput {
  taskProperties?: Array<{ containers?: TaskContainerInput[]; [field: string]: unknown }>;
}

/** A container is essential unless it says `essential: false` (the API's default). */
export function isEssential(container: TaskContainerInput): boolean {
  return container.essential !== false;
}

/**
 * PLAT-2, `ecsProperties` of RegisterJobDefinition (multi-container jobs), as the API documents them:
 * one task; 1..10 containers, each with an image; names unique; at least one essential container;
 * `dependsOn` names another container of the task, with START, COMPLETE or SUCCESS, and COMPLETE /
 * SUCCESS never on an essential container; no dependency cycle (the task could never start); the
 * task's containers together reserve vCPUs and memory (VCPU and MEMORY resource requirements).
 */
export function validateEcsProperties(field: string, ecs: EcsPropertiesInput): void {
  const tasks = ecs?.taskProperties;
  if (!Array.isArray(tasks) || tasks.length !== MAX_TASKS) {
    fail(`${field}.taskProperties`, Array.isArray(tasks) ? tasks.length : tasks, `exactly ${MAX_TASKS} task`, RULE);
  }
  const taskField = `${field}.taskProperties[0]`;
  const containers = tasks[0].containers;
  if (!Array.isArray(containers) || containers.length < 1 || containers.length > MAX_TASK_CONTAINERS) {
    fail(`${taskField}.containers`, Array.isArray(containers) ? containers.length : containers, `1..${MAX_TASK_CONTAINERS} containers`, RULE);
  }
  const byName = new Map<string, TaskContainerInput>();
  containers.forEach((container, index) => {
    const at = `${taskField}.containers[${index}]`;
    if (typeof container.image !== 'string' || container.image.length === 0) fail(`${at}.image`, container.image, 'a container image', RULE);
    if (container.name === undefined) return; // optional: a name only matters to dependsOn and overrides
    if (byName.has(container.name)) fail(`${at}.name`, container.name, 'a name unique within the task', RULE);
    byName.set(container.name, container);
  });
  if (!containers.some(isEssential)) {
    fail(`${taskField}.containers`, containers.map((c) => c.name ?? null), 'at least one essential container (essential defaults to true)', RULE, 'every container says essential: false');
  }
  containers.forEach((container, index) => {
    (container.dependsOn ?? []).forEach((dependency, d) => {
      const at = `${taskField}.containers[${index}].dependsOn[${d}]`;
      const target = dependency.containerName === undefined ? undefined : byName.get(dependency.containerName);
      if (!target || target === container) {
        fail(`${at}.containerName`, dependency.containerName, `another container of the task (${[...byName.keys()].join(', ')})`, RULE);
      }
      if (!CONTAINER_CONDITIONS.includes(dependency.condition as typeof CONTAINER_CONDITIONS[number])) {
        fail(`${at}.condition`, dependency.condition, CONTAINER_CONDITIONS.join(', '), RULE);
      }
      if (dependency.condition !== 'START' && isEssential(target)) {
        fail(`${at}.condition`, dependency.condition, 'START on an essential container: COMPLETE and SUCCESS cannot be set on an essential container', RULE,
          `container ${JSON.stringify(dependency.containerName)} is essential`);
      }
    });
  });
  checkNoCycle(taskField, containers);
  const vcpus = containers.reduce((sum, container) => sum + (effectiveVcpus(container) ?? 0), 0);
  const memory = containers.reduce((sum, container) => sum + (effectiveMemoryMiB(container) ?? 0), 0);
  if (!(vcpus > 0) || !(memory > 0)) {
    fail(`${taskField}.containers`, { vcpus, memory }, 'VCPU and MEMORY resource requirements on the task\'s containers (their sums are the task\'s)', RULE);
  }
}

/** Depth-first search over `dependsOn`: a container reached again on its own path closes a cycle. */
function checkNoCycle(taskField: string, containers: TaskContainerInput[]): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const byName = new Map(containers.filter((c) => c.name !== undefined).map((c) => [c.name!, c]));
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      fail(`${taskField}.containers`, [...path, name].join(' -> '), 'container dependencies without a cycle', RULE);
    }
    state.set(name, 'visiting');
    for (const dependency of byName.get(name)?.dependsOn ?? []) visit(dependency.containerName!, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of byName.keys()) visit(name, []);
}
