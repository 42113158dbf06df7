import { ApiError, toApiError } from '../../../../src/runtime/api/http/api-error';
import { RequestShapeError } from '../../../../src/runtime/api/service-model/shape-validator';
import { ClientException, ServerException } from '../../../../src/runtime/core/errors';
import { ValidationError } from '../../../../src/validation';

describe('toApiError', () => {
  test('LIM-8: rejected requests (ClientException, ValidationError, shape errors) become 400 ClientException with their message', () => {
    for (const error of [new ClientException('a'), new ValidationError('f', 'v', 'l', 'LIM-8', 'a'), new RequestShapeError('f', 'a')]) {
      expect(toApiError(error)).toMatchObject({ status: 400, errorType: 'ClientException', message: 'a' });
    }
  });

  test('ServerException is 500 with its message; anything else is a 500 that says it is the runtime\'s fault', () => {
    expect(toApiError(new ServerException('s'))).toMatchObject({ status: 500, errorType: 'ServerException', message: 's' });
    expect(toApiError(new TypeError('x is undefined'))).toMatchObject({ status: 500, message: 'internal error of the local runtime: x is undefined' });
    expect(toApiError('thrown string')).toMatchObject({ status: 500, message: 'internal error of the local runtime: thrown string' });
  });

  test('an ApiError passes through unchanged', () => {
    const error = new ApiError(404, 'UnknownOperationException', 'm');
    expect(toApiError(error)).toBe(error);
  });
});
