import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { createRuntime } from '../../../../src/runtime/api/create-runtime';
import { TemporaryWorkRoot } from '../../../temporary-work-root';
import { pollUntil, rawRequest } from '../endpoint-fixture';

/** The page's globals, inside page.evaluate (the test project has no DOM typings). */
declare const window: { attackDone?: boolean; attackResults?: string[] };
declare function fetch(url: string, init?: Record<string, unknown>): Promise<{ status: number; text(): Promise<string> }>;

const SMALL_STACK = path.join(__dirname, '..', '..', '..', 'cli', 'fixtures', 'small-stack.template.json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === 'true') {
  throw new Error(`${CHROMIUM} is missing; CI installs it (apt-get install -y --no-install-recommends chromium)`);
}
if (!haveChromium) process.stderr.write(`skipping the origin guard browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)\n`);
const browserTest = haveChromium ? test : test.skip;

/**
 * What a hostile page does once the developer opens it: a no-cors text/plain POST (no preflight), a
 * JSON POST (preflighted), and an HTML form POST into a hidden frame. Each targets the endpoint.
 */
function attackPage(endpoint: string, submitBody: string): string {
  return `<!doctype html><html><body>
<iframe name="sink" id="sink"></iframe>
<form id="form" method="POST" action="${endpoint}/v1/submitjob" target="sink" enctype="text/plain">
  <input type="hidden" name='${submitBody.slice(0, -1)}, "x": "' value='"}'>
</form>
<script>
window.attackResults = [];
(async () => {
  try {
    await fetch('${endpoint}/v1/submitjob', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: ${JSON.stringify(submitBody)} });
    window.attackResults.push('no-cors: sent');
  } catch (e) { window.attackResults.push('no-cors: ' + e.name); }
  try {
    const r = await fetch('${endpoint}/v1/submitjob', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: ${JSON.stringify(submitBody)} });
    window.attackResults.push('cors: ' + r.status + ' ' + (await r.text()));
  } catch (e) { window.attackResults.push('cors: ' + e.name); }
  await new Promise((resolve) => {
    document.getElementById('sink').addEventListener('load', resolve, { once: true });
    document.getElementById('form').submit();
  });
  window.attackResults.push('form: submitted');
  window.attackDone = true;
})();
</script></body></html>`;
}

describe('the endpoint in a real browser (#21 §1)', () => {
  browserTest('GIVEN serve with the process executor WHEN a page of another origin and a DNS-rebinding page attack it THEN nothing is created or run', async () => {
    // GIVEN the endpoint, with the process executor, and a hostile page on another origin
    const root = new TemporaryWorkRoot('origin-guard-browser');
    const outbox = path.join(root.path, 'outbox');
    fs.mkdirSync(outbox);
    fs.chmodSync(outbox, 0o777); // the job may run as nobody
    const runtime = createRuntime({ templateFile: SMALL_STACK, executor: 'process' });
    const endpoint = await runtime.server.listen(0, '127.0.0.1');
    const endpointPort = new URL(endpoint).port;
    const submit = (file: string): string => JSON.stringify({
      jobName: 'probe',
      jobQueue: 'first-run-job-queue',
      jobDefinition: 'hello',
      containerOverrides: { command: ['sh', '-c', `id > ${path.join(outbox, file)}`] },
    });
    const pageServer = http.createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(attackPage(endpoint, submit('cross-origin')));
    });
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    const pagePort = (pageServer.address() as AddressInfo).port;
    const context = await chromium.launchPersistentContext(path.join(root.path, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      // rebind.test resolves to the endpoint, as a DNS-rebinding attacker's name would after its TTL.
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP rebind.test 127.0.0.1'],
    });
    try {
      // WHEN the page of another origin (localhost:PAGE is not 127.0.0.1:ENDPOINT) runs its attacks
      const page = await context.newPage();
      await page.goto(`http://localhost:${pagePort}/`);
      await page.waitForFunction(() => window.attackDone === true, undefined, { timeout: 30_000 });
      const results = await page.evaluate(() => window.attackResults!);

      // AND a DNS-rebinding page, served under its own name at the endpoint's address, reads and posts "same-origin"
      const rebound = await context.newPage();
      const landing = await rebound.goto(`http://rebind.test:${endpointPort}/_local/health`);
      const sameOriginPost = await rebound.evaluate(async (body) => {
        const answer = await fetch('/v1/submitjob', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
        return { status: answer.status, text: await answer.text() };
      }, submit('rebound'));

      // THEN every attempt was refused: no job exists, no process wrote its file
      expect(results).toEqual(['no-cors: sent', 'cors: TypeError', 'form: submitted']);
      expect(landing?.status()).toBe(403);
      expect(sameOriginPost.status).toBe(403);
      expect(JSON.parse(sameOriginPost.text).message).toContain("Host: 'rebind.test");
      expect([...runtime.host.backend.allJobs()]).toEqual([]);
      expect(fs.readdirSync(outbox)).toEqual([]);

      // AND a client (no browser signals) is still served and its job runs, so the check above could fail
      const served = await rawRequest(endpoint, 'POST', '/v1/submitjob', submit('client'));
      await pollUntil(async () => runtime.host.backend.job(served.body.jobId)?.status, (status) => status === 'SUCCEEDED' || status === 'FAILED', 30_000);
      expect(fs.readdirSync(outbox)).toEqual(['client']);
    } finally {
      await context.close();
      await new Promise((resolve) => pageServer.close(resolve));
      await runtime.server.close();
      await runtime.dispose();
      root.remove();
    }
  });
});
