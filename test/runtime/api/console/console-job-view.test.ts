import { consoleCalls, startConsoleEndpoint, XSS_PROBE } from './console-fixture';
import { Endpoint, rawRequest } from '../endpoint-fixture';

describe('consoleJobView and consoleJobLogs (a job\'s page)', () => {
  let endpoint: Endpoint;
  beforeEach(async () => {
    endpoint = await startConsoleEndpoint();
  });
  afterEach(async () => {
    await endpoint.close();
    expect(endpoint.serverErrors).toEqual([]);
  });

  const { advance, submit } = consoleCalls(() => endpoint);

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
});
