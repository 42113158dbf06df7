import { catchValidationError } from './catch-validation-error';
import {
  EvaluateOnExitInput,
  validateAttemptDurationSeconds,
  validateEvaluateOnExit,
  validateRetryStrategy,
} from '../../src/validation/retry-and-timeout';

function conditions(count: number): EvaluateOnExitInput[] {
  return Array.from({ length: count }, (_, i) => ({ onExitCode: String(i), action: 'RETRY' }));
}

describe('validateAttemptDurationSeconds', () => {
  test('LIM-10: a timeout of 60 seconds is accepted, 59 rejected', () => {
    expect(() => validateAttemptDurationSeconds('timeout.attemptDurationSeconds', 60)).not.toThrow();
    const error = catchValidationError(() => validateAttemptDurationSeconds('timeout.attemptDurationSeconds', 59));
    expect(error).toMatchObject({ field: 'timeout.attemptDurationSeconds', value: 59, limit: 'an integer >= 60 (seconds)', rule: 'LIM-10' });
  });

  test('LIM-10: a fractional timeout is rejected', () => {
    expect(catchValidationError(() => validateAttemptDurationSeconds('t', 60.5)).value).toBe(60.5);
  });
});

describe('validateRetryStrategy: attempts', () => {
  test('LIM-10: attempts 10 is accepted, 11 rejected', () => {
    expect(() => validateRetryStrategy('retryStrategy', { attempts: 10 })).not.toThrow();
    const error = catchValidationError(() => validateRetryStrategy('retryStrategy', { attempts: 11 }));
    expect(error).toMatchObject({ field: 'retryStrategy.attempts', value: 11, limit: 'an integer 1..10', rule: 'LIM-10' });
  });

  test('LIM-10: attempts 1 is accepted, 0 rejected', () => {
    expect(() => validateRetryStrategy('retryStrategy', { attempts: 1 })).not.toThrow();
    expect(catchValidationError(() => validateRetryStrategy('retryStrategy', { attempts: 0 })).value).toBe(0);
  });

  test('LIM-10: an empty strategy is accepted', () => {
    expect(() => validateRetryStrategy('retryStrategy', {})).not.toThrow();
  });
});

describe('validateRetryStrategy: evaluateOnExit', () => {
  test('LIM-10: 5 evaluateOnExit conditions are accepted, 6 rejected', () => {
    expect(() => validateRetryStrategy('retryStrategy', { attempts: 3, evaluateOnExit: conditions(5) })).not.toThrow();
    const error = catchValidationError(() => validateRetryStrategy('retryStrategy', { attempts: 3, evaluateOnExit: conditions(6) }));
    expect(error).toMatchObject({ field: 'retryStrategy.evaluateOnExit', value: 6, limit: 'at most 5 conditions', rule: 'LIM-10' });
  });

  test('LIM-10: evaluateOnExit without attempts is rejected', () => {
    const error = catchValidationError(() => validateRetryStrategy('retryStrategy', { evaluateOnExit: conditions(1) }));
    expect(error).toMatchObject({ field: 'retryStrategy.attempts', value: undefined, limit: 'required when evaluateOnExit is given' });
  });

  test('LIM-10: an empty evaluateOnExit list needs no attempts', () => {
    expect(() => validateRetryStrategy('retryStrategy', { evaluateOnExit: [] })).not.toThrow();
  });

  test('LIM-10: a bad condition is reported with its index', () => {
    const error = catchValidationError(() => validateRetryStrategy('retryStrategy', {
      attempts: 2,
      evaluateOnExit: [{ onExitCode: '1', action: 'EXIT' }, { onExitCode: '1x', action: 'RETRY' }],
    }));
    expect(error).toMatchObject({ field: 'retryStrategy.evaluateOnExit[1].onExitCode', value: '1x' });
  });
});

describe('validateEvaluateOnExit: onExitCode', () => {
  test.each(['0', '137', '1*', '*', '0'.repeat(512), '1'.repeat(511) + '*'])('LIM-10: onExitCode %j is accepted', (pattern) => {
    expect(() => validateEvaluateOnExit('c', { onExitCode: pattern, action: 'EXIT' })).not.toThrow();
  });

  test('LIM-10: an onExitCode of 512 characters is accepted, 513 rejected', () => {
    const error = catchValidationError(() => validateEvaluateOnExit('c', { onExitCode: '1'.repeat(513), action: 'EXIT' }));
    expect(error).toMatchObject({ field: 'c.onExitCode', rule: 'LIM-10' });
    expect(error.limit).toBe('1..512 characters of digits, optionally ending with "*"');
    expect(error.message).toContain('length is 513');
  });

  test.each([
    ['1*2', '"*" at index 1 is not the last character'],
    ['**', '"*" at index 0 is not the last character'],
    ['-1', '"-" is not allowed'],
    ['1a', '"a" is not allowed'],
    ['1 ', '" " is not allowed'],
    ['', 'length is 0'],
  ])('LIM-10: onExitCode %j is rejected: %s', (pattern, detail) => {
    const error = catchValidationError(() => validateEvaluateOnExit('c', { onExitCode: pattern, action: 'EXIT' }));
    expect(error).toMatchObject({ field: 'c.onExitCode', value: pattern, rule: 'LIM-10' });
    expect(error.message).toContain(detail);
  });
});

describe('validateEvaluateOnExit: onReason and onStatusReason', () => {
  test.each([
    'CannotPullContainerError:*',
    'Host EC2*',
    'Essential container in task exited',
    'OutOfMemoryError: Container killed due to memory usage',
    'tab\there',
    'v1.2:3',
  ])('LIM-10: reason pattern %j is accepted in onReason and onStatusReason', (pattern) => {
    expect(() => validateEvaluateOnExit('c', { onReason: pattern, onStatusReason: pattern, action: 'RETRY' })).not.toThrow();
  });

  test.each(['Task failed!', 'exit_code', 'a*b', 'path/to', '(x)', ''])('LIM-10: reason pattern %j is rejected', (pattern) => {
    const onReason = catchValidationError(() => validateEvaluateOnExit('c', { onReason: pattern, action: 'RETRY' }));
    expect(onReason).toMatchObject({ field: 'c.onReason', value: pattern, rule: 'LIM-10' });
    const onStatusReason = catchValidationError(() => validateEvaluateOnExit('c', { onStatusReason: pattern, action: 'RETRY' }));
    expect(onStatusReason).toMatchObject({ field: 'c.onStatusReason', value: pattern, rule: 'LIM-10' });
  });

  test('LIM-10: an onReason of 512 characters is accepted, 513 rejected', () => {
    expect(() => validateEvaluateOnExit('c', { onReason: 'r'.repeat(512), action: 'RETRY' })).not.toThrow();
    const error = catchValidationError(() => validateEvaluateOnExit('c', { onReason: 'r'.repeat(513), action: 'RETRY' }));
    expect(error.limit).toBe('1..512 characters of letters, digits, ".", ":" and white space, optionally ending with "*"');
  });
});

describe('validateEvaluateOnExit: action', () => {
  test.each(['RETRY', 'EXIT', 'retry', 'Exit'])('LIM-10: action %j is accepted (case-insensitive)', (action) => {
    expect(() => validateEvaluateOnExit('c', { onExitCode: '1', action })).not.toThrow();
  });

  test.each(['RESTART', '', 'RETRY '])('LIM-10: action %j is rejected', (action) => {
    const error = catchValidationError(() => validateEvaluateOnExit('c', { onExitCode: '1', action }));
    expect(error).toMatchObject({ field: 'c.action', value: action, limit: 'RETRY or EXIT (case-insensitive)', rule: 'LIM-10' });
  });

  test('LIM-10: a missing action is rejected', () => {
    const error = catchValidationError(() => validateEvaluateOnExit('c', { onExitCode: '1' } as EvaluateOnExitInput));
    expect(error).toMatchObject({ field: 'c.action', value: undefined });
  });
});
