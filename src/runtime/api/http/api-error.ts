import { ValidationError } from '../../../validation';
import { ClientException, ServerException } from '../../core/errors';
import { RequestShapeError } from '../service-model/shape-validator';

/** HTTP 501: the server does not support the functionality the request needs (PLAT-6). */
export const NOT_IMPLEMENTED = 501;

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

  /**
   * PLAT-6: an operation of the service's current API that the runtime does not model. Answered as AWS
   * answers an operation it does not know (`UnknownOperationException`), with HTTP 501 Not Implemented:
   * boto3 and the SDK v3 raise it with this code and message, do not retry it (their transient codes
   * are 500, 502, 503 and 504), and classify it as the server's fault, not as the caller's mistake.
   */
  static notImplemented(service: string, operation: string, implemented: number, total: number): ApiError {
    return new ApiError(NOT_IMPLEMENTED, 'UnknownOperationException',
      `${operation} is an operation of the ${service} API that the batch-local runtime does not implement `
      + `(it implements ${implemented} of the ${total} operations); the request was not processed`);
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
