import { demand } from './capacity-fixtures';
import { expandInstanceTypes, getInstanceType, registeredMemoryMiB } from '../../../../src/instance-catalog/instance-catalog';
import { RegisteredResources } from '../../../../src/runtime/core/capacity/container-instance';
import { describeTypes, diagnoseFit, diagnoseMaxvCpus } from '../../../../src/runtime/core/capacity/fit-diagnosis';

function registered(...names: string[]): RegisteredResources[] {
  return names.map((name) => {
    const spec = getInstanceType(name);
    return { spec, vcpus: spec.vcpus, memoryMiB: registeredMemoryMiB(spec), gpus: spec.gpus };
  });
}

const managed = (...names: string[]) => ({ computeEnvironmentName: 'ce', managed: true, candidates: registered(...names) });

describe('diagnoseFit', () => {
  test('DIAG-2: the types the demand fits are returned in the candidates\' order', () => {
    const { verdict, fitting } = diagnoseFit(managed('c5.large', 'c5.2xlarge', 'c5.xlarge'), demand(3, 1024));
    expect(verdict).toEqual({ fits: true });
    expect(fitting.map((type) => type.spec.name)).toEqual(['c5.2xlarge', 'c5.xlarge']);
  });

  test('SCHED-8: several shortfalls are each named with the type that has the most of the resource', () => {
    const { verdict } = diagnoseFit(managed('c5.large', 'm4.large'), demand(4, 9000));
    expect(verdict.reason).toBe('MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - needs 4 vCPUs, the largest instance type c5.large has 2 vCPUs (short by 2 vCPUs); '
      + 'needs 9000 MiB memory, the largest instance type m4.large registers 7953 MiB (short by 1047 MiB)');
  });

  test('DIAG-2: when no single type has everything, the closest type and its gaps are named', () => {
    // GIVEN p3.2xlarge (1 GPU, 8 vCPUs) and c5.4xlarge (16 vCPUs, no GPU)
    const { verdict } = diagnoseFit(managed('p3.2xlarge', 'c5.4xlarge'), demand(12, 1024, 1));

    // THEN: each resource exists somewhere, but not together
    expect(verdict.reason).toBe('MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - needs 12 vCPUs, 1024 MiB memory and 1 GPU on one instance, '
      + 'and no instance type has all of them: the closest, c5.4xlarge, has 0 GPUs (short by 1 GPU)');
  });

  test('SCHED-10: a pinned type of an unmanaged CE must be registered there', () => {
    const { verdict } = diagnoseFit({ computeEnvironmentName: 'own', managed: false, candidates: registered('m5.large') }, demand(1, 1, 0, 'm5.xlarge'));
    expect(verdict.reason).toBe('MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - instance type m5.xlarge is not registered to compute environment own (its instances: m5.large) (SCHED-10)');
  });

  test('SCHED-10: a pinned type that is too small is diagnosed against that type only', () => {
    const { verdict } = diagnoseFit(managed('c5.large', 'c5.24xlarge'), demand(4, 1024, 0, 'c5.large'));
    expect(verdict.reason).toBe('MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - needs 4 vCPUs, the largest instance type c5.large has 2 vCPUs (short by 2 vCPUs)');
  });
});

describe('diagnoseMaxvCpus', () => {
  const check = { computeEnvironmentName: 'ce', maxvCpus: 4, strategy: 'BEST_FIT', mayExceed: false, onlyFirstChoice: false };

  test('SCHED-5: without the overshoot only types within maxvCpus remain', () => {
    const { fitting } = diagnoseMaxvCpus(check, registered('c5.large', 'c5.2xlarge', 'c5.xlarge'));
    expect(fitting.map((type) => type.spec.name)).toEqual(['c5.large', 'c5.xlarge']);
  });

  test('SCHED-5: with the overshoot every fitting type remains', () => {
    const { fitting } = diagnoseMaxvCpus({ ...check, mayExceed: true }, registered('c5.large', 'c5.2xlarge'));
    expect(fitting).toHaveLength(2);
  });

  test('DIAG-2: no type within maxvCpus names the smallest that fits', () => {
    const { verdict } = diagnoseMaxvCpus(check, registered('c5.2xlarge', 'c5.4xlarge'));
    expect(verdict.reason).toBe('MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - the smallest type that fits it is c5.2xlarge (8 vCPUs), more than maxvCpus 4 of compute environment ce');
  });
});

describe('describeTypes', () => {
  test('whole families are named by family, partial ones by size, repeats once', () => {
    expect(describeTypes(registered(...expandInstanceTypes(['c5']).map((spec) => spec.name), 'm5.large', 'm5.large', 'm5.xlarge'))).toBe('c5, m5.large, m5.xlarge');
  });
});
