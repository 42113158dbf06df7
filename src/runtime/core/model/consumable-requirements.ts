import { ConsumableNeed, ConsumableResourceStore } from './consumable-resource-store';
import { asClientException } from './validation-bridge';
import { validateConsumableResourceProperties } from '../../../validation';
import { ConsumableResourceProperties } from '../../shapes';
import { ClientException } from '../errors';

/**
 * PLAT-4: `consumableResourceProperties` of RegisterJobDefinition (or SubmitJob's override) checked
 * whole: each entry names a resource that exists (by name or ARN), once, with a quantity of at
 * least 1. Returns a copy as given (DescribeJobDefinitions answers it back), undefined when absent.
 * Per-node-range resources of a multi-node definition are not modelled: refused, saying so.
 */
export function resolveConsumableResources(
  store: ConsumableResourceStore, field: string, properties: ConsumableResourceProperties | undefined, nodeProperties?: unknown,
): ConsumableResourceProperties | undefined {
  type Ranges = { nodeRangeProperties?: Array<{ consumableResourceProperties?: unknown }> } | undefined;
  const ranges = (nodeProperties as Ranges)?.nodeRangeProperties;
  const ranged = Array.isArray(ranges) ? ranges.findIndex((range) => range?.consumableResourceProperties !== undefined) : -1;
  if (ranged >= 0) {
    throw new ClientException(`nodeProperties.nodeRangeProperties[${ranged}].consumableResourceProperties: per-node-range consumable resources are not modelled by the local runtime; `
      + 'give the job\'s resources in consumableResourceProperties (the whole multi-node job takes them at once) (PLAT-4, PLAT-6)');
  }
  if (properties === undefined) return undefined;
  const list = asClientException(() => validateConsumableResourceProperties(field, properties));
  list.forEach((entry, index) => store.get(entry.consumableResource as string, `${field}.consumableResourceList[${index}].consumableResource`));
  const consumableResourceList = list.map((entry) => ({ consumableResource: String(entry.consumableResource), quantity: Number(entry.quantity) }));
  return { consumableResourceList };
}

/** PLAT-4: the needs the scheduler checks, by resource name; undefined when there are none (the scheduler's fast path). */
export function consumableNeedsOf(
  store: ConsumableResourceStore, field: string, properties: ConsumableResourceProperties | undefined,
): ConsumableNeed[] | undefined {
  const list = properties?.consumableResourceList ?? [];
  if (list.length === 0) return undefined;
  return list.map((entry, index) => ({ name: store.get(entry.consumableResource!, `${field}.consumableResourceList[${index}].consumableResource`).name, quantity: entry.quantity! }));
}
