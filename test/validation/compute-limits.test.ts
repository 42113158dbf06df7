import { catchValidationError } from './catch-validation-error';
import {
  validateInstanceTypes,
  validateLaunchTemplateSpecification,
  validateMinMaxDesiredVcpus,
  validateMultiNodeComputeEnvironment,
  validateSpotSettings,
} from '../../src/validation/compute-limits';

const ROLE = 'arn:aws:iam::123456789012:role/aws-ec2-spot-fleet-tagging-role';

describe('validateSpotSettings', () => {
  test.each([undefined, 'BEST_FIT'])('LIM-13: SPOT with allocation strategy %p and no fleet role is rejected', (allocationStrategy) => {
    const error = catchValidationError(() => validateSpotSettings('computeResources', { type: 'SPOT', allocationStrategy }));
    expect(error).toMatchObject({ field: 'computeResources.spotIamFleetRole', value: undefined, rule: 'LIM-13' });
    expect(error.limit).toContain('required for SPOT');
  });

  test('LIM-13: SPOT with BEST_FIT and a fleet role is accepted', () => {
    expect(() => validateSpotSettings('cr', { type: 'SPOT', allocationStrategy: 'BEST_FIT', spotIamFleetRole: ROLE })).not.toThrow();
  });

  test('LIM-13: an empty fleet role counts as none', () => {
    expect(catchValidationError(() => validateSpotSettings('cr', { type: 'SPOT', spotIamFleetRole: '' })).value).toBe('');
  });

  test.each(['SPOT_CAPACITY_OPTIMIZED', 'SPOT_PRICE_CAPACITY_OPTIMIZED', 'BEST_FIT_PROGRESSIVE'])(
    'LIM-13: SPOT with %s needs no fleet role (API)', (allocationStrategy) => {
      expect(() => validateSpotSettings('cr', { type: 'SPOT', allocationStrategy })).not.toThrow();
    });

  test.each(['SPOT_CAPACITY_OPTIMIZED', 'SPOT_PRICE_CAPACITY_OPTIMIZED'])('LIM-13: EC2 with %s is rejected', (allocationStrategy) => {
    const error = catchValidationError(() => validateSpotSettings('computeResources', { type: 'EC2', allocationStrategy }));
    expect(error).toMatchObject({ field: 'computeResources.allocationStrategy', value: allocationStrategy, rule: 'LIM-13' });
    expect(error.message).toContain('type is EC2');
  });

  test('LIM-13: EC2 with BEST_FIT and no fleet role is accepted', () => {
    expect(() => validateSpotSettings('cr', { type: 'EC2', allocationStrategy: 'BEST_FIT' })).not.toThrow();
  });

  test('LIM-13: an unknown allocation strategy is rejected', () => {
    expect(catchValidationError(() => validateSpotSettings('cr', { type: 'EC2', allocationStrategy: 'CHEAPEST' })).field).toBe('cr.allocationStrategy');
  });

  test('LIM-13: bidPercentage 0 and 100 are accepted, -1 and 101 rejected', () => {
    expect(() => validateSpotSettings('cr', { type: 'SPOT', spotIamFleetRole: ROLE, bidPercentage: 0 })).not.toThrow();
    expect(() => validateSpotSettings('cr', { type: 'SPOT', spotIamFleetRole: ROLE, bidPercentage: 100 })).not.toThrow();
    for (const bidPercentage of [-1, 101, 50.5]) {
      const error = catchValidationError(() => validateSpotSettings('cr', { type: 'SPOT', spotIamFleetRole: ROLE, bidPercentage }));
      expect(error).toMatchObject({ field: 'cr.bidPercentage', value: bidPercentage, limit: 'an integer 0..100', rule: 'LIM-13' });
    }
  });
});

describe('validateLaunchTemplateSpecification', () => {
  test('LIM-13: a launch template given by id or by name is accepted', () => {
    expect(() => validateLaunchTemplateSpecification('lt', { launchTemplateId: 'lt-0123456789abcdef0' })).not.toThrow();
    expect(() => validateLaunchTemplateSpecification('lt', { launchTemplateName: 'batch-lt', version: '$Latest' })).not.toThrow();
  });

  test('LIM-13: a launch template with both id and name is rejected', () => {
    const error = catchValidationError(() => validateLaunchTemplateSpecification('computeResources.launchTemplate', { launchTemplateId: 'lt-1', launchTemplateName: 'n' }));
    expect(error).toMatchObject({
      field: 'computeResources.launchTemplate',
      value: { launchTemplateId: 'lt-1', launchTemplateName: 'n' },
      limit: 'exactly one of launchTemplateId and launchTemplateName',
      rule: 'LIM-13',
    });
    expect(error.message).toContain('both are given');
  });

  test('LIM-13: a launch template with neither id nor name is rejected', () => {
    expect(catchValidationError(() => validateLaunchTemplateSpecification('lt', { version: '1' })).message).toContain('neither is given');
  });

  test('LIM-13: an empty id is rejected', () => {
    expect(catchValidationError(() => validateLaunchTemplateSpecification('lt', { launchTemplateId: '' })).field).toBe('lt.launchTemplateId');
    expect(catchValidationError(() => validateLaunchTemplateSpecification('lt', { launchTemplateName: '' })).field).toBe('lt.launchTemplateName');
  });

  test.each(['$Default', '$Latest', '1', '42'])('LIM-13: version %j is accepted', (version) => {
    expect(() => validateLaunchTemplateSpecification('lt', { launchTemplateName: 'n', version })).not.toThrow();
  });

  test.each(['0', 'latest', '$latest', '1.0', ''])('LIM-13: version %j is rejected', (version) => {
    const error = catchValidationError(() => validateLaunchTemplateSpecification('lt', { launchTemplateName: 'n', version }));
    expect(error).toMatchObject({ field: 'lt.version', value: version, rule: 'LIM-13' });
  });
});

describe('validateMultiNodeComputeEnvironment', () => {
  test('LIM-14: an EC2 compute environment with 5 security groups is accepted, 6 rejected', () => {
    expect(() => validateMultiNodeComputeEnvironment('ce', { type: 'EC2', securityGroupCount: 5 })).not.toThrow();
    const error = catchValidationError(() => validateMultiNodeComputeEnvironment('computeResources', { type: 'EC2', securityGroupCount: 6 }));
    expect(error).toMatchObject({ field: 'computeResources.securityGroupIds', value: 6, rule: 'LIM-14' });
    expect(error.limit).toBe('at most 5 security groups for multi-node parallel jobs');
  });

  test.each(['SPOT', 'UNMANAGED', 'FARGATE', 'FARGATE_SPOT'])('LIM-14: a %s compute environment is rejected for multi-node jobs', (type) => {
    const error = catchValidationError(() => validateMultiNodeComputeEnvironment('ce', { type, securityGroupCount: 1 }));
    expect(error).toMatchObject({ field: 'ce.type', value: type, rule: 'LIM-14' });
  });
});

describe('validateMinMaxDesiredVcpus', () => {
  test('SCHED-5: min <= desired <= max is accepted, equal bounds too', () => {
    expect(() => validateMinMaxDesiredVcpus('cr', { minvCpus: 0, desiredvCpus: 4, maxvCpus: 16 })).not.toThrow();
    expect(() => validateMinMaxDesiredVcpus('cr', { minvCpus: 8, desiredvCpus: 8, maxvCpus: 8 })).not.toThrow();
    expect(() => validateMinMaxDesiredVcpus('cr', { maxvCpus: 256 })).not.toThrow();
  });

  test('SCHED-5: minvCpus equal to maxvCpus is accepted, one more rejected', () => {
    const error = catchValidationError(() => validateMinMaxDesiredVcpus('computeResources', { minvCpus: 17, maxvCpus: 16 }));
    expect(error).toMatchObject({ field: 'computeResources.minvCpus', value: 17, limit: 'at most maxvCpus (16)', rule: 'SCHED-5' });
  });

  test('SCHED-5: desiredvCpus above maxvCpus or below minvCpus is rejected', () => {
    expect(catchValidationError(() => validateMinMaxDesiredVcpus('cr', { desiredvCpus: 17, maxvCpus: 16 })))
      .toMatchObject({ field: 'cr.desiredvCpus', value: 17, limit: 'at most maxvCpus (16)' });
    expect(catchValidationError(() => validateMinMaxDesiredVcpus('cr', { minvCpus: 4, desiredvCpus: 3, maxvCpus: 16 })))
      .toMatchObject({ field: 'cr.desiredvCpus', value: 3, limit: 'at least minvCpus (4)' });
  });

  test('SCHED-5: negative or fractional bounds are rejected', () => {
    expect(catchValidationError(() => validateMinMaxDesiredVcpus('cr', { minvCpus: -1, maxvCpus: 16 })).field).toBe('cr.minvCpus');
    expect(catchValidationError(() => validateMinMaxDesiredVcpus('cr', { maxvCpus: 1.5 })).field).toBe('cr.maxvCpus');
  });
});

describe('validateInstanceTypes', () => {
  test.each(['optimal', 'default_x86_64', 'default_arm64', 'c5', 'c5.8xlarge', 'm5.metal', 'p4d.24xlarge', 'u-6tb1.metal', 'c7gn', 'mac2-m2pro.metal'])(
    'LIM-15: instance type %j is accepted', (instanceType) => {
      expect(() => validateInstanceTypes('instanceTypes', [instanceType])).not.toThrow();
    });

  test.each(['C5', 'c5.', '.large', 'c5 .large', '', 'default', 'optimum', '5c', 'c5.8XLARGE'])('LIM-15: instance type %j is rejected', (instanceType) => {
    const error = catchValidationError(() => validateInstanceTypes('instanceTypes', ['m5', instanceType]));
    expect(error).toMatchObject({ field: 'instanceTypes[1]', value: instanceType, rule: 'LIM-15' });
  });

  test('LIM-3: default_arm64 with optimal (x86_64) in one compute environment is rejected', () => {
    const error = catchValidationError(() => validateInstanceTypes('instanceTypes', ['optimal', 'c5', 'default_arm64']));
    expect(error).toMatchObject({ field: 'instanceTypes[2]', value: 'default_arm64', rule: 'LIM-3' });
    expect(error.message).toContain('default_arm64 selects arm64, optimal selects x86_64');
  });

  test('LIM-15: optimal with default_x86_64 is accepted (same architecture)', () => {
    expect(() => validateInstanceTypes('instanceTypes', ['optimal', 'default_x86_64'])).not.toThrow();
  });
});
