import { consumableResourceNameOf, validateConsumableQuantity, validateConsumableResourceProperties, validateRequiredQuantity } from '../../src/validation';

describe('consumable resource limits', () => {
  test('PLAT-4: quantities: totals 0 or more, requirements 1 or more, integers only', () => {
    expect(() => validateConsumableQuantity('totalQuantity', 0)).not.toThrow();
    expect(() => validateConsumableQuantity('totalQuantity', -1)).toThrow(/totalQuantity/);
    expect(() => validateRequiredQuantity('quantity', 0)).toThrow(/an integer 1\.\./);
    expect(() => validateRequiredQuantity('quantity', '1')).toThrow(/quantity/);
  });

  test('PLAT-4: properties without a list are an empty list; a name is taken from an ARN', () => {
    expect(validateConsumableResourceProperties('p', {})).toEqual([]);
    expect(consumableResourceNameOf('arn:aws:batch:eu-west-1:1:consumable-resource/licences')).toBe('licences');
    expect(consumableResourceNameOf('licences')).toBe('licences');
  });
});
