import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { serve } from '../../../src/cli/commands/serve';
import { recordingIo, SMALL_STACK } from '../../cli/cli-fixture';
import { rawRequest } from '../api/endpoint-fixture';

describe('serve --state-dir and fair share', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fair-share-durable-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('#11 §3, FS-1, FS-4, FS-8: a restart keeps the scheduling policy, the fair-share queue and the shares\' usage (the snapshot order)', async () => {
    // GIVEN a virtual-clock server with a policy and a fair-share queue where teamA ran 8 jobs; then the
    // compute environment is disabled, so jobs of both shares wait RUNNABLE and none is RUNNING at the restart
    const options = { template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated' as const, clock: 'virtual' as const, stateDir: path.join(dir, 'state') };
    const post = (url: string, route: string, body: unknown): Promise<any> => rawRequest(url, 'POST', route, JSON.stringify(body)).then((r) => r.body);
    const first = await serve(options, recordingIo());
    const ce = (await post(first.url, '/v1/describecomputeenvironments', {})).computeEnvironments[0].computeEnvironmentArn;
    const { arn } = await post(first.url, '/v1/createschedulingpolicy', {
      name: 'teams', fairsharePolicy: { shareDecaySeconds: 600, shareDistribution: [{ shareIdentifier: 'teamB', weightFactor: 2 }] },
    });
    await post(first.url, '/v1/createjobqueue', { jobQueueName: 'fair', priority: 50, schedulingPolicyArn: arn, computeEnvironmentOrder: [{ order: 1, computeEnvironment: ce }] });
    for (let i = 0; i < 8; i++) await post(first.url, '/v1/submitjob', { jobName: `ran-${i}`, jobQueue: 'fair', jobDefinition: 'hello', shareIdentifier: 'teamA' });
    await post(first.url, '/_local/clock/advance', { seconds: 200 });
    await post(first.url, '/v1/updatecomputeenvironment', { computeEnvironment: ce, state: 'DISABLED' });
    const waiting: string[] = [];
    for (const share of ['teamA', 'teamB']) {
      for (let i = 0; i < 2; i++) waiting.push((await post(first.url, '/v1/submitjob', { jobName: `${share}-${i}`, jobQueue: 'fair', jobDefinition: 'hello', shareIdentifier: share })).jobId);
    }
    await post(first.url, '/_local/clock/advance', { seconds: 1 });
    const before = await post(first.url, '/v1/getjobqueuesnapshot', { jobQueue: 'fair' });
    const policyBefore = await post(first.url, '/v1/describeschedulingpolicies', { arns: [arn] });
    await first.close();

    // WHEN the server comes back on the same state directory
    const second = await serve(options, recordingIo());
    const after = await post(second.url, '/v1/getjobqueuesnapshot', { jobQueue: 'fair' });
    const policyAfter = await post(second.url, '/v1/describeschedulingpolicies', { arns: [arn] });
    const queue = (await post(second.url, '/v1/describejobqueues', { jobQueues: ['fair'] })).jobQueues[0];
    await second.close();

    // THEN
    // teamA's recent usage (decaying over 600 s) puts teamB first, though teamA submitted first (FS-4)
    const b0 = waiting[2];
    expect(before.frontOfQueue.jobs.map((job: { jobArn: string }) => job.jobArn.split('/')[1])).toEqual([b0, expect.any(String), expect.any(String), expect.any(String)]);
    expect(after).toEqual(before);
    expect(policyAfter).toEqual(policyBefore);
    expect(queue.schedulingPolicyArn).toBe(arn);
  }, 60_000);

  test('#21 §2, FS-4: a restart from a checkpoint keeps the shares\' decaying usage (the journal before it is gone)', async () => {
    // GIVEN a server that checkpoints at every rest point: teamA ran 8 jobs to the end (a rest point), then
    // the compute environment is disabled and one job of each share waits, teamA's submitted first
    const stateDir = path.join(dir, 'state');
    const options = { template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated' as const, clock: 'virtual' as const, stateDir, checkpointEvery: 0 };
    const post = (url: string, route: string, body: unknown): Promise<any> => rawRequest(url, 'POST', route, JSON.stringify(body)).then((r) => r.body);
    const first = await serve(options, recordingIo());
    const ce = (await post(first.url, '/v1/describecomputeenvironments', {})).computeEnvironments[0].computeEnvironmentArn;
    const { arn } = await post(first.url, '/v1/createschedulingpolicy', { name: 'teams', fairsharePolicy: { shareDecaySeconds: 3600 } });
    await post(first.url, '/v1/createjobqueue', { jobQueueName: 'fair', priority: 50, schedulingPolicyArn: arn, computeEnvironmentOrder: [{ order: 1, computeEnvironment: ce }] });
    for (let i = 0; i < 8; i++) await post(first.url, '/v1/submitjob', { jobName: `ran-${i}`, jobQueue: 'fair', jobDefinition: 'hello', shareIdentifier: 'teamA' });
    await post(first.url, '/_local/clock/run-until-idle', {});
    await post(first.url, '/v1/updatecomputeenvironment', { computeEnvironment: ce, state: 'DISABLED' });
    const a = (await post(first.url, '/v1/submitjob', { jobName: 'a', jobQueue: 'fair', jobDefinition: 'hello', shareIdentifier: 'teamA' })).jobId;
    const b = (await post(first.url, '/v1/submitjob', { jobName: 'b', jobQueue: 'fair', jobDefinition: 'hello', shareIdentifier: 'teamB' })).jobId;
    await post(first.url, '/_local/clock/advance', { seconds: 1 });
    const before = await post(first.url, '/v1/getjobqueuesnapshot', { jobQueue: 'fair' });
    await first.close();

    // WHEN the server comes back from its checkpoint
    const checkpoints = fs.readdirSync(stateDir).filter((name) => name.startsWith('checkpoint-'));
    const second = await serve(options, recordingIo());
    const after = await post(second.url, '/v1/getjobqueuesnapshot', { jobQueue: 'fair' });
    await second.close();

    // THEN teamA's recent usage still puts teamB first, as before the restart
    expect(checkpoints.length).toBeGreaterThan(0);
    expect(before.frontOfQueue.jobs.map((job: { jobArn: string }) => job.jobArn.split('/')[1])).toEqual([b, a]);
    expect(after).toEqual(before);
  }, 60_000);
});
