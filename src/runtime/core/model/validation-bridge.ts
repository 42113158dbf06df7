import { UnknownInstanceTypeError } from '../../../instance-catalog/instance-catalog';
import { fail, ValidationError } from '../../../validation';
import { ClientException } from '../errors';

/**
 * Runs validators from `src/validation` (pure, throwing `ValidationError`) and the instance catalog
 * (`UnknownInstanceTypeError`), turning their errors into the API's `ClientException` (HTTP 400) with
 * the same message: field, value, limit and rule id. Other errors pass through untouched.
 */
export function asClientException<T>(validate: () => T): T {
  try {
    return validate();
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new ClientException(error.message);
    }
    if (error instanceof UnknownInstanceTypeError) {
      throw new ClientException(`${error.message} (${error.rule})`);
    }
    throw error;
  }
}

/**
 * The value of an enumerated field, normalized to its canonical spelling. CloudFormation accepts
 * some of them in any case (CDK writes `managed`, the API documents `MANAGED`), so the comparison
 * ignores case; anything else is a ValidationError naming the allowed values.
 */
export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[], rule: string): T {
  const found = typeof value === 'string' ? allowed.find((candidate) => candidate.toUpperCase() === value.toUpperCase()) : undefined;
  if (found === undefined) {
    fail(field, value, `one of ${allowed.join(', ')}`, rule);
  }
  return found;
}

/** A required field must be present. */
export function required(field: string, value: unknown, rule: string): void {
  if (value === undefined || value === null) {
    fail(field, value, 'required', rule);
  }
}
