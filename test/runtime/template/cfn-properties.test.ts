import { tagsAsMap, toApiShape } from '../../../src/runtime/template/cfn-properties';

describe('CloudFormation properties to API shapes', () => {
  test('keys become camelCase, except inside user-keyed maps', () => {
    // GIVEN / WHEN
    const shape = toApiShape({ ComputeResources: { MaxvCpus: 4, Tags: { CostCenter: 'x' } }, Parameters: { InputFile: 'a' } });

    // THEN
    expect(shape).toEqual({ computeResources: { maxvCpus: 4, tags: { CostCenter: 'x' } }, parameters: { InputFile: 'a' } });
  });

  test('integer properties given as strings become numbers, as CloudFormation converts them', () => {
    // GIVEN / WHEN
    const shape = toApiShape({ ComputeResources: { MaxvCpus: '16', MinvCpus: ' 0 ' }, Priority: '10', Parameters: { Size: '3' } }) as Record<string, any>;

    // THEN
    expect(shape.computeResources).toEqual({ maxvCpus: 16, minvCpus: 0 });
    expect(shape.priority).toBe(10);
    expect(shape.parameters).toEqual({ Size: '3' }); // user data stays as written
  });

  test('tags given as a Key/Value list become a map', () => {
    expect(tagsAsMap([{ Key: 'a', Value: '1' }])).toEqual({ a: '1' });
  });
});
