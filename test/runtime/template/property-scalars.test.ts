import { convertScalars } from '../../../src/runtime/template/property-scalars';

describe('convertScalars', () => {
  test('CFN-3: a number for a String property becomes its text, a numeric string for an Integer property a number', () => {
    // GIVEN
    const properties = {
      Type: 'container',
      SchedulingPriority: '5',
      Timeout: { AttemptDurationSeconds: '60' },
      ContainerProperties: {
        Vcpus: '2',
        Memory: '2048',
        Privileged: 'true',
        Image: 'busybox',
        ResourceRequirements: [{ Type: 'VCPU', Value: 2 }],
        Environment: [{ Name: 'N', Value: 42 }],
      },
      Parameters: { threads: 2 },
    };

    // WHEN
    const converted = convertScalars('AWS::Batch::JobDefinition', properties);

    // THEN
    expect(converted).toEqual({
      Type: 'container',
      SchedulingPriority: 5,
      Timeout: { AttemptDurationSeconds: 60 },
      ContainerProperties: {
        Vcpus: 2,
        Memory: 2048,
        Privileged: true,
        Image: 'busybox',
        ResourceRequirements: [{ Type: 'VCPU', Value: '2' }],
        Environment: [{ Name: 'N', Value: '42' }],
      },
      Parameters: { threads: '2' },
    });
  });

  test('CFN-3: compute environment and queue integers; values that do not convert stay for the API to name', () => {
    expect(convertScalars('AWS::Batch::ComputeEnvironment', { ComputeResources: { MaxvCpus: '16', BidPercentage: '60', InstanceTypes: ['m5'] } }))
      .toEqual({ ComputeResources: { MaxvCpus: 16, BidPercentage: 60, InstanceTypes: ['m5'] } });
    expect(convertScalars('AWS::Batch::JobQueue', { Priority: 'high', ComputeEnvironmentOrder: [{ Order: '1', ComputeEnvironment: 'ce' }] }))
      .toEqual({ Priority: 'high', ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: 'ce' }] });
    expect(convertScalars('AWS::SNS::Topic', { A: '1' })).toEqual({ A: '1' });
  });
});
