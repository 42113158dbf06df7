import { applyContainerOverrides, overridePod } from './container-launch';
import { EffectivePod, JobSpec } from './job-record';
import { checkContainerOverrideNames } from './task-override-names';
import { parseTargetNodes } from '../../../validation';
import { ConsumableResourceProperties, ContainerOverrides, NodePropertyOverride } from '../../shapes';
import { ClientException } from '../errors';
import { ContainerProperties, NodeRangeProperty } from '../model/requests';

/** Node override members the public `NodePropertyOverride` shape does not declare, read from the raw request. */
type NodeOverrideMembers = {
  ecsPropertiesOverride?: { taskProperties?: Array<{ containers?: Array<Record<string, unknown>> }> };
  eksPropertiesOverride?: JobSpec['eksPropertiesOverride'];
  instanceTypes?: string[];
  consumableResourcePropertiesOverride?: ConsumableResourceProperties;
};

/**
 * MNP-1: node overrides over the definition's ranges. An override whose `targetNodes` names the same
 * nodes as a range of the definition (`"0"` for `"0"`, `"1:"` for `"1:2"` of 3 nodes) is applied to
 * that range: its container (OVR-1 merge), its task (`ecsPropertiesOverride`, PLAT-2) or pod
 * (`eksPropertiesOverride`, PLAT-3); `instanceTypes` (MNP-2) and `consumableResourcePropertiesOverride`
 * (PLAT-4) replace the range's. Any other override is a range of its own, nested in the definition's
 * (validated like them: disjoint or nested, LIM-12), carrying only what it gives.
 */
export function applyNodePropertyOverrides(
  ranges: readonly NodeRangeProperty[], overrides: readonly NodePropertyOverride[], numNodes: number,
): NodeRangeProperty[] {
  const result = [...ranges];
  overrides.forEach((override, index) => {
    const field = `nodeOverrides.nodePropertyOverrides[${index}]`;
    let span: { from: number; to: number };
    try {
      span = parseTargetNodes(`${field}.targetNodes`, override.targetNodes, numNodes);
    } catch (error) {
      throw new ClientException((error as Error).message);
    }
    const same = result.findIndex((range) => {
      const other = safeSpan(range.targetNodes, numNodes);
      return other !== undefined && other.from === span.from && other.to === span.to;
    });
    const { ecsPropertiesOverride, eksPropertiesOverride, instanceTypes, consumableResourcePropertiesOverride } = override as NodeOverrideMembers;
    if (instanceTypes !== undefined && (!Array.isArray(instanceTypes) || instanceTypes.length !== 1 || typeof instanceTypes[0] !== 'string' || instanceTypes[0] === '')) {
      throw new ClientException(`${field}.instanceTypes: ${JSON.stringify(instanceTypes)} is invalid: a list of one instance type (MNP-2; AWS limits the list to one element)`);
    }
    const extras: Partial<NodeRangeProperty> = {
      ...(instanceTypes !== undefined ? { instanceTypes } : {}),
      ...(consumableResourcePropertiesOverride !== undefined ? { consumableResourceProperties: consumableResourcePropertiesOverride } : {}),
    };
    const range = same >= 0 ? result[same] : undefined;
    const taskKind = range?.ecsProperties !== undefined ? 'ecsProperties' : range?.eksProperties !== undefined ? 'eksProperties' : undefined;
    if (ecsPropertiesOverride !== undefined && eksPropertiesOverride !== undefined) {
      throw new ClientException(`${field}.eksPropertiesOverride: not together with ecsPropertiesOverride: a node range runs a task or a pod (MNP-1)`);
    }
    if (ecsPropertiesOverride !== undefined) {
      if (range?.ecsProperties === undefined) {
        throw new ClientException(`${field}.ecsPropertiesOverride: targetNodes ${JSON.stringify(override.targetNodes)} must name exactly the nodes of an ecsProperties node range (MNP-1)`);
      }
      result[same] = { ...range, ...extras, ecsProperties: overrideTask(range.ecsProperties, ecsPropertiesOverride, index) };
    } else if (eksPropertiesOverride !== undefined) {
      if (range?.eksProperties === undefined) {
        throw new ClientException(`${field}.eksPropertiesOverride: targetNodes ${JSON.stringify(override.targetNodes)} must name exactly the nodes of an eksProperties node range (MNP-1)`);
      }
      result[same] = { ...range, ...extras, eksProperties: overrideRangePod(range.eksProperties, eksPropertiesOverride, `${field}.eksPropertiesOverride`) };
    } else if (taskKind !== undefined && override.containerOverrides !== undefined) {
      const use = taskKind === 'ecsProperties' ? 'ecsPropertiesOverride' : 'eksPropertiesOverride';
      throw new ClientException(`${field}.containerOverrides: the range ${JSON.stringify(override.targetNodes)} runs ${taskKind === 'ecsProperties' ? 'an ecsProperties task' : 'an eksProperties pod'}; use ${use} (MNP-1)`);
    } else if (range !== undefined) {
      const container = override.containerOverrides !== undefined || taskKind === undefined
        ? { container: applyContainerOverrides(range.container ?? {}, override.containerOverrides ?? {}) } : {};
      result[same] = { ...range, ...extras, ...container };
    } else {
      if (override.containerOverrides !== undefined && result.some((r) => r.eksProperties !== undefined)) {
        throw new ClientException(`${field}.containerOverrides: the job's node ranges are eksProperties pods; override a pod with eksPropertiesOverride naming a range's exact nodes (MNP-1)`);
      }
      result.push({
        targetNodes: override.targetNodes,
        ...(override.containerOverrides !== undefined ? { container: override.containerOverrides as ContainerProperties } : {}),
        ...extras,
      });
    }
  });
  return result;
}

/**
 * MNP-1, PLAT-2: a node range's task with a node override's `ecsPropertiesOverride` applied by
 * container name (OVR-1 merge, as for a single-node multi-container job); an unknown name is refused.
 */
function overrideTask(ecs: Record<string, unknown>, override: NonNullable<NodeOverrideMembers['ecsPropertiesOverride']>, index: number): Record<string, unknown> {
  const tasks = ecs.taskProperties as Array<{ containers: ContainerProperties[] }>;
  const overrides = override.taskProperties?.[0]?.containers ?? [];
  overrides.forEach((o, c) => {
    if (!tasks[0].containers.some((container) => o.name !== undefined && container.name === o.name)) {
      throw new ClientException(`nodeOverrides.nodePropertyOverrides[${index}].ecsPropertiesOverride.taskProperties[0].containers[${c}].name: ${JSON.stringify(o.name)} names no container of the node range's task (MNP-1)`);
    }
  });
  const containers = tasks[0].containers.map((container) => {
    const found = overrides.find((o) => o.name === container.name);
    if (!found) return container;
    const { name: _name, ...fields } = found;
    return applyContainerOverrides(container, fields as ContainerOverrides);
  });
  return { ...ecs, taskProperties: [{ ...tasks[0], containers }, ...tasks.slice(1)] };
}

/**
 * MNP-1, PLAT-3: a node range's pod with a node override's `eksPropertiesOverride` applied as SubmitJob's
 * applies to a single-node EKS job (names checked, image/command/args/resources replaced, env merged by name).
 */
function overrideRangePod(eks: Record<string, unknown>, override: NonNullable<JobSpec['eksPropertiesOverride']>, field: string): Record<string, unknown> {
  checkContainerOverrideNames('eksPropertiesOverride', eks, override, field);
  if (override.podProperties === undefined) return eks;
  return { ...eks, podProperties: overridePod(eks.podProperties as EffectivePod, override.podProperties) };
}

/** The span of a definition range, or undefined where the node count leaves it out of bounds (validated later). */
function safeSpan(targetNodes: string, numNodes: number): { from: number; to: number } | undefined {
  try {
    return parseTargetNodes('targetNodes', targetNodes, numNodes);
  } catch {
    return undefined;
  }
}
