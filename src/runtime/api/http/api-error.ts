import { ValidationError } from '../../../validation';
import { ClientException, ServerException } from '../../core/errors';
import { RequestShapeError } from '../service-model/shape-validator';

/**
 * An error as the wire sends it: HTTP status, the `x-amzn-ErrorType` code (the SDKs map it to an
 * exception class) and a message. Every failure of a request becomes one of these.
 */
export class ApiError extends Error {
  static client(message: string): ApiError {
    return new ApiError(400, 'ClientException', message);
  }

  static server(message: string): ApiError {
    return new ApiError(500, 'ServerException', message);
  }

  constructor(readonly status: number, readonly errorType: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Maps whatever a handler threw to the AWS Batch error model: ClientException (400) for rejected
 * requests, ServerException (500) for anything unexpected, whose message says it is a runtime bug.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ClientException || error instanceof ValidationError || error instanceof RequestShapeError) {
    return ApiError.client(error.message);
  }
  if (error instanceof ServerException) return ApiError.server(error.message);
  const message = error instanceof Error ? error.message : String(error);
  return ApiError.server(`internal error of the local runtime: ${message}`);
}
