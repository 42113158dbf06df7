import { catchValidationError } from './catch-validation-error';
import { fail, formatValue, isInteger, ValidationError } from '../../src/validation/validation-error';

describe('ValidationError', () => {
  test('LIM-1..15: the default message names the field, the value, the limit and the rule', () => {
    // GIVEN / WHEN
    const error = new ValidationError('arrayProperties.size', 10001, 'an integer 2..10000', 'LIM-6');

    // THEN
    expect(error.message).toBe('arrayProperties.size: 10001 is invalid: an integer 2..10000 (LIM-6)');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ValidationError');
    expect(error).toMatchObject({ field: 'arrayProperties.size', value: 10001, limit: 'an integer 2..10000', rule: 'LIM-6' });
  });

  test('LIM-8: a long value is cut to about 100 characters in the message but kept whole on the error', () => {
    // GIVEN
    const long = 'x'.repeat(500);

    // WHEN
    const error = new ValidationError('jobName', long, '1..128 characters', 'LIM-8');

    // THEN
    const quoted = error.message.slice('jobName: '.length, error.message.indexOf(' is invalid'));
    expect(quoted.length).toBe(100);
    expect(quoted.endsWith('...')).toBe(true);
    expect(error.value).toBe(long);
  });

  test('an explicit message replaces the default', () => {
    const error = new ValidationError('f', 1, 'l', 'LIM-4', 'custom');
    expect(error.message).toBe('custom');
    expect(error.rule).toBe('LIM-4');
  });
});

describe('formatValue', () => {
  test('renders JSON, undefined, and values JSON cannot render', () => {
    // GIVEN
    const circular: Record<string, unknown> = {};
    circular.self = circular;

    // THEN
    expect(formatValue('a"b')).toBe('"a\\"b"');
    expect(formatValue(undefined)).toBe('undefined');
    expect(formatValue(10n)).toBe('10');
    expect(formatValue(circular)).toBe('[object Object]');
    expect(formatValue({ a: [1] })).toBe('{"a":[1]}');
  });
});

describe('fail', () => {
  test('LIM-6: appends the detail to the standard message and keeps the parts', () => {
    // WHEN
    const error = catchValidationError(() => fail('size', 1, 'an integer 2..10000', 'LIM-6', 'too small'));

    // THEN
    expect(error.message).toBe('size: 1 is invalid: an integer 2..10000 (LIM-6): too small');
    expect(error).toMatchObject({ field: 'size', value: 1, limit: 'an integer 2..10000', rule: 'LIM-6' });
  });
});

describe('isInteger', () => {
  test('accepts finite integers only', () => {
    expect([0, -3, 10000].every(isInteger)).toBe(true);
    expect([1.5, NaN, Infinity, '2', undefined].some(isInteger)).toBe(false);
  });
});
