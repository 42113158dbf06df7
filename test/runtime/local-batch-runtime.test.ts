import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Duration, Size, Stack } from 'aws-cdk-lib';
import { BatchEnvironment, JobBehavior, JobExecutor, LocalBatchRuntime } from '../../src';
import { TemporaryWorkRoot } from '../temporary-work-root';
import { conformanceTemplate } from './executors/conformance';
import { addEksQueue, podResources } from './executors/multi-container-conformance';

let workRoot: TemporaryWorkRoot;
beforeEach(() => { workRoot = new TemporaryWorkRoot('local-batch-runtime'); });
afterEach(() => workRoot.remove());

function quickStack(): { stack: Stack; batch: BatchEnvironment; hello: { jobDefinitionArn: string }; missing: { jobDefinitionArn: string } } {
  const app = new App();
  const stack = new Stack(app, 'RuntimeTest');
  const batch = new BatchEnvironment(stack, 'Batch');
  const hello = batch.addJobDefinition('Hello', { command: ['echo', 'Ref::greeting', 'world'], parameters: { greeting: 'hello' } });
  const missing = batch.addJobDefinition('Missing', { command: ['definitely-not-a-program-on-this-host'] });
  return { stack, batch, hello, missing };
}

describe('LocalBatchRuntime', () => {
  test('PARAM-1, LOG-1: a BatchEnvironment job runs through fromStack as a real process and SUCCEEDS with its log lines', async () => {
    // GIVEN
    const { stack, batch, hello } = quickStack();
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.process({ workRoot: workRoot.path }) });

    // WHEN
    const { jobId } = runtime.submitJob({ jobName: 'hello', jobQueue: batch.jobQueue.jobQueueArn, jobDefinition: hello.jobDefinitionArn, parameters: { greeting: 'bonjour' } });
    const job = await runtime.waitForJob(jobId);

    // THEN
    expect(job.status).toBe('SUCCEEDED');
    expect(job.container?.command).toEqual(['echo', 'bonjour', 'world']);
    expect(runtime.getJobLogs(jobId)).toEqual(['bonjour world']);
    runtime.dispose();
  });

  test('LIFE-2: a command that cannot be started FAILS the attempt with a statusReason that says why', async () => {
    // GIVEN
    const { stack, batch, missing } = quickStack();
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.process({ workRoot: workRoot.path }) });

    // WHEN
    const { jobId } = runtime.submitJob({ jobName: 'missing', jobQueue: batch.jobQueue.jobQueueArn, jobDefinition: missing.jobDefinitionArn });
    const job = await runtime.waitForJob(jobId);

    // THEN
    expect(job.status).toBe('FAILED');
    expect(job.statusReason).toMatch(/^Task failed to start: .*definitely-not-a-program-on-this-host.*not found/);
    expect(job.container?.reason).toMatch(/^CannotStartContainerError: /);
    runtime.dispose();
  });

  test('LIFE-4: GIVEN finishedJobRetention of 10 minutes WHEN a finished job is 10 minutes old THEN it is purged, and kept until then', () => {
    // GIVEN
    const { stack, batch, hello } = quickStack();
    const runtime = LocalBatchRuntime.fromStack(stack, {
      executor: JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.seconds(30) }) }),
      finishedJobRetention: Duration.minutes(10),
    });
    const { jobId } = runtime.submitJob({ jobName: 'hello', jobQueue: batch.jobQueue.jobQueueArn, jobDefinition: hello.jobDefinitionArn });
    runtime.runUntilIdle();
    const stoppedAt = runtime.describeJob(jobId).stoppedAt!;

    // WHEN / THEN: describable just before the retention ends, gone at its end
    runtime.advance((stoppedAt - runtime.now()) / 1000 + 599);
    expect(runtime.describeJobs([jobId]).map((job) => job.status)).toEqual(['SUCCEEDED']);
    runtime.advance(1);
    expect(runtime.describeJobs([jobId])).toEqual([]);
    expect(runtime.listJobs({ jobQueue: batch.jobQueue.jobQueueArn, jobStatus: 'SUCCEEDED' }).jobSummaryList).toEqual([]);
  });

  test('an unknown queue or job definition is an error naming the value and the known ones', () => {
    // GIVEN
    const { stack, hello } = quickStack();
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.simulated() });

    // WHEN / THEN
    expect(() => runtime.submitJob({ jobName: 'x', jobQueue: 'nope', jobDefinition: hello.jobDefinitionArn }))
      .toThrow(/jobQueue: unknown job queue "nope"; known: RuntimeTest-BatchJobQueue/);
    expect(() => runtime.submitJob({ jobName: 'x', jobQueue: 'BatchJobQueue12345678', jobDefinition: 'nope:3' }))
      .toThrow(/unknown/);
  });

  test('a template without Batch resources is a clear error', () => {
    // GIVEN
    const template = { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } };

    // WHEN / THEN
    expect(() => LocalBatchRuntime.fromTemplate(template)).toThrow(/has no AWS Batch resources .*it has: AWS::SNS::Topic/);
    expect(() => LocalBatchRuntime.fromTemplate({})).toThrow(/no Resources section/);
  });

  test('unnamed resources get <stack>-<logicalId>-<SUFFIX> names, the same on every load', () => {
    // GIVEN
    const { stack, batch } = quickStack();

    // WHEN
    const first = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.simulated() });
    const second = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.simulated() });
    const logicalId = stack.getLogicalId(batch.jobQueue.node.defaultChild as never);

    // THEN
    expect(first.resourceArn(logicalId)).toMatch(new RegExp(`:job-queue/RuntimeTest-${logicalId}-[0-9A-Z]{12}$`));
    expect(second.resourceArn(logicalId)).toBe(first.resourceArn(logicalId));
  });

  test('fromTemplateFile loads a cdk.out directory and picks the stack', () => {
    // GIVEN
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdkout-'));
    const app = new App({ outdir });
    const stack = new Stack(app, 'FromFile');
    const batch = new BatchEnvironment(stack, 'Batch');
    batch.addJobDefinition('Hello', { jobDefinitionName: 'hello', command: ['echo', 'hi'] });
    app.synth();

    // WHEN
    const runtime = LocalBatchRuntime.fromTemplateFile(outdir, { executor: JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.seconds(5), logLines: ['hi'] }) }) });
    const queue = runtime.resourceArn(stack.getLogicalId(batch.jobQueue.node.defaultChild as never));
    const { jobId } = runtime.submitJob({ jobName: 'hi', jobQueue: queue, jobDefinition: 'hello' });
    runtime.runUntilIdle();

    // THEN
    const job = runtime.describeJob(jobId);
    expect(job.status).toBe('SUCCEEDED');
    expect(runtime.getJobLogs(jobId)).toEqual(['hi']);
    expect(job.stoppedAt! - job.startedAt!).toBe(5000);
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('virtual-time methods are refused with real processes, pointing to waitForJob', () => {
    // GIVEN
    const { stack } = quickStack();
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.process({ workRoot: workRoot.path }) });

    // WHEN / THEN
    expect(() => runtime.runUntilIdle()).toThrow(/needs virtual time .* use waitForJob/);
    runtime.dispose();
  });

  test('FS-4, FS-8: a fair-share queue of the stack is scheduled by share weights, and getJobQueueSnapshot shows the order', () => {
    // GIVEN teamA (weight 1) floods the queue before teamB (weight 3), on 8 vCPUs
    const app = new App();
    const stack = new Stack(app, 'FairShareRuntime');
    const batch = new BatchEnvironment(stack, 'Batch', { maxvCpus: 8 });
    const shared = batch.addQueue('Shared', { priority: 10, fairShare: { shares: [{ shareIdentifier: 'teamA', weightFactor: 1 }, { shareIdentifier: 'teamB', weightFactor: 3 }] } });
    const work = batch.addJobDefinition('Work', { command: ['true'], cpu: 1, memory: Size.mebibytes(512) });
    const oneMinute = JobBehavior.succeed({ duration: Duration.minutes(1) });
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.simulated({ defaultBehavior: oneMinute }) });
    const submit = (share: string, i: number): string =>
      runtime.submitJob({ jobName: `${share}-${i}`, jobQueue: shared.jobQueueArn, jobDefinition: work.jobDefinitionArn, shareIdentifier: share }).jobId;
    const a = Array.from({ length: 30 }, (_, i) => submit('teamA', i));
    const b = Array.from({ length: 30 }, (_, i) => submit('teamB', i));

    // WHEN the first minute has started
    runtime.advance(1);

    // THEN 6 of teamA and 2 of teamB run, and the snapshot lists the rest in the order they will go
    const running = runtime.listJobs({ jobQueue: shared.jobQueueArn, jobStatus: 'RUNNING' }).jobSummaryList!.map((job) => job.jobName!.split('-')[0]);
    expect(running.filter((name) => name === 'teamA')).toHaveLength(6);
    expect(running.filter((name) => name === 'teamB')).toHaveLength(2);
    const front = runtime.getJobQueueSnapshot(shared.jobQueueArn).frontOfQueue;
    expect(front.jobs).toHaveLength(52);
    // Weighted usage 6 each: a tie goes to the job submitted first (a6); then teamB (6 < 7), then teamA twice (7, 8 < 9).
    expect(front.jobs.slice(0, 4).map((job) => job.jobArn.split('/')[1])).toEqual([a[6], b[2], a[7], a[8]]);
    expect(runtime.warnings()).toEqual([]);
  });
});

describe('LocalBatchRuntime pod volumes (PLAT-3)', () => {
  /** An EKS queue and pods of one `sh -c` container mounting the secret `db-creds` and/or the claim `data`. */
  function podTemplate(pods: Record<string, { script: string; secret?: boolean; claim?: boolean }>): any {
    const template = conformanceTemplate('busybox');
    addEksQueue(template);
    for (const [name, pod] of Object.entries(pods)) {
      const volumes = [
        ...(pod.secret ? [{ Name: 'creds', Secret: { SecretName: 'db-creds' } }] : []),
        ...(pod.claim ? [{ Name: 'cache', PersistentVolumeClaim: { ClaimName: 'data' } }] : []),
      ];
      const mounts = [
        ...(pod.secret ? [{ Name: 'creds', MountPath: '/etc/creds' }] : []),
        ...(pod.claim ? [{ Name: 'cache', MountPath: '/cache' }] : []),
      ];
      template.Resources[name] = {
        Type: 'AWS::Batch::JobDefinition',
        Properties: {
          Type: 'container',
          EksProperties: {
            PodProperties: { Volumes: volumes, Containers: [{ Name: 'main', Image: 'busybox', Command: ['sh', '-c', pod.script], Resources: podResources, VolumeMounts: mounts }] },
          },
        },
      };
    }
    return template;
  }
  const submitPod = (runtime: LocalBatchRuntime, definition: string): string =>
    runtime.submitJob({ jobName: definition, jobQueue: runtime.resourceArn('EksQueue'), jobDefinition: runtime.resourceArn(definition) }).jobId;

  test('PLAT-3: GIVEN a secrets directory and no claims directory WHEN a pod copies its secret into a claim and a later pod reads the claim THEN it reads the secret, kept in the work root\'s persistent-volumes', async () => {
    // GIVEN
    const secrets = path.join(workRoot.path, 'secrets');
    fs.mkdirSync(path.join(secrets, 'db-creds'), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(secrets, 'db-creds', 'token'), 'tok\n', { mode: 0o644 });
    const runtime = LocalBatchRuntime.fromTemplate(podTemplate({
      Copy: { script: 'cat /etc/creds/token > /cache/copy', secret: true, claim: true },
      Read: { script: 'cat /cache/copy', claim: true },
    }), { executor: JobExecutor.process({ workRoot: workRoot.path }), kubernetesSecretsDirectory: secrets });

    try {
      // WHEN
      const copy = await runtime.waitForJob(submitPod(runtime, 'Copy'));
      const read = await runtime.waitForJob(submitPod(runtime, 'Read'));

      // THEN
      expect([copy.status, read.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
      const definitionName = runtime.resourceArn('Read').split('/').pop()!.split(':')[0];
      const taskId = read.eksAttempts![0].podName.replace(/^aws-batch\./, '').replace(/-/g, '');
      expect(runtime.getLogStream(`${definitionName}/main/${taskId}`)).toEqual(['tok']);
      expect(fs.readFileSync(path.join(workRoot.path, 'persistent-volumes', 'data', 'copy'), 'utf8')).toBe('tok\n');
    } finally {
      runtime.dispose();
    }
  });

  test('PLAT-3: GIVEN no secrets directory WHEN a pod needs a secret THEN the attempt fails saying which option provides it, in virtual time as on a real executor', async () => {
    // GIVEN
    const runtime = LocalBatchRuntime.fromTemplate(podTemplate({ NeedsSecret: { script: 'true', secret: true } }), { executor: JobExecutor.simulated() });

    // WHEN
    const job = await runtime.waitForJob(submitPod(runtime, 'NeedsSecret'));

    // THEN
    expect(job.status).toBe('FAILED');
    expect(job.statusReason).toBe('Task failed to start: volume "creds": secret "db-creds" not found: the runtime has no Kubernetes secrets directory; '
      + 'set LocalBatchRuntimeProps.kubernetesSecretsDirectory (batch-local --kubernetes-secrets-dir) to a directory holding db-creds/<key> files');
  });

  test('PLAT-3: GIVEN a secrets directory that does not exist WHEN the runtime is created THEN it throws naming the option and the path', () => {
    // GIVEN
    const missing = path.join(workRoot.path, 'no-such-secrets');

    // WHEN / THEN
    expect(() => LocalBatchRuntime.fromTemplate(podTemplate({}), { executor: JobExecutor.simulated(), kubernetesSecretsDirectory: missing }))
      .toThrow(`kubernetesSecretsDirectory (--kubernetes-secrets-dir): ${JSON.stringify(missing)} is not an existing directory (${missing})`);
  });
});
