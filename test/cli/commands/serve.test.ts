import { execFile, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { BatchClient, DescribeJobQueuesCommand, DescribeJobsCommand, SubmitJobCommand } from '@aws-sdk/client-batch';
import { AWS_CLIENT_ENVIRONMENT } from '../../../src/cli/aws-client-environment';
import { serve } from '../../../src/cli/commands/serve';
import { conformanceTemplate } from '../../runtime/executors/conformance';
import { addEksQueue, podResources } from '../../runtime/executors/multi-container-conformance';
import { TS_NODE_REGISTER } from '../../ts-node-cache/ts-node-register';
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

  test('LIFE-4: GIVEN --job-retention 120 on the virtual clock WHEN a finished job is 120 s old THEN DescribeJobs no longer returns it, and did at 119 s', async () => {
    // GIVEN
    const handle = await serve({ template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated', clock: 'virtual', defaultDuration: 30, jobRetention: 120 }, recordingIo());
    const batch = client(handle.url);
    const local = (route: string, body: unknown): Promise<Response> => fetch(`${handle.url}/_local/clock/${route}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    const { jobId } = await batch.send(new SubmitJobCommand({ jobName: 'done', jobQueue: 'first-run-job-queue', jobDefinition: 'hello' }));
    await local('advance', { seconds: 60 }); // not run-until-idle: that also runs the idle instance's 5-minute scale-down
    const [finished] = (await batch.send(new DescribeJobsCommand({ jobs: [jobId!] }))).jobs!;

    // WHEN
    const { now } = await (await fetch(`${handle.url}/_local/clock`)).json() as { now: number };
    await local('advance', { seconds: (finished.stoppedAt! - now) / 1000 + 119 });
    const before = (await batch.send(new DescribeJobsCommand({ jobs: [jobId!] }))).jobs!;
    await local('advance', { seconds: 1 });
    const after = (await batch.send(new DescribeJobsCommand({ jobs: [jobId!] }))).jobs!;
    await handle.close();
    batch.destroy();

    // THEN
    expect(finished.status).toBe('SUCCEEDED');
    expect(before.map((job) => job.jobId)).toEqual([jobId]);
    expect(after).toEqual([]);
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

  test('--verbose prints a line per request on stderr after it is answered: method, operation, status and milliseconds', async () => {
    // GIVEN
    const io = recordingIo();
    const handle = await serve({ template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated', json: true, verbose: true }, io);
    const batch = client(handle.url);

    // WHEN
    await batch.send(new DescribeJobQueuesCommand({}));
    await batch.send(new SubmitJobCommand({ jobName: 'x', jobQueue: 'no-such-queue', jobDefinition: 'hello' })).catch(() => undefined);
    await fetch(`${handle.url}/_local/health`);
    await handle.close();
    batch.destroy();

    // THEN
    expect(io.stderr).toEqual([
      expect.stringMatching(/^POST DescribeJobQueues 200 \d+\.\d ms$/),
      expect.stringMatching(/^POST SubmitJob 400 \d+\.\d ms$/),
      expect.stringMatching(/^GET local:\/health 200 \d+\.\d ms$/),
    ]);
    expect(JSON.parse(io.stdout.join(''))).toMatchObject({ endpoint: handle.url }); // stdout stays one JSON document
  });

  test('--run-here is for the process executor only: with another it is a usage error', async () => {
    await expect(serve({ template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated', runHere: true }, recordingIo()))
      .rejects.toThrow('--run-here works with --executor process only (not simulated)');
  });

  test('issue #25: the banner prints the one-line environment the AWS CLI needs without AWS config, the same line as the README', async () => {
    // GIVEN
    const io = recordingIo();

    // WHEN
    const handle = await serve({ template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated' }, io);
    await handle.close();

    // THEN a region and credentials, any values, as one line to paste
    expect(AWS_CLIENT_ENVIRONMENT).toMatch(/^export AWS_DEFAULT_REGION=\S+ AWS_ACCESS_KEY_ID=\S+ AWS_SECRET_ACCESS_KEY=\S+$/);
    expect(io.stdout.join('\n')).toContain(`no AWS configuration on this machine? ${AWS_CLIENT_ENVIRONMENT}`);
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(AWS_CLIENT_ENVIRONMENT);
  });

  test('issue #25: on a machine without AWS config, the banner\'s line is all the AWS CLI needs to call the endpoint', async () => {
    // GIVEN a HOME without ~/.aws and no AWS_* variables
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'no-aws-config-'));
    const bare = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
    const handle = await serve({ template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated' }, recordingIo());
    try {
      // WHEN the line is pasted before the README's command
      const { stdout } = await promisify(execFile)('bash', ['-c', `${AWS_CLIENT_ENVIRONMENT} && aws batch describe-job-queues --endpoint-url ${handle.url} --output json`],
        { env: { ...bare, HOME: home, AWS_PAGER: '' } });

      // THEN the CLI answers with the template's queues
      expect(JSON.parse(stdout).jobQueues.map((q: { jobQueueName: string }) => q.jobQueueName)).toEqual(['first-run-job-queue', 'broken-queue']);
    } finally {
      await handle.close();
      fs.rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);

  describe('issue #25: --behaviors keys are checked against the template, as the facade checks them', () => {
    let dir: string;
    beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-behaviors-')); });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const behaviorsFile = (json: object): string => {
      const file = path.join(dir, 'behaviors.json');
      fs.writeFileSync(file, JSON.stringify(json));
      return file;
    };

    test('GIVEN keys of another stack WHEN serve starts THEN each is a warning naming the key; a logical id key resolves and applies', async () => {
      // GIVEN a logical id of this template, a definition of another stack, an image nobody uses
      const behaviors = behaviorsFile({ byJobDefinition: { 'Hello': { exitCode: 3 }, 'JobB-CPU-Intensive-Processing': { durationSeconds: 600 } }, byImage: { 'nginx:latest': {} } });
      const io = recordingIo();

      // WHEN
      const handle = await serve({ template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated', clock: 'virtual', behaviors }, io);
      const batch = client(handle.url);
      const { jobId } = await batch.send(new SubmitJobCommand({ jobName: 'h', jobQueue: 'Queue', jobDefinition: 'hello' }));
      await fetch(`${handle.url}/_local/clock/run-until-idle`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      const job = (await batch.send(new DescribeJobsCommand({ jobs: [jobId!] }))).jobs![0];
      batch.destroy();
      await handle.close();

      // THEN
      const warnings = io.stderr.filter((line) => line.startsWith('warning: '));
      expect(warnings).toHaveLength(2);
      expect(warnings[0]).toContain('byJobDefinition["JobB-CPU-Intensive-Processing"]');
      expect(warnings[0]).toContain('Its behaviour is never used.');
      expect(warnings[1]).toContain('byImage["nginx:latest"]: no job definition of the template uses image "nginx:latest"; images: busybox');
      expect(job.container?.exitCode).toBe(3); // 'Hello' (a logical id) resolved to the definition named hello
    });

    test('GIVEN --strict-behaviors or "strict": true WHEN a key matches nothing THEN serve refuses to start, naming the key', async () => {
      const unmatched = { byJobDefinition: { 'JobB-CPU-Intensive-Processing': { durationSeconds: 600 } } };
      await expect(serve({ template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated', behaviors: behaviorsFile(unmatched), strictBehaviors: true }, recordingIo()))
        .rejects.toThrow('byJobDefinition["JobB-CPU-Intensive-Processing"]');
      await expect(serve({ template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated', clock: 'virtual', behaviors: behaviorsFile({ ...unmatched, strict: true }) }, recordingIo()))
        .rejects.toThrow('byJobDefinition["JobB-CPU-Intensive-Processing"]');
    });

    test('GIVEN --behaviors with the process executor on the wall clock THEN serve refuses instead of ignoring the file', async () => {
      await expect(serve({ template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'process', behaviors: behaviorsFile({}) }, recordingIo()))
        .rejects.toThrow('--behaviors and --strict-behaviors apply to the simulated executor only (--executor simulated or --clock virtual)');
    });
  });

  test('a template that does not load is an error naming the resource, and nothing listens', async () => {
    await expect(serve({ template: path.join(__dirname, 'missing.json'), port: 0, host: '127.0.0.1', executor: 'simulated' }, recordingIo()))
      .rejects.toThrow('missing.json: no such file or directory');
  });

  test('the batch-local process prints its URL, serves, and exits 0 on SIGTERM', async () => {
    // GIVEN
    const child = spawn(process.execPath, [...TS_NODE_REGISTER, 'src/cli/batch-local.ts', 'serve', '--template', SMALL_STACK, '--port', '0', '--executor', 'simulated', '--json',
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

  test('PLAT-3: GIVEN serve with --kubernetes-secrets-dir and --state-dir WHEN an SDK client runs a pod that copies its secret into a claim, and another after a restart THEN the claim kept the copy under the state dir', async () => {
    // GIVEN a template of an EKS queue and two pods, a secret, and a state dir every job user can enter
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-pod-volumes-'));
    fs.chmodSync(dir, 0o755);
    const secrets = path.join(dir, 'secrets');
    fs.mkdirSync(path.join(secrets, 'db-creds'), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(secrets, 'db-creds', 'token'), 'tok\n', { mode: 0o644 });
    const stateDir = path.join(dir, 'state');
    fs.mkdirSync(stateDir, { mode: 0o755 });
    const template = conformanceTemplate('busybox');
    addEksQueue(template);
    template.Resources.EksQueue.Properties.JobQueueName = 'pods';
    const podDefinition = (name: string, script: string) => ({
      Type: 'AWS::Batch::JobDefinition',
      Properties: {
        JobDefinitionName: name,
        Type: 'container',
        EksProperties: {
          PodProperties: {
            Volumes: [{ Name: 'creds', Secret: { SecretName: 'db-creds' } }, { Name: 'cache', PersistentVolumeClaim: { ClaimName: 'data' } }],
            Containers: [{
              Name: 'main',
              Image: 'busybox',
              Command: ['sh', '-c', script],
              Resources: podResources,
              VolumeMounts: [{ Name: 'creds', MountPath: '/etc/creds' }, { Name: 'cache', MountPath: '/cache' }],
            }],
          },
        },
      },
    });
    template.Resources.Copy = podDefinition('copy-secret', 'cat /etc/creds/token > /cache/copy');
    template.Resources.Check = podDefinition('check-claim', 'test "$(cat /cache/copy)" = tok');
    const templateFile = path.join(dir, 'pods.json');
    fs.writeFileSync(templateFile, JSON.stringify(template));
    const options = {
      template: templateFile, port: 0, host: '127.0.0.1', executor: 'process' as const, kubernetesSecretsDir: secrets, stateDir,
    };
    const runPod = async (jobDefinition: string): Promise<string | undefined> => {
      const handle = await serve(options, recordingIo());
      const batch = client(handle.url);
      try {
        const { jobId } = await batch.send(new SubmitJobCommand({ jobName: jobDefinition, jobQueue: 'pods', jobDefinition }));
        for (let i = 0; i < 600; i++) {
          const [job] = (await batch.send(new DescribeJobsCommand({ jobs: [jobId!] }))).jobs!;
          if (job.status === 'SUCCEEDED' || job.status === 'FAILED') return `${job.status} ${job.statusReason}`;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return undefined;
      } finally {
        batch.destroy();
        await handle.close();
      }
    };

    try {
      // WHEN
      const copied = await runPod('copy-secret');
      const checked = await runPod('check-claim'); // a second serve on the same state dir

      // THEN
      expect(copied).toBe('SUCCEEDED Essential container in task exited');
      expect(checked).toBe('SUCCEEDED Essential container in task exited');
      expect(fs.readFileSync(path.join(stateDir, 'persistent-volumes', 'data', 'copy'), 'utf8')).toBe('tok\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
