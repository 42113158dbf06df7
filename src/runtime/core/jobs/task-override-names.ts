import { asClientException } from './submit-validation';
import { eksContainerResources, EksContainerInput } from '../../../validation';
import { ClientException } from '../errors';

/**
 * PLAT-2/PLAT-3: an `ecsPropertiesOverride` / `eksPropertiesOverride` belongs to a definition of that
 * shape, and each container override names a container of it (an unnamed pod container is "Default");
 * pod resource overrides follow the same rules as registered ones. `field` names the override in
 * messages (a node override's, MNP-1, is within `nodeOverrides`).
 */
export function checkContainerOverrideNames(
  member: 'ecsPropertiesOverride' | 'eksPropertiesOverride', registered: Record<string, unknown> | undefined, override: unknown, field: string = member,
): void {
  if (override === undefined) return;
  const shape = member === 'ecsPropertiesOverride' ? 'ecsProperties' : 'eksProperties';
  if (registered === undefined) throw new ClientException(`${field}: the job definition has no ${shape} to override (PLAT-2, PLAT-3)`);
  const lists: Array<[string, Array<{ name?: string }> | undefined, Array<{ name?: string }>]> = member === 'ecsPropertiesOverride'
    ? [['taskProperties[0].containers',
      (override as { taskProperties?: Array<{ containers?: Array<{ name?: string }> }> }).taskProperties?.[0]?.containers,
      ((registered.taskProperties as Array<{ containers: Array<{ name?: string }> }>)[0].containers)]]
    : (['containers', 'initContainers'] as const).map((list): [string, Array<{ name?: string }> | undefined, Array<{ name?: string }>] => [`podProperties.${list}`,
      (override as { podProperties?: Record<string, Array<{ name?: string }>> }).podProperties?.[list],
      ((registered.podProperties as Record<string, Array<{ name?: string }> | undefined>)[list] ?? [])]);
  const tasks = (override as { taskProperties?: unknown[] }).taskProperties;
  if (tasks !== undefined && tasks.length > 1) throw new ClientException(`${field}.taskProperties: ${tasks.length} tasks; a job has one (PLAT-2)`);
  for (const [path, overrides, containers] of lists) {
    const names = containers.map((c) => c.name ?? (member === 'eksPropertiesOverride' ? 'Default' : undefined));
    (overrides ?? []).forEach((o, index) => {
      const name = o.name ?? (member === 'eksPropertiesOverride' ? 'Default' : undefined);
      if (name === undefined || !names.includes(name)) {
        throw new ClientException(`${field}.${path}[${index}].name: ${JSON.stringify(o.name)} names no container of the job definition (${names.filter((n) => n).join(', ')})`);
      }
      if (member === 'eksPropertiesOverride') asClientException(() => eksContainerResources(`${field}.${path}[${index}].resources`, o as EksContainerInput));
    });
  }
}
