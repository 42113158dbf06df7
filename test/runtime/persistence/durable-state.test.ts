import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DescribeJobsCommand, JobDetail, ListJobsCommand, SubmitJobCommand, SubmitJobCommandInput } from '@aws-sdk/client-batch';
import { spawnServe, ServeChild } from './serve-process-fixture';
import { serve } from '../../../src/cli/commands/serve';
import { JOURNAL_FILE } from '../../../src/runtime/persistence/state-dir';
import { recordingIo, SMALL_STACK } from '../../cli/cli-fixture';
import { pollUntil, rawRequest } from '../api/endpoint-fixture';

const STATUSES = ['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
const HOST_LOST = /^Host EC2 \(instance i-[0-9a-f]+\) terminated\.$/;

async function describeAll(server: ServeChild, ids: string[]): Promise<Map<string, JobDetail>> {
  const found = new Map<string, JobDetail>();
  for (let start = 0; start < ids.length; start += 100) {
    const { jobs } = await server.batch.send(new DescribeJobsCommand({ jobs: ids.slice(start, start + 100) }));
    for (const job of jobs ?? []) found.set(job.jobId!, job);
  }
  return found;
}

/** Every job id ListJobs knows on the queue, over all statuses, duplicates kept. */
async function listAll(server: ServeChild): Promise<string[]> {
  const ids: string[] = [];
  for (const jobStatus of STATUSES) {
    let nextToken: string | undefined;
    do {
      const page = await server.batch.send(new ListJobsCommand({ jobQueue: 'first-run-job-queue', jobStatus, nextToken }));
      ids.push(...(page.jobSummaryList ?? []).map((s) => s.jobId!));
      nextToken = page.nextToken;
    } while (nextToken);
  }
  return ids;
}

/** The i-th job of the workload: every 10th an array of 3, every 4th after the job before it, all with 2 attempts. */
function workloadJob(i: number, previous: string | undefined): SubmitJobCommandInput {
  return {
    jobName: `job-${i}`,
    jobQueue: 'first-run-job-queue',
    jobDefinition: 'hello',
    retryStrategy: { attempts: 2 },
    ...(i % 10 === 0 ? { arrayProperties: { size: 3 } } : {}),
    ...(i % 4 === 1 && previous ? { dependsOn: [{ jobId: previous }] } : {}),
  };
}

describe('serve --state-dir', () => {
  let dir: string;
  const started: ServeChild[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'durable-serve-'));
  });

  afterEach(async () => {
    for (const server of started.splice(0)) await server.kill('SIGKILL');
    if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('#11 §3, RETRY-3, DEP-1: SIGKILL in the middle of a 500-job workload loses no acknowledged job, duplicates none, and the restart finishes all in dependency order', async () => {
    // GIVEN a virtual-clock server with a state dir, 250 jobs submitted and 90 s run (some RUNNING, some done)
    const behaviors = path.join(dir, 'behaviors.json');
    fs.writeFileSync(behaviors, JSON.stringify({ defaultBehavior: { durationSeconds: 60 } }));
    const args = ['--template', SMALL_STACK, '--clock', 'virtual', '--behaviors', behaviors, '--state-dir', path.join(dir, 'state')];
    const first = await spawnServe(args);
    started.push(first);
    const acked: { jobId: string; input: SubmitJobCommandInput }[] = [];
    const submit = async (i: number): Promise<void> => {
      const input = workloadJob(i, acked[acked.length - 1]?.jobId);
      const { jobId } = await first.batch.send(new SubmitJobCommand(input));
      acked.push({ jobId: jobId!, input });
    };
    for (let i = 0; i < 250; i += 10) await Promise.all(Array.from({ length: 10 }, (_, k) => submit(i + k)));
    const advanced = await rawRequest(first.url, 'POST', '/_local/clock/advance', JSON.stringify({ seconds: 90 }));
    const beforeKill = await describeAll(first, acked.map((a) => a.jobId));
    const wasRunning = [...beforeKill.values()].filter((job) => job.status === 'RUNNING' || job.status === 'STARTING').map((job) => job.jobId!);
    // Array parents have no attempts of their own: only plain jobs count here.
    const wasDone = [...beforeKill.values()].filter((job) => job.status === 'SUCCEEDED' && !job.arrayProperties).map((job) => job.jobId!);

    // WHEN 250 more are submitted by 10 concurrent clients and the server is SIGKILLed once 400 are acknowledged, requests in flight
    let next = 250;
    let killed: Promise<void> | undefined;
    const client = async (): Promise<void> => {
      while (next < 500 && !killed) {
        try {
          await submit(next++);
        } catch {
          return; // the kill cut this request off: it was never acknowledged
        }
        if (acked.length >= 400) killed ??= first.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: 10 }, client));
    await killed;
    const second = await spawnServe(args);
    started.push(second);
    const clockAfterRestart = await rawRequest(second.url, 'GET', '/_local/clock');
    const restored = await describeAll(second, acked.map((a) => a.jobId));
    const listed = await listAll(second);
    await rawRequest(second.url, 'POST', '/_local/clock/run-until-idle', '{}');
    const final = await describeAll(second, acked.map((a) => a.jobId));

    // THEN no acknowledged job is missing, no id is listed twice, and the virtual clock is where it was
    expect(acked.length).toBeGreaterThanOrEqual(400);
    expect(acked.map((a) => a.jobId).filter((id) => !restored.has(id))).toEqual([]);
    expect(listed.length).toBe(new Set(listed).size);
    expect(new Set(listed).size).toBeGreaterThanOrEqual(acked.length);
    expect(clockAfterRestart.body.now).toBe(advanced.body.now);
    // THEN the jobs that were running failed their attempt as on a lost host and were retried; finished ones did not run again
    expect(wasRunning.length).toBeGreaterThan(0);
    // Array children that were running count too, hence at least.
    expect(JSON.parse(second.stdout()).restored.attemptsLost).toBeGreaterThanOrEqual(wasRunning.length);
    for (const id of wasRunning) {
      expect(final.get(id)!.attempts![0].statusReason).toMatch(HOST_LOST);
      expect(final.get(id)!.attempts).toHaveLength(2);
    }
    expect(wasDone.length).toBeGreaterThan(0);
    for (const id of wasDone) expect(final.get(id)!.attempts).toHaveLength(1);
    // THEN every job is final, and SUCCEEDED after its dependency stopped
    expect([...final.values()].filter((job) => job.status !== 'SUCCEEDED').map((job) => `${job.jobId} ${job.status}`)).toEqual([]);
    for (const { jobId, input } of acked) {
      const dependency = input.dependsOn?.[0]?.jobId;
      if (dependency) expect(final.get(jobId)!.startedAt ?? final.get(jobId)!.stoppedAt!).toBeGreaterThanOrEqual(final.get(dependency)!.stoppedAt!);
    }
    expect(second.stderr()).not.toContain('differs from what it recorded');
    expect(second.stderr()).toMatch(/taking over the stale lock .*batch-local\.lock \(pid \d+ is not running\)/);
  }, 180_000);

  test('#11 §3, RETRY-3: on the wall clock, jobs RUNNING at a SIGKILL come back failed-and-retried as on a lost host; finished ones keep their one attempt', async () => {
    // GIVEN a wall-clock durable server: `quick` jobs take 0.1 s, `long` ones an hour
    const behaviors = path.join(dir, 'behaviors.json');
    fs.writeFileSync(behaviors, JSON.stringify({ defaultBehavior: { durationSeconds: 0.1 }, byJobName: { long: { durationSeconds: 3600 } } }));
    const args = ['--template', SMALL_STACK, '--executor', 'simulated', '--behaviors', behaviors, '--state-dir', path.join(dir, 'state')];
    const first = await spawnServe(args);
    started.push(first);
    const submitted = async (jobName: string): Promise<string> => (await first.batch.send(new SubmitJobCommand({
      jobName, jobQueue: 'first-run-job-queue', jobDefinition: 'hello', retryStrategy: { attempts: 2 },
    }))).jobId!;
    const quick = await submitted('quick');
    const long = [await submitted('long'), await submitted('long')];
    await pollUntil(() => describeAll(first, [quick, ...long]), (jobs) => jobs.get(quick)!.status === 'SUCCEEDED' && long.every((id) => jobs.get(id)!.status === 'RUNNING'));

    // WHEN
    await first.kill('SIGKILL');
    const second = await spawnServe(args);
    started.push(second);
    const after = await describeAll(second, [quick, ...long]);

    // THEN
    expect(after.get(quick)!.status).toBe('SUCCEEDED');
    expect(after.get(quick)!.attempts).toHaveLength(1);
    for (const id of long) {
      expect(after.get(id)!.attempts![0].statusReason).toMatch(HOST_LOST);
      expect(['RUNNABLE', 'STARTING', 'RUNNING']).toContain(after.get(id)!.status); // the retry
    }
    expect(JSON.parse(second.stdout()).restored).toEqual(expect.objectContaining({ attemptsLost: 2 }));
  }, 60_000);

  test('#11 §3: a torn last journal record is recovered up to the last whole record, with a warning, not a crash', async () => {
    // GIVEN a server that accepted two jobs, stopped, and a journal whose last record is cut in half
    const stateDir = path.join(dir, 'state');
    const options = { template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'process' as const, clock: 'virtual' as const, stateDir };
    const firstIo = recordingIo();
    const first = await serve(options, firstIo);
    const submit = async (url: string, name: string): Promise<string> => (await rawRequest(url, 'POST', '/v1/submitjob',
      JSON.stringify({ jobName: name, jobQueue: 'first-run-job-queue', jobDefinition: 'hello' }))).body.jobId;
    const kept = await submit(first.url, 'kept');
    const torn = await submit(first.url, 'torn');
    await first.close();
    const journal = path.join(stateDir, JOURNAL_FILE);
    const text = fs.readFileSync(journal, 'utf8');
    const lastStart = text.lastIndexOf('\n', text.length - 2) + 1;
    fs.writeFileSync(journal, text.slice(0, lastStart + Math.floor((text.length - lastStart) / 2)));

    // WHEN it restarts on the same state dir
    const io = recordingIo();
    const second = await serve(options, io);
    const jobs = (await rawRequest(second.url, 'POST', '/v1/describejobs', JSON.stringify({ jobs: [kept, torn] }))).body.jobs;
    const again = await submit(second.url, 'again');
    await second.close();

    // THEN the whole records are back, the torn one is dropped with a warning naming the file and line, and appends go on
    expect(io.stderr.join('\n')).toMatch(new RegExp(`${JOURNAL_FILE}:\\d+: the last record is incomplete \\(.*\\); recovered the \\d+ whole records before it`));
    expect(jobs.map((job: { jobId: string }) => job.jobId)).toEqual([kept]);
    expect(again).toBeDefined();
    expect(fs.readFileSync(journal, 'utf8').endsWith('\n')).toBe(true);
  });

  test('#11 §3: a second server on the same state dir is refused naming the dir and the pid', async () => {
    // GIVEN
    const stateDir = path.join(dir, 'state');
    const options = { template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated' as const, stateDir };
    const first = await serve(options, recordingIo());

    // WHEN / THEN
    await expect(serve(options, recordingIo())).rejects.toThrow(`--state-dir ${stateDir} is in use by another batch-local serve (pid ${process.pid}, lock file ${path.join(stateDir, 'batch-local.lock')})`);
    await first.close();
  });

  test('#11 §3: a restart with another template, or on another clock, is refused naming the journal', async () => {
    // GIVEN
    const stateDir = path.join(dir, 'state');
    const first = await serve({ template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated', stateDir }, recordingIo());
    await first.close();
    const other = path.join(dir, 'other.json');
    const template = JSON.parse(fs.readFileSync(SMALL_STACK, 'utf8'));
    template.Resources.Hello.Properties.JobDefinitionName = 'hello2';
    fs.writeFileSync(other, JSON.stringify(template));

    // WHEN / THEN
    await expect(serve({ template: other, port: 0, host: '127.0.0.1', executor: 'simulated', stateDir }, recordingIo()))
      .rejects.toThrow(`${path.join(stateDir, JOURNAL_FILE)}: written by a serve with another template`);
    await expect(serve({ template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated', stateDir, clock: 'virtual' }, recordingIo()))
      .rejects.toThrow('written by a serve on the wall clock; restart with the same --clock');
  });

  test('#11 §3, LIFE-6: the process executor is durable: a restart restores a finished job\'s attempt, exit code and log lines without running it again', async () => {
    // GIVEN a durable process-executor server that ran one job to the end and one that failed
    const stateDir = path.join(dir, 'state');
    const runs = path.join(dir, 'runs');
    fs.mkdirSync(runs, { mode: 0o777 });
    fs.chmodSync(runs, 0o777); // the job may run as another user (nobody)
    fs.chmodSync(dir, 0o755);
    const options = { template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'process' as const, stateDir };
    const first = await serve(options, recordingIo());
    const post = (url: string, op: string, body: unknown): Promise<any> => rawRequest(url, 'POST', `/v1/${op}`, JSON.stringify(body)).then((r) => r.body);
    // `//tmp/...`: the process executor maps the container's /tmp to the attempt's own; `//` (the same path) is not mapped
    const ok = { jobName: 'ok', jobQueue: 'first-run-job-queue', jobDefinition: 'hello', containerOverrides: { command: ['sh', '-c', `echo ran >> /${runs}/ok`] } };
    const ids = [
      (await post(first.url, 'submitjob', ok)).jobId,
      (await post(first.url, 'submitjob', { jobName: 'bad', jobQueue: 'first-run-job-queue', jobDefinition: 'failing' })).jobId,
    ];
    const before = await pollUntil(() => post(first.url, 'describejobs', { jobs: ids }).then((r) => r.jobs),
      (jobs: Array<{ status: string; container: { logStreamName: string; exitCode?: number } }>) => jobs.every((job) => job.status === 'SUCCEEDED' || job.status === 'FAILED'), 60_000);
    await first.close();

    // WHEN
    const second = await serve(options, recordingIo());
    const after = (await post(second.url, 'describejobs', { jobs: ids })).jobs;
    const logs = await rawRequest(second.url, 'POST', '/', JSON.stringify({ logGroupName: '/aws/batch/job', logStreamName: before[1].container.logStreamName }),
      { 'X-Amz-Target': 'Logs_20140328.GetLogEvents', 'Content-Type': 'application/x-amz-json-1.1' });
    await second.close();

    // THEN
    expect(before.map((job: { status: string }) => job.status)).toEqual(['SUCCEEDED', 'FAILED']);
    expect(before[1].container.exitCode).toBe(3);
    expect(after).toEqual(before);
    expect(fs.readFileSync(path.join(runs, 'ok'), 'utf8')).toBe('ran\n'); // once: the replay did not run it
    expect(logs.body.events.map((event: { message: string }) => event.message)).toEqual(['about to fail']);
  }, 120_000);

  test('#11 §3, LIFE-6: on the wall clock a restart restores every job with its id, status, timestamps and log lines', async () => {
    // GIVEN a wall-clock server whose jobs take 0.2 s, three jobs run to the end, one stuck on a queue that never runs
    const stateDir = path.join(dir, 'state');
    const behaviors = path.join(dir, 'behaviors.json');
    fs.writeFileSync(behaviors, JSON.stringify({ defaultBehavior: { durationSeconds: 0.2, logLines: ['line one', 'line two'] } }));
    const options = { template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated' as const, behaviors, stateDir };
    const first = await serve(options, recordingIo());
    const post = (url: string, op: string, body: unknown): Promise<any> => rawRequest(url, 'POST', `/v1/${op}`, JSON.stringify(body)).then((r) => r.body);
    const ids: string[] = [];
    for (const name of ['a', 'b', 'c']) ids.push((await post(first.url, 'submitjob', { jobName: name, jobQueue: 'first-run-job-queue', jobDefinition: 'hello' })).jobId);
    ids.push((await post(first.url, 'submitjob', { jobName: 'stuck', jobQueue: 'broken-queue', jobDefinition: 'hello' })).jobId);
    for (let tries = 0; tries < 400; tries++) {
      const jobs = (await post(first.url, 'describejobs', { jobs: ids.slice(0, 3) })).jobs;
      if (jobs.every((job: { status: string }) => job.status === 'SUCCEEDED')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const before = (await post(first.url, 'describejobs', { jobs: ids })).jobs;
    await first.close();

    // WHEN
    const second = await serve(options, recordingIo());
    const after = (await post(second.url, 'describejobs', { jobs: ids })).jobs;
    const logs = await rawRequest(second.url, 'POST', '/', JSON.stringify({ logGroupName: '/aws/batch/job', logStreamName: before[0].container.logStreamName }),
      { 'X-Amz-Target': 'Logs_20140328.GetLogEvents', 'Content-Type': 'application/x-amz-json-1.1' });
    await second.close();

    // THEN
    expect(before.map((job: { status: string }) => job.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'RUNNABLE']);
    expect(after).toEqual(before);
    expect(logs.body.events.map((event: { message: string }) => event.message)).toEqual(['line one', 'line two']);
  }, 60_000);
});
