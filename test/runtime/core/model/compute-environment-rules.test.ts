import { UnknownInstanceTypeError } from '../../../../src/instance-catalog/instance-catalog';
import { validateCreateComputeEnvironment, validateUpdateComputeEnvironment } from '../../../../src/runtime/core/model/compute-environment-rules';
import { ComputeEnvironmentRecord } from '../../../../src/runtime/core/model/records';
import { ValidationError } from '../../../../src/validation';

const managed = (computeResources: Record<string, unknown>, extra: Record<string, unknown> = {}): any => ({
  computeEnvironmentName: 'ce', type: 'MANAGED', computeResources: { type: 'EC2', maxvCpus: 4, subnets: ['s'], ...computeResources }, ...extra,
});

describe('compute environment rules', () => {
  test('CE-1: CloudFormation spellings (managed, ec2) are accepted and normalized', () => {
    const valid = validateCreateComputeEnvironment({ ...managed({ type: 'ec2' }), type: 'managed', state: 'disabled' }, 0);
    expect(valid).toMatchObject({ type: 'MANAGED', state: 'DISABLED', computeResources: { type: 'EC2' } });
  });

  test('CE-1, CE-2: a managed CE needs compute resources; an unmanaged one takes none', () => {
    expect(() => validateCreateComputeEnvironment({ computeEnvironmentName: 'ce', type: 'MANAGED' }, 0)).toThrow('computeResources: undefined is invalid: required (CE-1)');
    expect(() => validateCreateComputeEnvironment({ ...managed({}), type: 'UNMANAGED' }, 0)).toThrow('not allowed for an UNMANAGED compute environment');
    expect(() => validateCreateComputeEnvironment({ computeEnvironmentName: 'ce', type: 'UNMANAGED', unmanagedvCpus: -1 }, 0)).toThrow('unmanagedvCpus: -1');
    expect(() => validateCreateComputeEnvironment({ computeEnvironmentName: 'ce', type: 'BATCH' }, 0)).toThrow('type: "BATCH" is invalid: one of MANAGED, UNMANAGED (CE-1)');
  });

  test('LIM-13: SPOT without a fleet role under BEST_FIT, SPOT-only strategies on EC2, bid percentage over 100', () => {
    expect(() => validateCreateComputeEnvironment(managed({ type: 'SPOT' }), 0)).toThrow(/computeResources\.spotIamFleetRole.*LIM-13/);
    expect(() => validateCreateComputeEnvironment(managed({ allocationStrategy: 'SPOT_CAPACITY_OPTIMIZED' }), 0)).toThrow('only for SPOT compute resources');
    expect(() => validateCreateComputeEnvironment(managed({ type: 'SPOT', allocationStrategy: 'SPOT_PRICE_CAPACITY_OPTIMIZED', bidPercentage: 101 }), 0)).toThrow('bidPercentage: 101');
    expect(() => validateCreateComputeEnvironment(managed({ launchTemplate: { launchTemplateId: 'lt-1', launchTemplateName: 'n' } }), 0)).toThrow('exactly one of launchTemplateId and launchTemplateName');
  });

  test('LIM-15: instance types are checked for syntax and against the catalog', () => {
    expect(() => validateCreateComputeEnvironment(managed({ instanceTypes: ['default'] }), 0)).toThrow(ValidationError);
    expect(() => validateCreateComputeEnvironment(managed({ instanceTypes: ['zz9.large'] }), 0)).toThrow(UnknownInstanceTypeError);
    expect(() => validateCreateComputeEnvironment(managed({ instanceTypes: ['c5', 'm6g.large', 'default_x86_64'] }), 0)).not.toThrow();
  });

  test('UpdateComputeEnvironment merges the update over the current resources and validates the result', () => {
    // GIVEN
    const current = { name: 'ce', type: 'MANAGED', computeResources: { type: 'EC2', minvCpus: 2, maxvCpus: 8, subnets: ['s'] } } as unknown as ComputeEnvironmentRecord;

    // WHEN / THEN
    expect(validateUpdateComputeEnvironment({ computeEnvironment: 'ce', computeResources: { maxvCpus: 16, updateToLatestImageVersion: true } }, current).computeResources)
      .toEqual({ type: 'EC2', minvCpus: 2, maxvCpus: 16, subnets: ['s'] });
    expect(() => validateUpdateComputeEnvironment({ computeEnvironment: 'ce', computeResources: { maxvCpus: 1 } }, current)).toThrow('computeResources.minvCpus: 2 is invalid: at most maxvCpus (1) (SCHED-5)');
  });
});
