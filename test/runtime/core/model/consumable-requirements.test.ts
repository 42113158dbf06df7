import { DEFAULT_ENVIRONMENT } from '../../../../src/runtime/core/model/arns';
import { consumableNeedsOf, resolveConsumableResources } from '../../../../src/runtime/core/model/consumable-requirements';
import { ConsumableResourceStore } from '../../../../src/runtime/core/model/consumable-resource-store';

function store(): ConsumableResourceStore {
  const s = new ConsumableResourceStore(DEFAULT_ENVIRONMENT);
  s.store({ name: 'licences', resourceType: 'REPLENISHABLE', totalQuantity: 3, createdAt: 0, tags: {} });
  return s;
}

describe('consumable requirements', () => {
  test('PLAT-4: GIVEN requirements by name and ARN THEN they are kept as given and resolved to names', () => {
    const s = store();
    const arn = s.get('licences', 'f').arn;
    expect(resolveConsumableResources(s, 'p', { consumableResourceList: [{ consumableResource: arn, quantity: 2 }] }))
      .toEqual({ consumableResourceList: [{ consumableResource: arn, quantity: 2 }] });
    expect(consumableNeedsOf(s, 'p', { consumableResourceList: [{ consumableResource: arn, quantity: 2 }] })).toEqual([{ name: 'licences', quantity: 2 }]);
    expect(consumableNeedsOf(s, 'p', { consumableResourceList: [] })).toBeUndefined();
    expect(resolveConsumableResources(s, 'p', undefined)).toBeUndefined();
  });

  test.each([
    [{ consumableResourceList: [{ consumableResource: 'nope', quantity: 1 }] }, 'p.consumableResourceList[0].consumableResource: unknown consumable resource "nope"'],
    [{ consumableResourceList: [{ consumableResource: 'licences', quantity: 0 }] }, 'p.consumableResourceList[0].quantity'],
    [{ consumableResourceList: [{ consumableResource: 'licences' }] }, 'p.consumableResourceList[0].quantity'],
    [{ consumableResourceList: [{ consumableResource: 'licences', quantity: 1 }, { consumableResource: 'licences', quantity: 1 }] }, 'p.consumableResourceList[1].consumableResource'],
    [{ consumableResourceList: 'licences' }, 'p.consumableResourceList'],
  ])('PLAT-4: GIVEN %j THEN ClientException naming the field', (properties, message) => {
    expect(() => resolveConsumableResources(store(), 'p', properties as any)).toThrow(message);
  });

  test('PLAT-4: GIVEN per-node-range consumable resources THEN they are refused as not modelled', () => {
    expect(() => resolveConsumableResources(store(), 'p', undefined, { nodeRangeProperties: [{ targetNodes: '0:', consumableResourceProperties: {} }] }))
      .toThrow(/nodeRangeProperties\[0\]\.consumableResourceProperties: per-node-range consumable resources are not modelled/);
  });
});
