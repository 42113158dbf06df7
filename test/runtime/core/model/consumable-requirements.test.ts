import { DEFAULT_ENVIRONMENT } from '../../../../src/runtime/core/model/arns';
import { consumableNeedsOf, resolveConsumableResources, sumNeeds } from '../../../../src/runtime/core/model/consumable-requirements';
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

  test('PLAT-4: GIVEN per-node-range consumable resources THEN each range\'s list is checked as the job\'s is, naming the range', () => {
    const ranges = (list: unknown) => ({ nodeRangeProperties: [{ targetNodes: '0:', consumableResourceProperties: list }] });
    expect(resolveConsumableResources(store(), 'p', undefined, ranges({ consumableResourceList: [{ consumableResource: 'licences', quantity: 1 }] }))).toBeUndefined();
    expect(() => resolveConsumableResources(store(), 'p', undefined, ranges({ consumableResourceList: [{ consumableResource: 'nope', quantity: 1 }] })))
      .toThrow('nodeProperties.nodeRangeProperties[0].consumableResourceProperties.consumableResourceList[0].consumableResource: unknown consumable resource "nope"');
    expect(() => resolveConsumableResources(store(), 'p', undefined, ranges({ consumableResourceList: [{ consumableResource: 'licences', quantity: 0 }] })))
      .toThrow('nodeProperties.nodeRangeProperties[0].consumableResourceProperties.consumableResourceList[0].quantity');
  });

  test('PLAT-4: sumNeeds adds up needs of the same resource in first-seen order; nothing is undefined', () => {
    expect(sumNeeds([{ name: 'a', quantity: 1 }], undefined, [{ name: 'b', quantity: 2 }, { name: 'a', quantity: 3 }]))
      .toEqual([{ name: 'a', quantity: 4 }, { name: 'b', quantity: 2 }]);
    expect(sumNeeds(undefined, [])).toBeUndefined();
  });
});
