import * as http from 'http';
import * as path from 'path';
import { ListJobsCommand, SubmitJobCommand } from '@aws-sdk/client-batch';
import { startConsoleEndpoint, XSS_PROBE } from './console-fixture';
import { createRuntime } from '../../../../src/runtime/api/create-runtime';
import { JOB_STATUSES } from '../../../../src/runtime/core/model/job-status';
import { TemporaryWorkRoot } from '../../../temporary-work-root';
import { Endpoint, rawRequest } from '../endpoint-fixture';

/** An open event stream: the events received so far, by name. */
interface EventStream {
  readonly events: Array<{ event: string; data: any }>;
  next(name: string, timeoutMs?: number): Promise<any>;
  close(): void;
}

function openEvents(url: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const events: Array<{ event: string; data: any }> = [];
    const waiters: Array<() => void> = [];
    let consumed = 0; // events before this index were returned by next()
    const request = http.get(`${url}/console/api/events`, { headers: { Accept: 'text/event-stream' } }, (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          for (const waiter of waiters.splice(0)) waiter();
        }
      });
      const stream: EventStream = {
        events,
        next: (name, timeoutMs = 5_000) => new Promise((resolveEvent, rejectEvent) => {
          const timer = setTimeout(() => rejectEvent(new Error(`no ${name} event within ${timeoutMs} ms; got ${JSON.stringify(events)}`)), timeoutMs);
          const check = (): void => {
            const index = events.findIndex((e, i) => i >= consumed && e.event === name);
            if (index >= 0) {
              consumed = index + 1;
              clearTimeout(timer);
              resolveEvent(events[index].data);
            } else {waiters.push(check);}
          };
          check();
        }),
        close: () => request.destroy(),
      };
      resolve(stream);
    });
    request.on('error', reject);
  });
}

describe('ConsoleRoutes (the local console under /console/)', () => {
  let endpoint: Endpoint;
  beforeEach(async () => {
    endpoint = await startConsoleEndpoint();
  });
  afterEach(async () => {
    await endpoint.close();
    expect(endpoint.serverErrors).toEqual([]);
  });

  const advance = (seconds: number) => rawRequest(endpoint.url, 'POST', '/_local/clock/advance', JSON.stringify({ seconds }));
  const submit = (input: Record<string, unknown>) => endpoint.batch.send(new SubmitJobCommand({ jobName: 'job', jobQueue: 'work', jobDefinition: 'quick', ...input } as any));

  test('CON-1: a browser opening / is sent to /console/; a request without text/html still gets the AWS answer', async () => {
    // WHEN
    const browser = await rawRequest(endpoint.url, 'GET', '/', undefined, { Accept: 'text/html,application/xhtml+xml' });
    const sdk = await rawRequest(endpoint.url, 'GET', '/');
    const bare = await rawRequest(endpoint.url, 'GET', '/console');

    // THEN
    expect([browser.status, browser.headers.location]).toEqual([302, '/console/']);
    expect([bare.status, bare.headers.location]).toEqual([302, '/console/']);
    expect(sdk.status).toBe(404);
    expect(sdk.body.__type).toBe('UnknownOperationException');
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

  test('CON-1: assets are served with an ETag (a reload is a 304); names outside the folder are 404', async () => {
    // WHEN
    const script = await rawRequest(endpoint.url, 'GET', '/console/assets/app.js');
    const again = await rawRequest(endpoint.url, 'GET', '/console/assets/app.js', undefined, { 'If-None-Match': String(script.headers.etag) });
    const escape = await rawRequest(endpoint.url, 'GET', '/console/assets/..%2Fconsole-routes.ts');
    const unknown = await rawRequest(endpoint.url, 'GET', '/console/assets/nope.js');

    // THEN
    expect([script.status, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(again.status).toBe(304);
    expect([escape.status, unknown.status]).toEqual([404, 404]);
  });

  test('CON-1: the console\'s routes only read: a POST is a 405 and creates nothing', async () => {
    // WHEN
    const answer = await rawRequest(endpoint.url, 'POST', '/console/api/overview', JSON.stringify({ jobName: 'x' }));

    // THEN
    expect(answer.status).toBe(405);
    expect(answer.body.message).toContain('only read');
    expect([...endpoint.host.backend.allJobs()]).toEqual([]);
  });

  test('CON-2: the dashboard counts each queue\'s jobs per status exactly as ListJobs lists them', async () => {
    // GIVEN jobs in several states, an array parent among them
    for (let i = 0; i < 5; i++) await submit({ jobName: `quick-${i}` });
    await submit({ jobName: 'slow', jobDefinition: 'slow' });
    await submit({ jobName: 'array', arrayProperties: { size: 3 } });
    await submit({ jobName: 'elsewhere', jobQueue: 'other', jobDefinition: 'slow' });
    await advance(1);
    await submit({ jobName: 'late' });

    // WHEN
    const overview = (await rawRequest(endpoint.url, 'GET', '/console/api/overview')).body;

    // THEN
    for (const queue of overview.queues) {
      for (const status of JOB_STATUSES) {
        const listed = await endpoint.batch.send(new ListJobsCommand({ jobQueue: queue.name, jobStatus: status, maxResults: 1000 }));
        expect([queue.name, status, queue.counts[status]]).toEqual([queue.name, status, listed.jobSummaryList!.length]);
      }
    }
    expect(overview.queues.find((q: any) => q.name === 'work').counts).toMatchObject({ SUCCEEDED: 6, RUNNING: 1, SUBMITTED: 1 });
    const ce = overview.computeEnvironments[0];
    expect(ce).toMatchObject({ name: 'ce', state: 'ENABLED', minvCpus: 0, maxvCpus: 8, vcpusInUse: 2, memoryMiBInUse: 1024 });
    expect(ce.instances).toBeGreaterThan(0);
  });

  test('CON-4: a submitted job and its state changes reach an open event stream, a burst as one event', async () => {
    // GIVEN
    const events = await openEvents(endpoint.url);
    try {
      await events.next('hello');

      // WHEN one job is submitted
      const { jobId } = await submit({ jobName: 'seen' });
      const first = await events.next('change');

      // THEN
      expect(first).toMatchObject({ queues: ['work'], jobs: [jobId], truncated: false });

      // WHEN 300 jobs move at once
      const burst = Array.from({ length: 300 }, (_, i) => endpoint.host.backend.submitJob({ jobName: `burst-${i}`, jobQueue: 'other', jobDefinition: 'quick' }));
      const second = await events.next('change');

      // THEN one event says more changed than it lists
      expect(burst).toHaveLength(300);
      expect(second.truncated).toBe(true);
      expect(second.jobs.length).toBeLessThanOrEqual(200);
    } finally {
      events.close();
    }
  });

  test('CON-4: closing the server ends open event streams (they do not keep it open)', async () => {
    // GIVEN
    const events = await openEvents(endpoint.url);
    await events.next('hello');

    // WHEN / THEN close resolves
    await endpoint.close();
    expect(endpoint.server.console.events.clientCount).toBe(0);
    endpoint = await startConsoleEndpoint(); // for afterEach
  });

  test('DIAG-2: a job\'s view has dependencies both ways, the explanation while it waits, and its log lines as text', async () => {
    // GIVEN
    const first = await submit({ jobName: 'first', jobDefinition: 'chatty', parameters: { greeting: XSS_PROBE } });
    const second = await submit({ jobName: 'second', dependsOn: [{ jobId: first.jobId }] });

    // WHEN
    const waiting = (await rawRequest(endpoint.url, 'GET', `/console/api/jobs/${second.jobId}`)).body;
    await advance(1);
    const running = (await rawRequest(endpoint.url, 'GET', `/console/api/jobs/${first.jobId}`)).body;
    const logs = (await rawRequest(endpoint.url, 'GET', `/console/api/jobs/${first.jobId}/logs?stream=${encodeURIComponent(running.logStreams[0])}&from=0`)).body;

    // THEN
    expect(waiting.dependsOn).toEqual([{ jobId: first.jobId, jobName: 'first', status: 'SUBMITTED' }]);
    expect(waiting.explanation).toEqual(expect.any(String));
    expect(running.dependents).toEqual([{ jobId: second.jobId, jobName: 'second', status: 'PENDING' }]);
    expect(running.job.parameters.greeting).toBe(XSS_PROBE);
    expect(logs.lines.map((line: any) => line.message)).toEqual([XSS_PROBE, 'second line']);
    expect(logs.next).toBe(2);
  });

  test('CON-1: an unknown job is a 404 naming it; a stream of another job is a 400', async () => {
    // GIVEN
    const { jobId } = await submit({});

    // WHEN
    const unknown = await rawRequest(endpoint.url, 'GET', '/console/api/jobs/no-such-job');
    const stream = await rawRequest(endpoint.url, 'GET', `/console/api/jobs/${jobId}/logs?stream=other&from=0`);

    // THEN
    expect([unknown.status, unknown.body.message]).toEqual([404, expect.stringContaining('"no-such-job"')]);
    expect([stream.status, stream.body.message]).toEqual([400, expect.stringContaining('"other" is not a log stream')]);
  });

  test('CON-1: a compute environment\'s view lists its instances and the jobs on each', async () => {
    // GIVEN
    const { jobId } = await submit({ jobName: 'on-instance', jobDefinition: 'slow' });
    await advance(1);

    // WHEN
    const view = (await rawRequest(endpoint.url, 'GET', '/console/api/compute-environments/ce')).body;

    // THEN
    const withJob = view.instances.filter((instance: any) => instance.jobs.length > 0);
    expect(withJob).toHaveLength(1);
    expect(withJob[0].jobs).toEqual([expect.objectContaining({ jobId, jobName: 'on-instance', status: 'RUNNING', vcpus: 1, memoryMiB: 512 })]);
    expect(view.described.computeEnvironmentName).toBe('ce');
  });
});

describe('the console of a durable endpoint (serve --state-dir)', () => {
  test('CON-2: after a restart the dashboard says what was restored and counts the restored jobs', async () => {
    // GIVEN a job submitted to a durable endpoint, which then stops
    const state = new TemporaryWorkRoot('console-state');
    const options = {
      templateFile: path.join(__dirname, '..', '..', '..', 'cli', 'fixtures', 'small-stack.template.json'),
      executor: 'simulated' as const,
      clock: 'virtual' as const,
      stateDir: state.path,
    };
    try {
      const first = createRuntime(options);
      const firstUrl = await first.server.listen(0);
      const submitted = await rawRequest(firstUrl, 'POST', '/v1/submitjob', JSON.stringify({ jobName: 'kept', jobQueue: 'first-run-job-queue', jobDefinition: 'hello' }));
      expect(submitted.status).toBe(200);
      await first.server.close();
      await first.dispose();

      // WHEN it starts again
      const second = createRuntime(options);
      const url = await second.server.listen(0);
      const overview = (await rawRequest(url, 'GET', '/console/api/overview')).body;
      await second.server.close();
      await second.dispose();

      // THEN
      expect(overview.restored).toEqual({ requests: 1, jobsRecovered: 1, attemptsLost: 0 });
      expect(overview.queues.find((queue: any) => queue.name === 'first-run-job-queue').counts.SUBMITTED).toBe(1);
    } finally {
      state.remove();
    }
  });
});
