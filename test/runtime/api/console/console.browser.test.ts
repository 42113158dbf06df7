import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { DescribeJobsCommand, ListJobsCommand } from '@aws-sdk/client-batch';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { consoleCalls, startConsoleEndpoint, XSS_PROBE } from './console-fixture';
import { JOB_STATUSES } from '../../../../src/runtime/core/model/job-status';
import { TemporaryWorkRoot } from '../../../temporary-work-root';
import { Endpoint, pollUntil, rawRequest } from '../endpoint-fixture';

/** What `read` answers once it answers `expected` (JSON-equal), or its last answer after 10 s: the page updates live. */
async function settled<T>(read: () => Promise<T>, expected: unknown): Promise<T> {
  const same = (value: T): boolean => JSON.stringify(value) === JSON.stringify(expected);
  return pollUntil(read, same, 10_000).catch(() => read());
}

/** The page's globals, inside page.evaluate (the test project has no DOM typings). */
declare const window: { __consoleXss?: number };
declare const document: { activeElement: { textContent: string | null; tagName: string } | null };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === 'true') {
  throw new Error(`${CHROMIUM} is missing; CI installs it (apt-get install -y --no-install-recommends chromium)`);
}
if (!haveChromium) process.stderr.write(`skipping the console browser tests: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH, or install chromium)\n`);
const describeBrowser = haveChromium ? describe : describe.skip;

const run = promisify(execFile);

/** boto3 with the endpoint's URL: `python3 -c BOTO3 URL OPERATION JSON` prints the answer as JSON. */
const BOTO3 = `
import json, sys, boto3
batch = boto3.client('batch', endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id='a', aws_secret_access_key='b')
print(json.dumps(getattr(batch, sys.argv[2])(**json.loads(sys.argv[3])), default=str))
`;

async function boto3(url: string, operation: string, input: Record<string, unknown>): Promise<any> {
  const { stdout } = await run('python3', ['-c', BOTO3, url, operation, JSON.stringify(input)]);
  return JSON.parse(stdout);
}

/** Set CONSOLE_SCREENSHOT=docs/console.png to write the README's screenshot. */
const SCREENSHOT = process.env.CONSOLE_SCREENSHOT;

describeBrowser('the local console in headless Chromium', () => {
  let endpoint: Endpoint;
  let work: TemporaryWorkRoot;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let foreignRequests: string[];
  /** Requests that change state, as the origin guard (issue #21) sees them: method, content type, Origin, Sec-Fetch-Site. */
  let writes: Array<{ url: string; contentType?: string; origin?: string; fetchSite?: string }>;
  let consoleReads: string[];

  beforeAll(async () => {
    work = new TemporaryWorkRoot('console-browser');
    context = await chromium.launchPersistentContext(path.join(work.path, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    work?.remove();
  });
  beforeEach(async () => {
    endpoint = await startConsoleEndpoint();
    page = await context.newPage();
    errors = [];
    foreignRequests = [];
    writes = [];
    consoleReads = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET') {
        request.allHeaders().then((headers) => writes.push({
          url: request.url(), contentType: headers['content-type'], origin: headers.origin, fetchSite: headers['sec-fetch-site'],
        })).catch(() => undefined);
      } else if (request.url().includes('/console/api/') && !request.url().endsWith('/events')) {
        consoleReads.push(request.url());
      }
    });
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => { if (!request.url().startsWith(`${endpoint.url}/`)) foreignRequests.push(request.url()); });
    page.on('dialog', (dialog) => dialog.accept());
  });
  afterEach(async () => {
    await page.close();
    await endpoint.close();
    // Every test: nothing left the origin, no console error, the XSS probe never ran.
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
    // Every change the page made was a same-origin JSON fetch: what the origin guard lets through, never a form post.
    for (const write of writes) expect(write).toEqual({ url: write.url, contentType: 'application/json', origin: endpoint.url, fetchSite: 'same-origin' });
    expect(endpoint.serverErrors).toEqual([]);
  });

  const { advance, submit } = consoleCalls(() => endpoint);
  const cell = (queue: string, status: string) => page.locator(`#queues tr[data-queue="${queue}"] td[data-status="${status}"]`);

  test('CON-2: the dashboard\'s counts equal ListJobs; a job submitted by boto3 appears without a reload', async () => {
    // GIVEN
    for (let i = 0; i < 3; i++) await submit({ jobName: `done-${i}` });
    await submit({ jobName: 'running', jobDefinition: 'slow' });
    await advance(1);
    await submit({ jobName: 'waiting', jobQueue: 'other' });

    // WHEN
    const started = Date.now();
    await page.goto(`${endpoint.url}/`);
    await page.locator('#queues').waitFor();
    const loadMs = Date.now() - started;

    // THEN every count is ListJobs'
    for (const queue of ['work', 'other']) {
      for (const status of JOB_STATUSES) {
        const listed = await endpoint.batch.send(new ListJobsCommand({ jobQueue: queue, jobStatus: status, maxResults: 1000 }));
        expect([queue, status, await cell(queue, status).textContent()]).toEqual([queue, status, String(listed.jobSummaryList!.length)]);
      }
    }
    expect(page.url()).toBe(`${endpoint.url}/console/`);
    process.stderr.write(`console dashboard load in Chromium: ${loadMs} ms\n`);

    // WHEN boto3 submits while the page is open
    await boto3(endpoint.url, 'submit_job', { jobName: 'from-boto3', jobQueue: 'other', jobDefinition: 'quick' });

    // THEN the count moves, with no reload
    expect(await settled(() => cell('other', 'SUBMITTED').textContent(), '2')).toBe('2');
    if (SCREENSHOT) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    }
  });

  test('CON-4: a burst of 300 jobs running to the end costs the open dashboard a few refreshes, and a quiet runtime none', async () => {
    // GIVEN the dashboard, open and settled
    await page.goto(`${endpoint.url}/console/`);
    await page.locator('#queues').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const atRest = consoleReads.length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const whileQuiet = consoleReads.length - atRest;

    // WHEN 300 jobs are submitted and run to the end (1,500 state changes)
    for (let i = 0; i < 300; i++) endpoint.host.backend.submitJob({ jobName: `burst-${i}`, jobQueue: 'work', jobDefinition: 'quick' });
    await rawRequest(endpoint.url, 'POST', '/_local/clock/run-until-idle', '{}');
    const counts = await settled(() => cell('work', 'SUCCEEDED').textContent(), '300');
    await new Promise((resolve) => setTimeout(resolve, 500));

    // THEN the page shows the end state, after a handful of overview reads (one per change event at most)
    expect(counts).toBe('300');
    expect(whileQuiet).toBe(0);
    expect(consoleReads.length - atRest).toBeLessThanOrEqual(6);
    expect(consoleReads.length - atRest).toBeGreaterThan(0);
  });

  test('CON-1: on the virtual clock the dashboard\'s Advance and Run until idle buttons move time and the counts follow', async () => {
    // GIVEN a waiting job and a slow one
    await submit({ jobName: 'quick' });
    await submit({ jobName: 'slow', jobDefinition: 'slow' });
    await page.goto(`${endpoint.url}/console/`);
    await page.locator('#queues').waitFor();

    // WHEN 10 s pass by the Advance button
    await page.getByLabel('Seconds').fill('10');
    await page.getByRole('button', { name: 'Advance' }).click();

    // THEN
    expect(await settled(() => page.locator('#clock-now').textContent(), '2020-01-01 00:00:10 UTC')).toBe('2020-01-01 00:00:10 UTC');
    expect(await settled(() => cell('work', 'RUNNING').textContent(), '1')).toBe('1');

    // WHEN the rest runs
    await page.getByRole('button', { name: 'Run until idle' }).click();

    // THEN
    expect(await settled(() => cell('work', 'SUCCEEDED').textContent(), '2')).toBe('2');
    expect((await endpoint.batch.send(new ListJobsCommand({ jobQueue: 'work', jobStatus: 'SUCCEEDED' }))).jobSummaryList).toHaveLength(2);
    expect(writes.map((write) => new URL(write.url).pathname)).toEqual(['/_local/clock/advance', '/_local/clock/run-until-idle']);
  });

  test('CON-3: the jobs page filters on the server and shows a new job live; the Submit form creates a job boto3 sees', async () => {
    // GIVEN
    for (let i = 0; i < 3; i++) await submit({ jobName: `etl-${i}` });
    await submit({ jobName: 'report' });
    await page.goto(`${endpoint.url}/console/queues/work?prefix=etl`);

    // THEN
    expect(await settled(() => page.locator('#jobs tbody tr').count(), 3)).toBe(3);
    await submit({ jobName: 'etl-live' });
    expect(await settled(() => page.locator('#jobs tbody tr').count(), 4)).toBe(4);

    // WHEN the form is filled in and sent
    await page.goto(`${endpoint.url}/console/submit`);
    await page.getByLabel('Job name').fill('from-form');
    await page.getByLabel('Job queue').selectOption('other');
    await page.getByLabel('Job definition').selectOption('slow');
    await page.getByLabel('Parameters').fill('greeting=hi there');
    await page.getByRole('button', { name: 'Submit job' }).click();
    await page.waitForURL(/\/console\/jobs\//);

    // THEN boto3 sees it
    const jobId = decodeURIComponent(page.url().split('/').pop()!);
    const [described] = (await boto3(endpoint.url, 'describe_jobs', { jobs: [jobId] })).jobs;
    expect([described.jobName, described.parameters]).toEqual(['from-form', { greeting: 'hi there' }]);
    expect(await settled(() => page.locator('h1').textContent(), 'from-form')).toBe('from-form');
  });

  test('LIFE-7: Cancel and Terminate on the job page stop the job, and DIAG-2 says why a job waits', async () => {
    // GIVEN a waiting job and a running one
    const running = await submit({ jobName: 'to-terminate', jobDefinition: 'slow' });
    await advance(1);
    const waiting = await submit({ jobName: 'to-cancel' });
    const queued = await submit({ jobName: 'queued', dependsOn: [{ jobId: running.jobId }] });

    // WHEN
    await page.goto(`${endpoint.url}/console/jobs/${queued.jobId}`);
    const explanation = await page.locator('#explanation').textContent();
    expect(explanation).toEqual(expect.stringMatching(/\S/));
    await page.goto(`${endpoint.url}/console/jobs/${waiting.jobId}`);
    await page.locator('#stop-reason').fill('not needed');
    await page.locator('#cancel-job').click();
    await page.goto(`${endpoint.url}/console/jobs/${running.jobId}`);
    await page.locator('#stop-reason').fill(XSS_PROBE);
    await page.locator('#terminate-job').click();
    await advance(60);

    // THEN
    const described = (await endpoint.batch.send(new DescribeJobsCommand({ jobs: [waiting.jobId!, running.jobId!] }))).jobs!;
    expect(described.map((job) => [job.jobName, job.status, job.statusReason])).toEqual([
      ['to-cancel', 'FAILED', 'not needed'],
      ['to-terminate', 'FAILED', XSS_PROBE],
    ]);
    const status = await pollUntil(() => page.locator('#job-status').textContent(), (text) => text?.includes('FAILED') === true, 10_000);
    expect(status).toContain(XSS_PROBE);
    expect(writes.map((write) => new URL(write.url).pathname)).toEqual(['/v1/canceljob', '/v1/terminatejob']);
    expect(await page.evaluate(() => window.__consoleXss)).toBeUndefined();
  });

  test('CON-5: live log lines appear as they are written, the XSS probe as its characters', async () => {
    // GIVEN a job page open before the job runs
    const { jobId } = await submit({ jobName: 'chatty', jobDefinition: 'chatty' });
    await page.goto(`${endpoint.url}/console/jobs/${jobId}`);
    await page.locator('h1', { hasText: 'chatty' }).waitFor();

    // WHEN the job starts and writes
    await advance(1);

    // THEN
    expect(await settled(() => page.locator('#log-lines li .message').allTextContents(), [XSS_PROBE, 'second line'])).toEqual([XSS_PROBE, 'second line']);
    expect(await page.locator('#log-lines img').count()).toBe(0);
    expect(await page.evaluate(() => window.__consoleXss)).toBeUndefined();
  });

  test('CON-5: keyboard only: Tab and Enter reach every page from the dashboard', async () => {
    // GIVEN
    const { jobId } = await submit({ jobName: 'keyboard' });
    await page.goto(`${endpoint.url}/console/`);
    await page.locator('#queues').waitFor();

    /** Presses Tab until the focused element's text is `text`, then Enter; fails after 60 presses. */
    const follow = async (text: string): Promise<void> => {
      for (let presses = 0; presses < 60; presses++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
        if (focused === text) {
          await page.keyboard.press('Enter');
          return;
        }
      }
      throw new Error(`no focusable element with text ${JSON.stringify(text)} within 60 Tab presses`);
    };

    // WHEN / THEN
    for (const [link, heading] of [['Job definitions', 'Job definitions'], ['quick', 'quick'], ['Compute environments', 'Compute environments'],
      ['ce', 'ce'], ['Submit job', 'Submit job'], ['Dashboard', 'Dashboard'], ['work', 'Jobs in work'], ['keyboard', 'keyboard']]) {
      await follow(link);
      expect(await settled(() => page.locator('h1').textContent(), heading)).toBe(heading);
    }
    expect(decodeURIComponent(page.url())).toBe(`${endpoint.url}/console/jobs/${jobId}`);
  });
});
