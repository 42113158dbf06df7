import { catchValidationError } from './catch-validation-error';
import {
  validateEnvironmentVariableNames,
  validateGpuCount,
  validateMemory,
  validateResourceRequirements,
  validateVcpus,
} from '../../src/validation/container-limits';

describe('validateVcpus', () => {
  test('LIM-9: vcpus 1 is accepted, 0 rejected', () => {
    expect(() => validateVcpus('containerProperties.vcpus', 1)).not.toThrow();
    const error = catchValidationError(() => validateVcpus('containerProperties.vcpus', 0));
    expect(error).toMatchObject({ field: 'containerProperties.vcpus', value: 0, limit: 'an integer >= 1', rule: 'LIM-9' });
  });

  test('LIM-9: a fractional vcpus field is rejected (the field is an integer in the API)', () => {
    expect(catchValidationError(() => validateVcpus('vcpus', 1.5)).value).toBe(1.5);
  });
});

describe('validateMemory', () => {
  test('LIM-9: memory 4 MiB is accepted, 3 rejected', () => {
    expect(() => validateMemory('containerProperties.memory', 4)).not.toThrow();
    const error = catchValidationError(() => validateMemory('containerProperties.memory', 3));
    expect(error).toMatchObject({ field: 'containerProperties.memory', value: 3, limit: 'an integer >= 4 (MiB)', rule: 'LIM-9' });
  });

  test('LIM-9: a fractional or non-numeric memory is rejected', () => {
    expect(catchValidationError(() => validateMemory('memory', 512.5)).rule).toBe('LIM-9');
    expect(catchValidationError(() => validateMemory('memory', '512' as unknown as number)).value).toBe('512');
  });
});

describe('validateGpuCount', () => {
  test('LIM-9: GPU count "1" is accepted, "0" rejected', () => {
    expect(() => validateGpuCount('gpu', '1')).not.toThrow();
    expect(() => validateGpuCount('gpu', '8')).not.toThrow();
    const error = catchValidationError(() => validateGpuCount('gpu', '0'));
    expect(error).toMatchObject({ field: 'gpu', value: '0', limit: 'a positive integer as a string', rule: 'LIM-9' });
  });

  test.each(['-1', '1.5', '', 'two', ' 1'])('LIM-9: GPU count %j is rejected', (value) => {
    expect(catchValidationError(() => validateGpuCount('gpu', value)).value).toBe(value);
  });

  test('LIM-9: a GPU count given as a number, not a string, is rejected', () => {
    expect(catchValidationError(() => validateGpuCount('gpu', 1 as unknown as string)).value).toBe(1);
  });
});

describe('validateResourceRequirements (EC2)', () => {
  test('LIM-9: VCPU "1", MEMORY "4" and GPU "1" are accepted', () => {
    expect(() => validateResourceRequirements('rr', [
      { type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '4' }, { type: 'GPU', value: '1' },
    ])).not.toThrow();
  });

  test('LIM-9: VCPU "1" is accepted, "0.5" rejected on EC2, naming the entry', () => {
    const error = catchValidationError(() => validateResourceRequirements('rr', [{ type: 'MEMORY', value: '8' }, { type: 'VCPU', value: '0.5' }]));
    expect(error).toMatchObject({ field: 'rr[1].value', value: '0.5', rule: 'LIM-9' });
    expect(error.limit).toContain('>= 1');
  });

  test('LIM-9: MEMORY "4" is accepted, "3" rejected; a fractional MEMORY too', () => {
    expect(catchValidationError(() => validateResourceRequirements('rr', [{ type: 'MEMORY', value: '3' }])))
      .toMatchObject({ field: 'rr[0].value', value: '3', limit: 'an integer >= 4 (MiB) as a string' });
    expect(catchValidationError(() => validateResourceRequirements('rr', [{ type: 'MEMORY', value: '4.5' }])).value).toBe('4.5');
  });

  test('LIM-9: a GPU requirement of "0" is rejected', () => {
    expect(catchValidationError(() => validateResourceRequirements('rr', [{ type: 'GPU', value: '0' }])))
      .toMatchObject({ field: 'rr[0].value', value: '0', rule: 'LIM-9' });
  });

  test('LIM-9: an unknown resource type is rejected', () => {
    const error = catchValidationError(() => validateResourceRequirements('rr', [{ type: 'CPU', value: '1' }]));
    expect(error).toMatchObject({ field: 'rr[0].type', value: 'CPU', limit: 'one of GPU, VCPU, MEMORY' });
  });

  test('LIM-9: the same resource type twice is rejected', () => {
    const error = catchValidationError(() => validateResourceRequirements('rr', [{ type: 'VCPU', value: '1' }, { type: 'VCPU', value: '2' }]));
    expect(error).toMatchObject({ field: 'rr[1].type', value: 'VCPU', limit: 'each resource type at most once' });
    expect(error.message).toContain('already given at rr[0]');
  });
});

describe('validateResourceRequirements (FARGATE)', () => {
  test('LIM-9: VCPU "0.25" with MEMORY "512" is accepted on Fargate', () => {
    expect(() => validateResourceRequirements('rr', [{ type: 'VCPU', value: '0.25' }, { type: 'MEMORY', value: '512' }], 'FARGATE')).not.toThrow();
  });

  test('LIM-9: a GPU requirement is rejected on Fargate', () => {
    const error = catchValidationError(() => validateResourceRequirements('rr', [{ type: 'GPU', value: '1' }], 'FARGATE'));
    expect(error).toMatchObject({ field: 'rr[0].type', value: 'GPU', rule: 'LIM-9' });
  });
});

describe('validateEnvironmentVariableNames', () => {
  test('LIM-11: a name starting with AWS_BATCH is rejected, naming its index', () => {
    const error = catchValidationError(() => validateEnvironmentVariableNames('containerOverrides.environment', ['MY_VAR', 'AWS_BATCH_JOB_ID']));
    expect(error).toMatchObject({ field: 'containerOverrides.environment[1].name', value: 'AWS_BATCH_JOB_ID', rule: 'LIM-11' });
    expect(error.limit).toContain('must not start with AWS_BATCH');
  });

  test('LIM-11: the prefix alone matters: AWS_BATCHX is rejected, AWS_BATC accepted', () => {
    expect(catchValidationError(() => validateEnvironmentVariableNames('env', ['AWS_BATCHX'])).value).toBe('AWS_BATCHX');
    expect(() => validateEnvironmentVariableNames('env', ['AWS_BATC', 'MY_AWS_BATCH', 'AWS_REGION'])).not.toThrow();
  });

  test('LIM-11: the check is case-sensitive (aws_batch_x is a different variable)', () => {
    expect(() => validateEnvironmentVariableNames('env', ['aws_batch_x'])).not.toThrow();
  });
});
