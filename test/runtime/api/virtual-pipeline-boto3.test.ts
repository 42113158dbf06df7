import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { PIPELINE_BEHAVIORS_FILE as BEHAVIORS, synthesizePipelineTemplate } from '../../../examples/pipeline';
import { serve, ServeHandle } from '../../../src/cli/commands/serve';
import { parseBehaviors } from '../../../src/runtime/api/host/behaviors-file';
import { DEFAULT_VIRTUAL_EPOCH_MS } from '../../../src/runtime/core/clock';
import { JobExecutor } from '../../../src/runtime/executors/job-executor';
import { LocalBatchRuntime } from '../../../src/runtime/local-batch-runtime';
import { recordingIo } from '../../cli/cli-fixture';

const run = promisify(execFile);

const ARRAY_SIZE = 4;

/**
 * JobA -> JobB (array) -> JobC (N_TO_N) -> JobD (SEQUENTIAL, 10) -> JobE through boto3, as the seed
 * guide submits them, with one `run-until-idle` instead of any polling or sleep. Prints every job
 * (parents and children) as DescribeJobs returns it.
 */
const PIPELINE_PY = `
import json, sys, urllib.request, boto3
url, size = sys.argv[1], int(sys.argv[2])
batch = boto3.client('batch', endpoint_url=url, region_name='us-east-1', aws_access_key_id='a', aws_secret_access_key='b')
q = 'ProdQueue'
a = batch.submit_job(jobName='JobA', jobQueue=q, jobDefinition='JobA-list-and-validate:1')['jobId']
b = batch.submit_job(jobName='JobB', jobQueue=q, jobDefinition='JobB-CPU-Intensive-Processing:1', containerOverrides={'vcpus': 32, 'memory': 4096},
    arrayProperties={'size': size}, dependsOn=[{'jobId': a}])['jobId']
c = batch.submit_job(jobName='JobC', jobQueue=q, jobDefinition='JobC-Memory-Intensive-Processing:1', containerOverrides={'vcpus': 1, 'memory': 32768},
    arrayProperties={'size': size}, dependsOn=[{'jobId': b, 'type': 'N_TO_N'}])['jobId']
d = batch.submit_job(jobName='JobD', jobQueue=q, jobDefinition='JobD-Sequential-Validation:1', containerOverrides={'vcpus': 1, 'memory': 32768},
    arrayProperties={'size': 10}, dependsOn=[{'jobId': c}, {'type': 'SEQUENTIAL'}])['jobId']
e = batch.submit_job(jobName='JobE', jobQueue=q, jobDefinition='JobE-Cleanup-and-Notification:1',
    parameters={'SourceBucket': 's3://JobD-Output-Bucket', 'Recipient': 'pipeline-notifications@mycompany.com'}, dependsOn=[{'jobId': d}])['jobId']
req = urllib.request.Request(url + '/_local/clock/run-until-idle', data=b'{}', method='POST', headers={'Content-Type': 'application/json'})
clock = json.load(urllib.request.urlopen(req))
ids = [a, b, c, d, e] + ['%s:%d' % (b, i) for i in range(size)] + ['%s:%d' % (c, i) for i in range(size)] + ['%s:%d' % (d, i) for i in range(10)]
jobs = []
for start in range(0, len(ids), 100):
    jobs += batch.describe_jobs(jobs=ids[start:start + 100])['jobs']
print(json.dumps({'clock': clock, 'jobs': [{k: j[k] for k in ('jobId', 'jobName', 'status', 'createdAt', 'startedAt', 'stoppedAt') if k in j} for j in jobs]}))
`;

interface Job { jobId: string; jobName: string; status: string; createdAt: number; startedAt?: number; stoppedAt?: number }

/** The same pipeline on the in-process facade: an independent account of the virtual times. */
function facadeTimes(template: unknown): Map<string, { startedAt?: number; stoppedAt?: number }> {
  const runtime = LocalBatchRuntime.fromTemplate(template, { stackName: 'Pipeline', executor: JobExecutor.simulated(parseBehaviors(BEHAVIORS, 60)) });
  const q = 'ProdQueue';
  const a = runtime.submitJob({ jobName: 'JobA', jobQueue: q, jobDefinition: 'JobA-list-and-validate:1' }).jobId;
  const b = runtime.submitJob({ jobName: 'JobB', jobQueue: q, jobDefinition: 'JobB-CPU-Intensive-Processing:1', containerOverrides: { vcpus: 32, memory: 4096 }, arrayProperties: { size: ARRAY_SIZE }, dependsOn: [{ jobId: a }] }).jobId;
  const c = runtime.submitJob({ jobName: 'JobC', jobQueue: q, jobDefinition: 'JobC-Memory-Intensive-Processing:1', containerOverrides: { vcpus: 1, memory: 32768 }, arrayProperties: { size: ARRAY_SIZE }, dependsOn: [{ jobId: b, type: 'N_TO_N' }] }).jobId;
  const d = runtime.submitJob({ jobName: 'JobD', jobQueue: q, jobDefinition: 'JobD-Sequential-Validation:1', containerOverrides: { vcpus: 1, memory: 32768 }, arrayProperties: { size: 10 }, dependsOn: [{ jobId: c }, { type: 'SEQUENTIAL' }] }).jobId;
  const e = runtime.submitJob({ jobName: 'JobE', jobQueue: q, jobDefinition: 'JobE-Cleanup-and-Notification:1', parameters: { SourceBucket: 's3://JobD-Output-Bucket', Recipient: 'pipeline-notifications@mycompany.com' }, dependsOn: [{ jobId: d }] }).jobId;
  runtime.runUntilIdle();
  const times = new Map<string, { startedAt?: number; stoppedAt?: number }>();
  const keys: [string, string][] = [[a, 'A'], [b, 'B'], [c, 'C'], [d, 'D'], [e, 'E']];
  for (const [id, name] of keys) {
    const detail = runtime.describeJob(id);
    times.set(name, { startedAt: detail.startedAt, stoppedAt: detail.stoppedAt });
    const size = name === 'D' ? 10 : ARRAY_SIZE;
    if (detail.arrayProperties) {
      for (let i = 0; i < size; i++) {
        const child = runtime.describeJob(`${id}:${i}`);
        times.set(`${name}:${i}`, { startedAt: child.startedAt, stoppedAt: child.stoppedAt });
      }
    }
  }
  return times;
}

describe('the seed pipeline through boto3 on the virtual clock', () => {
  let workspace: string;
  let handle: ServeHandle;
  let template: unknown;

  beforeAll(() => {
    template = synthesizePipelineTemplate();
  });

  beforeEach(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'virtual-pipeline-'));
    fs.writeFileSync(path.join(workspace, 'pipeline.template.json'), JSON.stringify(template));
    fs.writeFileSync(path.join(workspace, 'behaviors.json'), JSON.stringify(BEHAVIORS));
    handle = await serve({
      template: path.join(workspace, 'pipeline.template.json'),
      port: 0,
      host: '127.0.0.1',
      executor: 'process',
      clock: 'virtual',
      behaviors: path.join(workspace, 'behaviors.json'),
    }, recordingIo());
  });

  afterEach(async () => {
    await handle.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  test('#11 §2, DEP-3, DEP-4, DEP-5: one run-until-idle finishes the pipeline; every start and stop is the exact virtual time', async () => {
    // GIVEN
    const expected = facadeTimes(template);

    // WHEN
    const { stdout } = await run('python3', ['-c', PIPELINE_PY, handle.url, String(ARRAY_SIZE)], { maxBuffer: 16 * 1024 * 1024 });
    const result = JSON.parse(stdout) as { clock: { now: number; mode: string; pendingEvents: number }; jobs: Job[] };

    // THEN every job SUCCEEDED, no event is left, and nothing happened before the virtual epoch
    const byName = new Map<string, Job>();
    const [a, b, c, d] = result.jobs.slice(0, 4).map((job) => job.jobId);
    for (const job of result.jobs) {
      const suffix = job.jobId.includes(':') ? `:${job.jobId.split(':')[1]}` : '';
      const parent = job.jobId.split(':')[0];
      byName.set(`${{ [a]: 'A', [b]: 'B', [c]: 'C', [d]: 'D' }[parent] ?? 'E'}${suffix}`, job);
    }
    expect(result.jobs).toHaveLength(5 + 2 * ARRAY_SIZE + 10);
    expect(result.jobs.every((job) => job.status === 'SUCCEEDED')).toBe(true);
    expect(result.clock).toEqual({ now: expect.any(Number), mode: 'virtual', pendingEvents: 0 });
    expect(byName.get('A')!.createdAt).toBe(DEFAULT_VIRTUAL_EPOCH_MS);
    // THEN the times are exactly the facade's for the same template and behaviours
    for (const [name, times] of expected) {
      expect({ name, startedAt: byName.get(name)!.startedAt, stoppedAt: byName.get(name)!.stoppedAt }).toEqual({ name, ...times });
    }
    // THEN each attempt took its behaviour's duration, and the dependency order holds
    expect(byName.get('A')!.stoppedAt! - byName.get('A')!.startedAt!).toBe(120_000);
    for (let i = 0; i < ARRAY_SIZE; i++) {
      const bi = byName.get(`B:${i}`)!;
      const ci = byName.get(`C:${i}`)!;
      expect(bi.stoppedAt! - bi.startedAt!).toBe(600_000);
      expect(ci.stoppedAt! - ci.startedAt!).toBe(300_000);
      expect(bi.startedAt!).toBeGreaterThanOrEqual(byName.get('A')!.stoppedAt!);
      expect(ci.startedAt!).toBeGreaterThanOrEqual(bi.stoppedAt!); // N_TO_N
    }
    for (let i = 0; i < 10; i++) {
      const di = byName.get(`D:${i}`)!;
      expect(di.stoppedAt! - di.startedAt!).toBe(30_000);
      expect(di.startedAt!).toBeGreaterThanOrEqual(i === 0 ? byName.get('C')!.stoppedAt! : byName.get(`D:${i - 1}`)!.stoppedAt!); // SEQUENTIAL
    }
    expect(byName.get('E')!.startedAt!).toBeGreaterThanOrEqual(byName.get('D')!.stoppedAt!);
    expect(byName.get('E')!.stoppedAt! - byName.get('E')!.startedAt!).toBe(10_000);
  }, 120_000);
});
