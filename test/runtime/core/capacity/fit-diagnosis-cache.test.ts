import { demand } from './capacity-fixtures';
import { FitDiagnosis } from '../../../../src/runtime/core/capacity/fit-diagnosis';
import { FitDiagnosisCache } from '../../../../src/runtime/core/capacity/fit-diagnosis-cache';
import { ContainerDemand } from '../../../../src/runtime/core/types/demand';

function countingCache(): { cache: FitDiagnosisCache; diagnosed: ContainerDemand[] } {
  const diagnosed: ContainerDemand[] = [];
  const cache = new FitDiagnosisCache((shape) => {
    diagnosed.push(shape);
    return { verdict: { fits: true }, fitting: [] } as FitDiagnosis;
  });
  return { cache, diagnosed };
}

describe('FitDiagnosisCache', () => {
  test('DIAG-2: each job shape is diagnosed once while maxvCpus stays; a pinned type is another shape', () => {
    // GIVEN
    const { cache, diagnosed } = countingCache();

    // WHEN
    const first = cache.get(demand(1, 2048), 16);
    cache.get(demand(2, 4096), 16);
    const again = cache.get(demand(1, 2048), 16);
    cache.get(demand(1, 2048, 0, 'c5.large'), 16);

    // THEN
    expect(again).toBe(first);
    expect(diagnosed.map((shape) => [shape.vcpus, shape.instanceType])).toEqual([[1, undefined], [2, undefined], [1, 'c5.large']]);
  });

  test('DIAG-2: a new maxvCpus or a clear diagnoses the shapes again', () => {
    // GIVEN
    const { cache, diagnosed } = countingCache();
    cache.get(demand(1, 2048), 16);

    // WHEN
    cache.get(demand(1, 2048), 32);
    cache.clear();
    cache.get(demand(1, 2048), 32);

    // THEN
    expect(diagnosed).toHaveLength(3);
  });
});
