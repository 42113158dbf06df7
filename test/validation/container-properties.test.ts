import { catchValidationError } from './catch-validation-error';
import {
  effectiveMemoryMiB,
  effectiveVcpus,
  validateContainerProperties,
  validateEffectiveResources,
} from '../../src/validation/container-properties';

describe('effectiveVcpus / effectiveMemoryMiB', () => {
  test('LIM-9: resource requirements win over the deprecated fields', () => {
    // GIVEN
    const container = { vcpus: 1, memory: 512, resourceRequirements: [{ type: 'VCPU', value: '4' }, { type: 'MEMORY', value: '2048' }] };

    // THEN
    expect(effectiveVcpus(container)).toBe(4);
    expect(effectiveMemoryMiB(container)).toBe(2048);
  });

  test('LIM-9: the plain fields count when no requirement is given; nothing gives undefined', () => {
    expect(effectiveVcpus({ vcpus: 2, resourceRequirements: [{ type: 'GPU', value: '1' }] })).toBe(2);
    expect(effectiveMemoryMiB({ memory: 64 })).toBe(64);
    expect(effectiveVcpus({})).toBeUndefined();
    expect(effectiveMemoryMiB({ resourceRequirements: [] })).toBeUndefined();
  });
});

describe('validateContainerProperties', () => {
  test('LIM-8/9/11: a complete valid container is accepted', () => {
    expect(() => validateContainerProperties('containerProperties', {
      image: 'public.ecr.aws/amazonlinux/amazonlinux:2',
      vcpus: 2,
      memory: 2048,
      resourceRequirements: [{ type: 'GPU', value: '1' }],
      environment: [{ name: 'STAGE', value: 'prod' }],
      volumes: [{ name: 'scratch', host: { sourcePath: '/tmp' } }],
      command: ['echo', 'hi'],
    })).not.toThrow();
  });

  test('LIM-9: a container without vcpus and memory is accepted here (they may come from elsewhere)', () => {
    expect(() => validateContainerProperties('containerOverrides', { command: ['true'] })).not.toThrow();
  });

  test.each([
    [{ image: 'bad image' }, 'c.image', 'LIM-8'],
    [{ vcpus: 0 }, 'c.vcpus', 'LIM-9'],
    [{ memory: 3 }, 'c.memory', 'LIM-9'],
    [{ resourceRequirements: [{ type: 'MEMORY', value: '2' }] }, 'c.resourceRequirements[0].value', 'LIM-9'],
    [{ environment: [{ name: 'OK' }, { name: 'AWS_BATCH_CE_NAME', value: 'x' }] }, 'c.environment[1].name', 'LIM-11'],
    [{ volumes: [{ name: 'ok' }, { name: 'not ok' }] }, 'c.volumes[1].name', 'LIM-8'],
  ])('%j is rejected at %s (%s)', (container, field, rule) => {
    const error = catchValidationError(() => validateContainerProperties('c', container));
    expect(error).toMatchObject({ field, rule });
  });

  test('LIM-9: the platform reaches the resource checks (VCPU 0.5 is valid on Fargate only)', () => {
    const container = { resourceRequirements: [{ type: 'VCPU', value: '0.5' }, { type: 'MEMORY', value: '1024' }] };
    expect(() => validateContainerProperties('c', container, 'FARGATE')).not.toThrow();
    expect(catchValidationError(() => validateContainerProperties('c', container)).field).toBe('c.resourceRequirements[0].value');
  });
});

describe('validateEffectiveResources', () => {
  test('LIM-9: a container with vcpus and memory from either source is accepted', () => {
    expect(() => validateEffectiveResources('c', { vcpus: 1, memory: 4 })).not.toThrow();
    expect(() => validateEffectiveResources('c', { resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '4' }] })).not.toThrow();
    expect(() => validateEffectiveResources('c', { vcpus: 1, resourceRequirements: [{ type: 'MEMORY', value: '4' }] })).not.toThrow();
  });

  test('LIM-9: a container without vcpus is rejected, naming the field', () => {
    const error = catchValidationError(() => validateEffectiveResources('containerProperties', { memory: 4 }));
    expect(error).toMatchObject({ field: 'containerProperties.vcpus', value: undefined, rule: 'LIM-9' });
    expect(error.limit).toContain('VCPU resource requirement');
  });

  test('LIM-9: a container without memory is rejected, naming the field', () => {
    const error = catchValidationError(() => validateEffectiveResources('containerProperties', { resourceRequirements: [{ type: 'VCPU', value: '1' }] }));
    expect(error).toMatchObject({ field: 'containerProperties.memory', rule: 'LIM-9' });
  });
});
