import { catchValidationError } from './catch-validation-error';
import { validateFargateResourceRequirements } from '../../src/validation/fargate-limits';

function reqs(vcpu: string | undefined, memory: string | undefined): Array<{ type: string; value: string }> {
  return [
    ...(vcpu === undefined ? [] : [{ type: 'VCPU', value: vcpu }]),
    ...(memory === undefined ? [] : [{ type: 'MEMORY', value: memory }]),
  ];
}

// Pairs written out from the ResourceRequirement.value documentation in the Batch service model:
// the smallest and the largest memory of each vCPU size, and a neighbour just outside.
describe('validateFargateResourceRequirements', () => {
  test.each([
    ['0.25', '512'], ['0.25', '2048'],
    ['0.5', '1024'], ['0.5', '4096'],
    ['1', '2048'], ['1', '8192'],
    ['2', '4096'], ['2', '16384'],
    ['4', '8192'], ['4', '30720'],
    ['8', '16384'], ['8', '61440'],
    ['16', '32768'], ['16', '122880'],
  ])('LIM-9: Fargate VCPU %s with MEMORY %s is accepted', (vcpu, memory) => {
    expect(() => validateFargateResourceRequirements('rr', reqs(vcpu, memory))).not.toThrow();
  });

  test.each([
    ['0.25', '3072'], ['0.25', '256'],
    ['0.5', '5120'],
    ['1', '1024'], ['1', '9216'],
    ['2', '3072'], ['2', '17408'],
    ['4', '7168'], ['4', '31744'],
    ['8', '12288'], ['8', '65536'], ['8', '17408'],
    ['16', '28672'], ['16', '36864'], ['16', '131072'],
  ])('LIM-9: Fargate VCPU %s with MEMORY %s is rejected, naming the sizes allowed', (vcpu, memory) => {
    const error = catchValidationError(() => validateFargateResourceRequirements('rr', reqs(vcpu, memory)));
    expect(error).toMatchObject({ field: 'rr[1].value', value: memory, rule: 'LIM-9' });
    expect(error.limit).toContain(`MiB for ${Number(vcpu)} Fargate vCPU`);
  });

  test.each(['0.1', '3', '32', '1.0.0', 'one'])('LIM-9: Fargate VCPU %j is rejected', (vcpu) => {
    const error = catchValidationError(() => validateFargateResourceRequirements('rr', reqs(vcpu, undefined)));
    expect(error).toMatchObject({ field: 'rr[0].value', value: vcpu, limit: 'one of 0.25, 0.5, 1, 2, 4, 8, 16 (Fargate VCPU)' });
  });

  test('LIM-9: Fargate VCPU "1.0" is read as 1', () => {
    expect(() => validateFargateResourceRequirements('rr', reqs('1.0', '2048'))).not.toThrow();
  });

  test('LIM-9: MEMORY alone must be one of the Fargate sizes', () => {
    expect(() => validateFargateResourceRequirements('rr', reqs(undefined, '122880'))).not.toThrow();
    const error = catchValidationError(() => validateFargateResourceRequirements('rr', reqs(undefined, '513')));
    expect(error).toMatchObject({ field: 'rr[0].value', value: '513' });
    expect(error.limit).toContain('512..122880 MiB');
  });

  test('LIM-9: a GPU requirement is rejected on Fargate', () => {
    const error = catchValidationError(() => validateFargateResourceRequirements('rr', [{ type: 'GPU', value: '1' }]));
    expect(error).toMatchObject({ field: 'rr[0].type', value: 'GPU', rule: 'LIM-9' });
  });
});
