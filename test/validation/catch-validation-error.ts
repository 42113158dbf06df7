import { ValidationError } from '../../src/validation/validation-error';

/**
 * Runs `fn` and returns the ValidationError it throws, so a test can assert on the error's
 * field, value, limit and rule. Fails the test if `fn` returns normally or throws anything else.
 */
export function catchValidationError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}
