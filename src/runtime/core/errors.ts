/**
 * A request the AWS Batch API would reject with `ClientException` (HTTP 400). Thrown before any state
 * changes, so a rejected request leaves the backend as it was.
 */
export class ClientException extends Error {
  readonly errorType = 'ClientException';
  readonly httpStatus = 400;

  constructor(message: string) {
    super(message);
    this.name = 'ClientException';
  }
}

/** An internal failure (`ServerException`, HTTP 500). */
export class ServerException extends Error {
  readonly errorType = 'ServerException';
  readonly httpStatus = 500;

  constructor(message: string) {
    super(message);
    this.name = 'ServerException';
  }
}
