import { catchValidationError } from './catch-validation-error';
import {
  JOB_DEFINITION_MAX_BYTES,
  SUBMIT_JOB_MAX_BYTES,
  validateArraySize,
  validateDependsOnCount,
  validateJsonSize,
} from '../../src/validation/job-limits';

/** A JSON document of exactly `bytes` UTF-8 bytes: `"xxx...x"`. */
function jsonOfBytes(bytes: number): string {
  return JSON.stringify('x'.repeat(bytes - 2));
}

describe('validateDependsOnCount', () => {
  test('LIM-4: 20 dependsOn entries are accepted, 21 rejected', () => {
    // GIVEN / WHEN / THEN
    expect(() => validateDependsOnCount('dependsOn', 20)).not.toThrow();
    const error = catchValidationError(() => validateDependsOnCount('dependsOn', 21));
    expect(error).toMatchObject({ field: 'dependsOn', value: 21, limit: 'at most 20 entries', rule: 'LIM-4' });
  });

  test('LIM-4: no dependencies are accepted; a negative or fractional count is rejected', () => {
    expect(() => validateDependsOnCount('dependsOn', 0)).not.toThrow();
    expect(catchValidationError(() => validateDependsOnCount('dependsOn', -1)).value).toBe(-1);
    expect(catchValidationError(() => validateDependsOnCount('dependsOn', 1.5)).rule).toBe('LIM-4');
  });
});

describe('validateArraySize', () => {
  test('LIM-6: array size 10000 is accepted, 10001 rejected', () => {
    expect(() => validateArraySize('arrayProperties.size', 10000)).not.toThrow();
    const error = catchValidationError(() => validateArraySize('arrayProperties.size', 10001));
    expect(error).toMatchObject({ field: 'arrayProperties.size', value: 10001, limit: 'an integer 2..10000', rule: 'LIM-6' });
  });

  test('LIM-6: array size 2 is accepted, 1 rejected', () => {
    expect(() => validateArraySize('arrayProperties.size', 2)).not.toThrow();
    const error = catchValidationError(() => validateArraySize('arrayProperties.size', 1));
    expect(error).toMatchObject({ value: 1, rule: 'LIM-6' });
  });

  test.each([2.5, NaN, Infinity, 0, -5])('LIM-6: array size %p is rejected', (size) => {
    expect(catchValidationError(() => validateArraySize('arrayProperties.size', size)).rule).toBe('LIM-6');
  });
});

describe('validateJsonSize', () => {
  test('LIM-5: the limits are 24 KiB for a job definition and 30 KiB for SubmitJob', () => {
    expect(JOB_DEFINITION_MAX_BYTES).toBe(24576);
    expect(SUBMIT_JOB_MAX_BYTES).toBe(30720);
  });

  test('LIM-5: a job definition of 24576 bytes is accepted, 24577 rejected; the value is the byte count', () => {
    // GIVEN
    const atLimit = jsonOfBytes(24576);
    const overLimit = jsonOfBytes(24577);

    // WHEN / THEN
    expect(() => validateJsonSize('jobDefinition', atLimit, JOB_DEFINITION_MAX_BYTES, 'LIM-5')).not.toThrow();
    const error = catchValidationError(() => validateJsonSize('jobDefinition', overLimit, JOB_DEFINITION_MAX_BYTES, 'LIM-5'));
    expect(error).toMatchObject({ field: 'jobDefinition', value: 24577, rule: 'LIM-5' });
    expect(error.limit).toBe('at most 24576 bytes of JSON (24 KiB)');
  });

  test('LIM-5: a SubmitJob payload of 30720 bytes is accepted, 30721 rejected', () => {
    expect(() => validateJsonSize('submitJob', jsonOfBytes(30720), SUBMIT_JOB_MAX_BYTES, 'LIM-5')).not.toThrow();
    const error = catchValidationError(() => validateJsonSize('submitJob', jsonOfBytes(30721), SUBMIT_JOB_MAX_BYTES, 'LIM-5'));
    expect(error).toMatchObject({ value: 30721, limit: 'at most 30720 bytes of JSON (30 KiB)' });
  });

  test('LIM-5: size is measured in UTF-8 bytes, not characters', () => {
    // GIVEN 12,287 two-byte characters plus quotes: 12,289 characters but 24,576 bytes
    const atLimit = JSON.stringify('\u00e9'.repeat(12287));
    const overLimit = JSON.stringify('\u00e9'.repeat(12287) + 'x');
    expect(atLimit.length).toBe(12289);

    // THEN
    expect(() => validateJsonSize('jobDefinition', atLimit, JOB_DEFINITION_MAX_BYTES, 'LIM-5')).not.toThrow();
    expect(catchValidationError(() => validateJsonSize('jobDefinition', overLimit, JOB_DEFINITION_MAX_BYTES, 'LIM-5')).value).toBe(24577);
  });
});
