import { ConsumableNeed, ConsumableResourceStore } from './consumable-resource-store';
import { asClientException } from './validation-bridge';
import { validateConsumableResourceProperties } from '../../../validation';
import { ConsumableResourceProperties } from '../../shapes';

/**
 * PLAT-4: `consumableResourceProperties` of RegisterJobDefinition (or SubmitJob's override) checked
 * whole: each entry names a resource that exists (by name or ARN), once, with a quantity of at
 * least 1. Returns a copy as given (DescribeJobDefinitions answers it back), undefined when absent.
 * A multi-node definition's per-node-range lists (`nodeProperties`) are checked the same way.
 */
export function resolveConsumableResources(
  store: ConsumableResourceStore, field: string, properties: ConsumableResourceProperties | undefined, nodeProperties?: unknown,
): ConsumableResourceProperties | undefined {
  type Ranges = { nodeRangeProperties?: Array<{ consumableResourceProperties?: ConsumableResourceProperties }> } | undefined;
  const ranges = (nodeProperties as Ranges)?.nodeRangeProperties;
  (Array.isArray(ranges) ? ranges : []).forEach((range, index) => {
    if (range?.consumableResourceProperties === undefined) return;
    resolveConsumableResources(store, `nodeProperties.nodeRangeProperties[${index}].consumableResourceProperties`, range.consumableResourceProperties);
  });
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

/** PLAT-4: needs of the same resource added up (a main node's own and the job's, MNP-1), in first-seen order. */
export function sumNeeds(...lists: ReadonlyArray<readonly ConsumableNeed[] | undefined>): ConsumableNeed[] | undefined {
  const total = new Map<string, number>();
  for (const list of lists) for (const need of list ?? []) total.set(need.name, (total.get(need.name) ?? 0) + need.quantity);
  return total.size === 0 ? undefined : [...total].map(([name, quantity]) => ({ name, quantity }));
}
