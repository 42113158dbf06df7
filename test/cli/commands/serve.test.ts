import { execFile, spawn } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';
import { BatchClient, DescribeJobQueuesCommand, DescribeJobsCommand, SubmitJobCommand } from '@aws-sdk/client-batch';
import { serve } from '../../../src/cli/commands/serve';
import { recordingIo, SMALL_STACK } from '../cli-fixture';

const ROOT = path.join(__dirname, '..', '..', '..');

function client(url: string): BatchClient {
  return new BatchClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
}

describe('batch-local serve', () => {
  test('loads the template, prints the endpoint as JSON, answers AWS SDK calls, and close() terminates unfinished jobs', async () => {
    // GIVEN
    const io = recordingIo();
    const handle = await serve({ template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated', json: true }, io);
    const batch = client(handle.url);

    // WHEN
    const printed = JSON.parse(io.stdout.join(''));
    const queues = await batch.send(new DescribeJobQueuesCommand({}));
    const { jobId } = await batch.send(new SubmitJobCommand({ jobName: 'stuck', jobQueue: 'broken-queue', jobDefinition: 'hello' }));
    await handle.close();

    // THEN
    expect(printed).toEqual({ endpoint: handle.url, stack: 'small-stack', executor: 'simulated', computeEnvironments: 2, jobQueues: 2, jobDefinitions: 3 });
    expect(queues.jobQueues!.map((q) => q.jobQueueName)).toEqual(['first-run-job-queue', 'broken-queue']);
    expect(io.stderr).toEqual([]);
    await expect(batch.send(new DescribeJobsCommand({ jobs: [jobId!] }))).rejects.toThrow(); // closed
    batch.destroy();
  });

  test('warns when bound to an address other than loopback', async () => {
    // GIVEN
    const io = recordingIo();

    // WHEN
    const handle = await serve({ template: SMALL_STACK, port: 0, host: '0.0.0.0', executor: 'process' }, io);
    await handle.close();

    // THEN
    expect(io.stderr.join('\n')).toMatch(/^WARNING: batch-local is listening on 0\.0\.0\.0, not on loopback: .*as processes on this machine; credentials are not checked\.$/);
    expect(io.stdout[0]).toMatch(/^batch-local: AWS Batch and CloudWatch Logs endpoint at http:\/\/0\.0\.0\.0:\d+$/);
  });

  test('a template that does not load is an error naming the resource, and nothing listens', async () => {
    await expect(serve({ template: path.join(__dirname, 'missing.json'), port: 0, host: '127.0.0.1', executor: 'simulated' }, recordingIo()))
      .rejects.toThrow('missing.json: no such file or directory');
  });

  test('the batch-local process prints its URL, serves, and exits 0 on SIGTERM', async () => {
    // GIVEN
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/batch-local.ts', 'serve', '--template', SMALL_STACK, '--port', '0', '--executor', 'simulated', '--json',
      '--allow-host', 'batch.test'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    // WHEN
    const started = Date.now();
    while (!stdout.includes('}') && Date.now() - started < 60_000 && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    const { endpoint } = JSON.parse(stdout);
    const queues = await promisify(execFile)('curl', ['-s', '-X', 'POST', `${endpoint}/v1/describejobqueues`]);
    const allowedName = await promisify(execFile)('curl', ['-s', '-H', 'Host: batch.test', '-X', 'POST', `${endpoint}/v1/describejobqueues`]);
    const otherName = await promisify(execFile)('curl', ['-s', '-H', 'Host: other.test', '-X', 'POST', `${endpoint}/v1/describejobqueues`]);
    const formPost = await promisify(execFile)('curl', ['-s', '-d', '{}', `${endpoint}/v1/describejobqueues`]);
    child.kill('SIGTERM');
    const code = await exited;

    // THEN
    expect(JSON.parse(queues.stdout).jobQueues).toHaveLength(2);
    // #21 §1: --allow-host adds a name; other names (DNS rebinding) and curl's default form type are refused
    expect(JSON.parse(allowedName.stdout).jobQueues).toHaveLength(2);
    expect(JSON.parse(otherName.stdout)).toEqual({ __type: 'AccessDeniedException', message: expect.stringContaining("Host: 'other.test'") });
    expect(JSON.parse(formPost.stdout).message).toContain("Content-Type: 'application/x-www-form-urlencoded'");
    expect(code).toBe(0);
    expect(stderr).toContain('batch-local: SIGTERM, shutting down');
  }, 90_000);
});
