import * as path from 'path';
import { EndpointHost } from '../../../../src/runtime/api/host/endpoint-host';
import { fastSimulatedExecutor, pollUntil } from '../endpoint-fixture';

const FIXTURE = path.join(__dirname, '..', '..', '..', 'cli', 'fixtures', 'small-stack.template.json');

describe('EndpointHost', () => {
  test('loads a template file through the backend operations and runs jobs on the wall clock', async () => {
    // GIVEN
    const host = EndpointHost.create({ executor: fastSimulatedExecutor(), environment: { account: '111122223333', region: 'eu-west-1' } });

    // WHEN
    const loaded = host.loadTemplateFile(FIXTURE);
    const { jobId } = host.backend.submitJob({ jobName: 'j', jobQueue: 'first-run-job-queue', jobDefinition: 'hello' });
    const status = await pollUntil(() => Promise.resolve(host.backend.job(jobId)!.status), (s) => s === 'SUCCEEDED');
    host.dispose();

    // THEN
    expect(status).toBe('SUCCEEDED');
    expect(loaded.batchResources.get('Queue')).toBe('arn:aws:batch:eu-west-1:111122223333:job-queue/first-run-job-queue');
    expect(host.backend.job(jobId)!.createdAt).toBeGreaterThan(Date.UTC(2024, 0, 1));
  });

  test('CE-1, DIAG-1: the fixture loads with its INVALID compute environment reported, not rejected', () => {
    const host = EndpointHost.create({ executor: fastSimulatedExecutor() });
    host.loadTemplateFile(FIXTURE);
    host.dispose();
    expect(host.backend.describeComputeEnvironments({ computeEnvironments: ['broken-ce'] }).computeEnvironments[0].status).toBe('INVALID');
  });

  test('#11 §2: on the virtual clock nothing fires on its own; advance runs what falls due and moves now by exactly the window', async () => {
    // GIVEN
    const host = EndpointHost.create({ executor: fastSimulatedExecutor(), clock: 'virtual' });
    host.loadTemplateFile(FIXTURE);
    const { jobId } = host.backend.submitJob({ jobName: 'j', jobQueue: 'first-run-job-queue', jobDefinition: 'hello' });
    const start = host.clockState().now;

    // WHEN
    await new Promise((resolve) => setTimeout(resolve, 100));
    const untouched = host.backend.job(jobId)!.status;
    const state = host.advance(10_000);
    host.dispose();

    // THEN
    expect(untouched).toBe('SUBMITTED');
    expect(state.now).toBe(start + 10_000);
    expect(state.mode).toBe('virtual');
    expect(host.backend.job(jobId)!.status).toBe('SUCCEEDED');
  });

  test('#11 §3: a wall-replayable clock reads as wall, runs events at their own times, and catchUp brings it to the wall clock', () => {
    // GIVEN
    const before = Date.now();
    const host = EndpointHost.create({ executor: fastSimulatedExecutor(), clock: 'wall-replayable' });
    host.loadTemplateFile(FIXTURE);
    const { jobId } = host.backend.submitJob({ jobName: 'j', jobQueue: 'first-run-job-queue', jobDefinition: 'hello' });

    // WHEN
    host.catchUp(host.clockState().now + 60_000);
    const state = host.clockState();
    host.dispose();

    // THEN
    expect(state.mode).toBe('wall');
    expect(state.now).toBeGreaterThanOrEqual(before + 60_000);
    const job = host.backend.job(jobId)!;
    expect(job.status).toBe('SUCCEEDED');
    expect(job.stoppedAt! - job.startedAt!).toBe(50); // the behaviour's 50 ms, not however long the machine took
    expect(() => host.advance(1)).toThrow('the clock is in wall mode');
  });
});
