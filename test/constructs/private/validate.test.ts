import * as cdk from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { isUnresolved, validateAt, validationMessages, whenResolved } from '../../../src/constructs/private/validate';
import { validateArraySize, ValidationError } from '../../../src/validation';

describe('validateAt', () => {
  test('LIM-6: a validator error is re-thrown with the construct path and keeps its parts', () => {
    // GIVEN
    const stack = new cdk.Stack(new cdk.App(), 'S');
    const scope = new Construct(stack, 'Thing');

    // WHEN
    let caught: unknown;
    try {
      validateAt(scope, () => validateArraySize('arrayProperties.size', 1));
    } catch (error) {
      caught = error;
    }

    // THEN
    expect(caught).toBeInstanceOf(ValidationError);
    const error = caught as ValidationError;
    expect(error.message).toMatch(/^S\/Thing: arrayProperties\.size: 1 is invalid: .*2\.\.10000.*\(LIM-6\)/);
    expect([error.field, error.value, error.rule]).toEqual(['arrayProperties.size', 1, 'LIM-6']);
  });

  test('other errors pass through unchanged', () => {
    const scope = new Construct(new cdk.Stack(new cdk.App(), 'S'), 'Thing');
    expect(() => validateAt(scope, () => {
      throw new TypeError('boom');
    })).toThrow(TypeError);
  });
});

describe('validationMessages', () => {
  test('LIM-6: returns the message for addValidation, nothing when valid', () => {
    expect(validationMessages(() => validateArraySize('size', 1))).toEqual([expect.stringMatching(/LIM-6/)]);
    expect(validationMessages(() => validateArraySize('size', 2))).toEqual([]);
  });
});

describe('tokens', () => {
  test('LIM-6: unresolved values are skipped, resolved ones checked', () => {
    // GIVEN
    const token = cdk.Token.asNumber(cdk.Lazy.number({ produce: () => 1 }));

    // THEN
    expect(isUnresolved(token)).toBe(true);
    expect(isUnresolved(['a', cdk.Aws.REGION])).toBe(true);
    expect(isUnresolved(5)).toBe(false);
    expect(() => whenResolved([token], () => validateArraySize('size', token))).not.toThrow();
    expect(() => whenResolved([1], () => validateArraySize('size', 1))).toThrow(/LIM-6/);
  });
});
