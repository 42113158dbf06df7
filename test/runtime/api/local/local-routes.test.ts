import { ApiError } from '../../../../src/runtime/api/http/api-error';
import { LOCAL_ROUTE_PREFIX, LocalRoutes } from '../../../../src/runtime/api/local/local-routes';

describe('LocalRoutes', () => {
  const request = (method: string, path: string): any => ({ method, path, query: new URLSearchParams(), body: {} });

  test('routes are exact paths under /_local/, method-insensitive at registration', async () => {
    // GIVEN
    const routes = new LocalRoutes();
    routes.add('post', '/rules/fire', { handle: () => ({ fired: true }) });

    // WHEN / THEN
    expect(LOCAL_ROUTE_PREFIX).toBe('/_local/');
    expect(routes.list()).toEqual(['POST /_local/rules/fire']);
    await expect(routes.dispatch(request('POST', 'rules/fire'))).resolves.toEqual({ fired: true });
    await expect(routes.dispatch(request('GET', 'rules/fire'))).rejects.toBeInstanceOf(ApiError);
    await expect(routes.dispatch(request('POST', 'rules'))).rejects.toMatchObject({ status: 404, message: expect.stringContaining('known: POST /_local/rules/fire') });
  });
});
