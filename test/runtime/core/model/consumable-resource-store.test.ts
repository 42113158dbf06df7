import { DEFAULT_ENVIRONMENT } from '../../../../src/runtime/core/model/arns';
import { availableQuantity, ConsumableResourceStore } from '../../../../src/runtime/core/model/consumable-resource-store';

function store(): ConsumableResourceStore {
  const s = new ConsumableResourceStore(DEFAULT_ENVIRONMENT);
  s.store({ name: 'licences', resourceType: 'REPLENISHABLE', totalQuantity: 3, createdAt: 1, tags: {} });
  s.store({ name: 'tokens', resourceType: 'NON_REPLENISHABLE', totalQuantity: 5, createdAt: 1, tags: {} });
  return s;
}

describe('ConsumableResourceStore', () => {
  test('PLAT-4: GIVEN a stored resource THEN it is found by name and by ARN, and a second of the name is refused', () => {
    const s = store();
    const record = s.get('licences', 'consumableResource');
    expect(record.arn).toBe('arn:aws:batch:us-east-1:123456789012:consumable-resource/licences');
    expect(s.find(record.arn)).toBe(record);
    expect(() => s.store({ name: 'licences', resourceType: 'REPLENISHABLE', totalQuantity: 1, createdAt: 2, tags: {} })).toThrow(/already exists/);
    expect(() => s.get('nope', 'field')).toThrow('field: unknown consumable resource "nope"; known: licences, tokens (PLAT-4)');
  });

  test('PLAT-4: GIVEN needs of two resources WHEN one is short THEN they are not available; acquire and release move the in-use quantities', () => {
    const s = store();
    expect(s.available([{ name: 'licences', quantity: 3 }, { name: 'tokens', quantity: 6 }])).toBe(false);
    expect(s.available([{ name: 'licences', quantity: 3 }, { name: 'tokens', quantity: 5 }])).toBe(true);
    s.acquire([{ name: 'licences', quantity: 2 }, { name: 'tokens', quantity: 2 }]);
    expect(availableQuantity(s.get('licences', 'f'))).toBe(1);
    s.release([{ name: 'licences', quantity: 2 }, { name: 'tokens', quantity: 2 }]);
    expect(s.get('licences', 'f')).toMatchObject({ inUseQuantity: 0, totalQuantity: 3 });
    // NON_REPLENISHABLE: used up
    expect(s.get('tokens', 'f')).toMatchObject({ inUseQuantity: 0, totalQuantity: 3 });
  });

  test('PLAT-4: GIVEN a total set below what is in use THEN the available quantity is 0, not negative', () => {
    const s = store();
    s.acquire([{ name: 'licences', quantity: 3 }]);
    s.get('licences', 'f').totalQuantity = 1;
    expect(availableQuantity(s.get('licences', 'f'))).toBe(0);
  });
});
