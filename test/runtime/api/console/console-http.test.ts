import { startConsoleEndpoint } from './console-fixture';
import { Endpoint, rawRequest } from '../endpoint-fixture';

describe('console answers (console-http)', () => {
  let endpoint: Endpoint;
  beforeEach(async () => {
    endpoint = await startConsoleEndpoint();
  });
  afterEach(async () => {
    await endpoint.close();
    expect(endpoint.serverErrors).toEqual([]);
  });

  test('CON-5: every page path answers the shell with a same-origin-only Content-Security-Policy and no inline script', async () => {
    for (const pagePath of ['/console/', '/console/queues/work', '/console/jobs/some-id', '/console/submit']) {
      // WHEN
      const page = await rawRequest(endpoint.url, 'GET', pagePath);

      // THEN
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.text).toContain('<script type="module" src="/console/assets/app.js"></script>');
      expect(page.text).not.toMatch(/<script>|<script [^>]*>[^<]+<\/script>|\son[a-z]+=|<style/);
    }
  });
});
