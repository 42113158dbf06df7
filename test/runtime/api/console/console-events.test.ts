import { consoleCalls, openEvents, startConsoleEndpoint } from './console-fixture';
import { Endpoint } from '../endpoint-fixture';

describe('ConsoleEvents (live updates by server-sent events)', () => {
  let endpoint: Endpoint;
  beforeEach(async () => {
    endpoint = await startConsoleEndpoint();
  });
  afterEach(async () => {
    await endpoint.close();
    expect(endpoint.serverErrors).toEqual([]);
  });

  const { submit } = consoleCalls(() => endpoint);

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
});
