import { DEFAULT_ENVIRONMENT } from '../../../../src/runtime/core/model/arns';
import { ConsumableResourceOperations } from '../../../../src/runtime/core/model/consumable-resource-operations';
import { ConsumableResourceStore } from '../../../../src/runtime/core/model/consumable-resource-store';

function setup(): { ops: ConsumableResourceOperations; store: ConsumableResourceStore } {
  const store = new ConsumableResourceStore(DEFAULT_ENVIRONMENT);
  return { ops: new ConsumableResourceOperations(store), store };
}

describe('ConsumableResourceOperations', () => {
  test('PLAT-4: GIVEN CreateConsumableResource with defaults THEN it is REPLENISHABLE with 0, described with available = total - in use and no tags member', () => {
    const { ops } = setup();
    ops.create({ consumableResourceName: 'licences' }, 1000);
    expect(ops.describe('licences')).toEqual({
      consumableResourceName: 'licences',
      consumableResourceArn: 'arn:aws:batch:us-east-1:123456789012:consumable-resource/licences',
      totalQuantity: 0,
      inUseQuantity: 0,
      availableQuantity: 0,
      resourceType: 'REPLENISHABLE',
      createdAt: 1000,
    });
  });

  test.each([
    [{ consumableResourceName: 'bad name' }, /consumableResourceName/],
    [{ consumableResourceName: 'ok', totalQuantity: -1 }, /totalQuantity: -1 .*an integer 0\.\./],
    [{ consumableResourceName: 'ok', totalQuantity: 1.5 }, /totalQuantity/],
    [{ consumableResourceName: 'ok', resourceType: 'SOMETIMES' }, /resourceType: "SOMETIMES" .*REPLENISHABLE, NON_REPLENISHABLE/],
    [{ consumableResourceName: 'ok', tags: { 'aws:x': 'y' } }, /tags/],
  ])('PLAT-4: GIVEN an invalid create %j THEN ClientException naming the field, and nothing is stored', (request, message) => {
    const { ops, store } = setup();
    expect(() => ops.create(request as any, 0)).toThrow(message);
    expect(store.list()).toEqual([]);
  });

  test('PLAT-4: GIVEN UpdateConsumableResource SET, ADD, REMOVE THEN the total follows; below 0 is refused and changes nothing', () => {
    const { ops, store } = setup();
    ops.create({ consumableResourceName: 'licences', totalQuantity: 2 }, 0);
    expect(ops.update({ consumableResource: 'licences', operation: 'ADD', quantity: 3 }, 0).totalQuantity).toBe(5);
    expect(ops.update({ consumableResource: 'licences', operation: 'REMOVE', quantity: 1 }, 0).totalQuantity).toBe(4);
    expect(ops.update({ consumableResource: 'licences', quantity: 7 }, 0).totalQuantity).toBe(7);
    expect(() => ops.update({ consumableResource: 'licences', operation: 'REMOVE', quantity: 8 }, 0)).toThrow(/would make totalQuantity of licences -1/);
    expect(() => ops.update({ consumableResource: 'licences', operation: 'MULTIPLY', quantity: 2 }, 0)).toThrow(/operation: "MULTIPLY"/);
    expect(() => ops.update({ consumableResource: 'licences', operation: 'ADD' }, 0)).toThrow(/quantity: required/);
    expect(store.get('licences', 'f').totalQuantity).toBe(7);
  });

  test('PLAT-4: GIVEN a clientToken repeated with the same request within 8 hours THEN the update happens once; with another request it is refused', () => {
    const { ops } = setup();
    ops.create({ consumableResourceName: 'licences', totalQuantity: 0 }, 0);
    const request = { consumableResource: 'licences', operation: 'ADD', quantity: 2, clientToken: 't1' };
    ops.update(request, 0);
    expect(ops.update(request, 1000).totalQuantity).toBe(2);
    expect(() => ops.update({ ...request, quantity: 3 }, 2000)).toThrow(/clientToken: "t1" was used/);
    expect(ops.update(request, 9 * 3600 * 1000).totalQuantity).toBe(4); // expired: a new update
  });

  test('PLAT-4: GIVEN ListConsumableResources with a name filter THEN it matches case-insensitively and by prefix; other filters are refused', () => {
    const { ops } = setup();
    for (const name of ['Licences', 'lic-b', 'tokens']) ops.create({ consumableResourceName: name }, 0);
    expect(ops.list({ filters: [{ name: 'CONSUMABLE_RESOURCE_NAME', values: ['LIC*'] }] }).consumableResources.map((r) => r.consumableResourceName)).toEqual(['Licences', 'lic-b']);
    expect(ops.list({ filters: [{ name: 'CONSUMABLE_RESOURCE_NAME', values: ['tokens'] }] }).consumableResources).toHaveLength(1);
    expect(() => ops.list({ filters: [{ name: 'TYPE', values: ['x'] }] })).toThrow(/filters\[0\]\.name: "TYPE"/);
    const page = ops.list({ maxResults: 2 });
    expect(page.consumableResources).toHaveLength(2);
    expect(ops.list({ maxResults: 2, nextToken: page.nextToken }).consumableResources.map((r) => r.consumableResourceName)).toEqual(['tokens']);
  });

  test('PLAT-4: GIVEN a resource that unfinished jobs need WHEN deleted THEN ClientException naming them; else it is gone', () => {
    const { ops, store } = setup();
    ops.create({ consumableResourceName: 'licences' }, 0);
    expect(() => ops.delete('licences', () => ['job-1'])).toThrow('consumableResource: licences is needed by unfinished job(s) job-1');
    ops.delete('licences', () => []);
    expect(store.list()).toEqual([]);
    expect(() => ops.describe('licences')).toThrow(/unknown consumable resource/);
  });
});
