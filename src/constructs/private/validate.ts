import * as cdk from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ValidationError } from '../../validation';

/**
 * Runs one of the shared LIM validators for a construct. The validators know the field, value
 * and limit but not where in the app the value came from, so a failure is re-thrown with the
 * construct path in front (same error type, same field/value/limit/rule for callers that
 * inspect them).
 */
export function validateAt(scope: IConstruct, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new ValidationError(error.field, error.value, error.limit, error.rule, `${scope.node.path}: ${error.message}`);
    }
    throw error;
  }
}

/**
 * The same check in the form `node.addValidation` wants, for collections that can still grow
 * after the constructor (queue compute environments, node ranges). CDK prefixes the construct
 * path itself when it reports these, so the message is the validator's own.
 */
export function validationMessages(check: () => void): string[] {
  try {
    check();
    return [];
  } catch (error) {
    if (error instanceof ValidationError) {
      return [error.message];
    }
    throw error;
  }
}

/**
 * True when a value (or anything inside it) is an unresolved token: it is only known at deploy
 * time, so a synth-time check cannot judge it and must let it pass.
 */
export function isUnresolved(value: unknown): boolean {
  if (value === undefined || value === null) {
    return false;
  }
  if (Array.isArray(value)) {
    return value.some(isUnresolved) || cdk.Token.isUnresolved(value);
  }
  return cdk.Token.isUnresolved(value);
}

/** Runs `check` only when every value is known at synth time. */
export function whenResolved(values: unknown[], check: () => void): void {
  if (!values.some(isUnresolved)) {
    check();
  }
}
