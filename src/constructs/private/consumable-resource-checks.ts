import * as batch from 'aws-cdk-lib/aws-batch';
import { Construct } from 'constructs';
import { isUnresolved, validateAt } from './validate';
import { fail, validateRequiredQuantity } from '../../validation';
import { BatchConsumableResource, ConsumableResourceNeed } from '../batch-consumable-resource';

/**
 * The job definition's `ConsumableResourceProperties` for `needs`, checked at synth time (PLAT-4):
 * each quantity an integer of at least 1 and at most the resource's declared total, each resource
 * once. Undefined when there are none.
 */
export function consumableResourceProperties(
  scope: Construct, needs: readonly ConsumableResourceNeed[] | undefined,
): batch.CfnJobDefinition.ConsumableResourcePropertiesProperty | undefined {
  if (needs === undefined || needs.length === 0) return undefined;
  const seen = new Set<BatchConsumableResource>();
  validateAt(scope, () => needs.forEach((need, index) => {
    const field = `consumableResources[${index}]`;
    if (!(need.resource instanceof BatchConsumableResource)) fail(`${field}.resource`, need.resource, 'a BatchConsumableResource', 'PLAT-4');
    if (seen.has(need.resource)) fail(`${field}.resource`, need.resource.node.path, 'a resource not named before in the list', 'PLAT-4');
    seen.add(need.resource);
    if (!isUnresolved(need.quantity)) validateRequiredQuantity(`${field}.quantity`, need.quantity);
    if (!isUnresolved(need.quantity) && !isUnresolved(need.resource.totalQuantity) && need.quantity > need.resource.totalQuantity) {
      fail(`${field}.quantity`, need.quantity, `at most the total of ${need.resource.node.path} (${need.resource.totalQuantity})`, 'PLAT-4',
        'a job needing more than the total would wait RUNNABLE until the total is raised');
    }
  }));
  return { consumableResourceList: needs.map((need) => ({ consumableResource: need.resource.consumableResourceArn, quantity: need.quantity })) };
}
