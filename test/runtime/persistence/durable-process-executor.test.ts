import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DescribeJobsCommand, JobDetail, RegisterJobDefinitionCommand, SubmitJobCommand, SubmitJobCommandInput } from '@aws-sdk/client-batch';
import { spawnServe, ServeChild } from './serve-process-fixture';
import { SMALL_STACK } from '../../cli/cli-fixture';
import { pollUntil, rawRequest } from '../api/endpoint-fixture';

const HOST_LOST = /^Host EC2 \(instance i-[0-9a-f]+\) terminated\.$/;
const FINAL = ['SUCCEEDED', 'FAILED'];

async function describeAll(server: ServeChild, ids: string[]): Promise<Map<string, JobDetail>> {
  const found = new Map<string, JobDetail>();
  for (let start = 0; start < ids.length; start += 100) {
    const { jobs } = await server.batch.send(new DescribeJobsCommand({ jobs: ids.slice(start, start + 100) }));
    for (const job of jobs ?? []) {
      expect(found.has(job.jobId!)).toBe(false); // no id answered twice
      found.set(job.jobId!, job);
    }
  }
  return found;
}

/** The host processes whose command line holds `marker` (the workload's own, by its unique temp path). */
function processesWith(marker: string): string[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n').filter((line) => line.includes(marker) && !line.includes('ps -eo'));
}

/** A copy of a killed server's state dir, without its lock, for a second server to restart from. */
function unlockedCopy(state: string, copy: string): string {
  fs.cpSync(state, copy, { recursive: true });
  fs.rmSync(path.join(copy, 'batch-local.lock'), { force: true });
  return copy;
}

async function logMessages(server: ServeChild, stream: string): Promise<string[]> {
  const answer = await rawRequest(server.url, 'POST', '/', JSON.stringify({ logGroupName: '/aws/batch/job', logStreamName: stream }),
    { 'X-Amz-Target': 'Logs_20140328.GetLogEvents', 'Content-Type': 'application/x-amz-json-1.1' });
  return answer.body.events.map((event: { message: string }) => event.message);
}

describe('serve --state-dir with the process executor', () => {
  let dir: string;
  const started: ServeChild[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'durable-process-'));
    fs.chmodSync(dir, 0o755); // job processes may run as another user (nobody): they must see the release file
  });

  afterEach(async () => {
    fs.writeFileSync(path.join(dir, 'release'), ''); // lets any waiting job process end
    for (const server of started.splice(0)) await server.kill('SIGKILL');
    if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('#11 §3, RETRY-3, DEP-1, LIFE-6: SIGKILL of a process-executor server mid-run leaves no job process, loses and duplicates no job, fails the RUNNING ones as on a lost host and retries them', async () => {
    // GIVEN a durable process-executor server and ~50 jobs: 2 `blocked` ones that wait for a release
    // file (RUNNING at the kill), then quick ones, every 10th an array of 3, every 4th after the one before, all with 2 attempts
    const release = path.join(dir, 'release');
    const args = ['--template', SMALL_STACK, '--executor', 'process', '--state-dir', path.join(dir, 'state')];
    const first = await spawnServe(args);
    started.push(first);
    const submit = async (server: ServeChild, input: SubmitJobCommandInput): Promise<string> =>
      (await server.batch.send(new SubmitJobCommand(input))).jobId!;
    const blocked: string[] = [];
    for (const name of ['blocked-1', 'blocked-2']) {
      blocked.push(await submit(first, {
        jobName: name,
        jobQueue: 'first-run-job-queue',
        jobDefinition: 'hello',
        retryStrategy: { attempts: 2 },
        // `//tmp/...`: the process executor maps the container's /tmp to the attempt's own; `//` (the same path) is not mapped
        containerOverrides: { command: ['sh', '-c', `echo waiting; while [ ! -e /${release} ]; do sleep 0.2; done; echo released`] },
      }));
    }
    const quick: string[] = [];
    const dependencyOf = new Map<string, string>();
    for (let i = 0; i < 48; i++) {
      const previous = quick[quick.length - 1];
      const id = await submit(first, {
        jobName: `quick-${i}`,
        jobQueue: 'first-run-job-queue',
        jobDefinition: 'hello',
        retryStrategy: { attempts: 2 },
        ...(i % 10 === 0 ? { arrayProperties: { size: 3 } } : {}),
        ...(i % 4 === 1 && previous ? { dependsOn: [{ jobId: previous }] } : {}),
      });
      if (i % 4 === 1 && previous) dependencyOf.set(id, previous);
      quick.push(id);
    }
    const all = [...blocked, ...quick];
    const before = await pollUntil(() => describeAll(first, all), (jobs) =>
      blocked.every((id) => jobs.get(id)!.status === 'RUNNING') && quick.filter((id) => jobs.get(id)!.status === 'SUCCEEDED').length >= 3, 120_000);
    const finishedBefore = quick.filter((id) => before.get(id)!.status === 'SUCCEEDED' && before.get(id)!.arrayProperties === undefined);
    const finishedLogs = new Map<string, string[]>();
    for (const id of finishedBefore) finishedLogs.set(id, await logMessages(first, before.get(id)!.container!.logStreamName!));
    expect(processesWith(release).length).toBeGreaterThan(0);

    // WHEN the server is killed without a chance to clean up, and started again on the same state dir
    await first.kill('SIGKILL');
    const leftOver = await pollUntil(async () => processesWith(release), (processes) => processes.length === 0, 60_000);
    fs.writeFileSync(release, '');
    const second = await spawnServe(args);
    started.push(second);
    const final = await pollUntil(() => describeAll(second, all), (jobs) => all.every((id) => FINAL.includes(jobs.get(id)?.status ?? '')), 180_000);

    // THEN no process of the first server outlived it
    expect(leftOver).toEqual([]);
    // every submitted job is there, once (describeAll checks duplicates), and final
    expect(final.size).toBe(all.length);
    expect(all.filter((id) => final.get(id)!.status !== 'SUCCEEDED')).toEqual([]);
    // the RUNNING ones failed as on a lost host and ran again, once
    for (const id of blocked) {
      const attempts = final.get(id)!.attempts!;
      expect(attempts.map((attempt) => attempt.statusReason)).toEqual([expect.stringMatching(HOST_LOST), 'Essential container in task exited']);
      expect(await logMessages(second, attempts[1].container!.logStreamName!)).toEqual(['waiting', 'released']);
    }
    // the finished ones keep their one attempt, timestamps and log lines
    for (const id of finishedBefore) {
      expect(final.get(id)!.attempts).toEqual(before.get(id)!.attempts);
      expect(final.get(id)!.startedAt).toBe(before.get(id)!.startedAt);
      expect(final.get(id)!.stoppedAt).toBe(before.get(id)!.stoppedAt);
      expect(await logMessages(second, final.get(id)!.container!.logStreamName!)).toEqual(finishedLogs.get(id));
    }
    // dependencies ran in order
    for (const [id, dependency] of dependencyOf) expect(final.get(id)!.startedAt!).toBeGreaterThanOrEqual(final.get(dependency)!.stoppedAt!);
    // the blocked ones at least; a quick job (or array child) may have been running at the kill too
    const lostSeen = all.flatMap((id) => final.get(id)!.attempts ?? []) // array parents have none
      .filter((attempt) => HOST_LOST.test(attempt.statusReason ?? '')).length;
    expect(lostSeen).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(second.stdout()).restored.attemptsLost).toBeGreaterThanOrEqual(lostSeen);
    expect(second.stderr().match(/^.*differs from what it recorded.*$/m)?.[0]).toBeUndefined(); // the message says where, should it fail
  }, 400_000);

  test('#11 §3, RETRY-3: SIGTERM (Ctrl-C) of a durable process-executor server ends it and its job processes; the restart fails the RUNNING job as on a lost host and runs it again', async () => {
    // GIVEN a durable process-executor server with one job RUNNING until a release file appears
    const release = path.join(dir, 'release');
    const args = ['--template', SMALL_STACK, '--executor', 'process', '--state-dir', path.join(dir, 'state')];
    const first = await spawnServe(args);
    started.push(first);
    const jobId = (await first.batch.send(new SubmitJobCommand({
      jobName: 'blocked',
      jobQueue: 'first-run-job-queue',
      jobDefinition: 'hello',
      retryStrategy: { attempts: 2 },
      containerOverrides: { command: ['sh', '-c', `echo waiting; while [ ! -e /${release} ]; do sleep 0.2; done; echo released`] },
    }))).jobId!;
    await pollUntil(() => describeAll(first, [jobId]), (jobs) => jobs.get(jobId)!.status === 'RUNNING', 120_000);
    // RUNNING is reported as the spawn is handed to the spawn helper: under load the process shows a little later
    const running = await pollUntil(async () => processesWith(release), (processes) => processes.length > 0, 60_000);
    expect(running.length).toBeGreaterThan(0);

    // WHEN it is asked to stop, as Ctrl-C or a service manager would
    const exited = new Promise<number | null>((resolve) => first.child.once('exit', (code) => resolve(code)));
    first.child.kill('SIGTERM');
    const exitCode = await exited;
    const leftOver = await pollUntil(async () => processesWith(release), (processes) => processes.length === 0, 60_000);
    fs.writeFileSync(release, '');
    const second = await spawnServe(args);
    started.push(second);
    const final = await pollUntil(() => describeAll(second, [jobId]), (jobs) => FINAL.includes(jobs.get(jobId)?.status ?? ''), 120_000);

    // THEN the server exited on its own, left no job process, and the job ran again once, after a lost-host attempt
    expect(exitCode).toBe(0);
    expect(first.stderr()).toContain('SIGTERM, shutting down');
    expect(leftOver).toEqual([]);
    expect(final.get(jobId)!.status).toBe('SUCCEEDED');
    expect(final.get(jobId)!.attempts!.map((attempt) => attempt.statusReason)).toEqual([expect.stringMatching(HOST_LOST), 'Essential container in task exited']);
  }, 300_000);

  test('#21 §2, RETRY-3, DEP-1: GIVEN checkpoints taken while process jobs RUN WHEN the server is SIGKILLed and restarts from the newest checkpoint THEN it equals the restart from the one before it replaying the journal since: a job that ended after it keeps its journaled end, one still running fails as on a lost host', async () => {
    // GIVEN a durable server checkpointing whenever it can, with `held` and `late` RUNNING (each until its release file), `quick` done
    const state = path.join(dir, 'state');
    const args = (stateDir: string): string[] => ['--template', SMALL_STACK, '--executor', 'process', '--state-dir', stateDir, '--checkpoint-every', '0'];
    const first = await spawnServe(args(state));
    started.push(first);
    const waitFor = (name: string): SubmitJobCommandInput => ({
      jobName: name,
      jobQueue: 'first-run-job-queue',
      jobDefinition: 'hello',
      containerOverrides: { command: ['sh', '-c', `echo ${name} waiting; while [ ! -e /${path.join(dir, name)} ]; do sleep 0.2; done; echo ${name} released`] },
    });
    const held = (await first.batch.send(new SubmitJobCommand(waitFor('held')))).jobId!;
    const late = (await first.batch.send(new SubmitJobCommand(waitFor('late')))).jobId!;
    const quick = (await first.batch.send(new SubmitJobCommand({ jobName: 'quick', jobQueue: 'first-run-job-queue', jobDefinition: 'hello' }))).jobId!;
    const after = (await first.batch.send(new SubmitJobCommand({ jobName: 'after', jobQueue: 'first-run-job-queue', jobDefinition: 'hello', dependsOn: [{ jobId: late }] }))).jobId!;
    const all = [held, late, quick, after];
    const checkpoints = (stateDir: string): string[] => fs.readdirSync(stateDir).filter((name) => /^checkpoint-\d+\.jsonl$/.test(name)).sort();
    const holdsRunning = (file: string, jobId: string): boolean => fs.readFileSync(file, 'utf8').split('\n')
      .some((line) => line.includes(`"idValue":"${jobId}"`) && /"status":"RUNNING"/.test(line));
    await pollUntil(() => describeAll(first, all), (jobs) => jobs.get(held)!.status === 'RUNNING' && jobs.get(late)!.status === 'RUNNING'
      && jobs.get(quick)!.status === 'SUCCEEDED' && checkpoints(state).some((name) => holdsRunning(path.join(state, name), late)), 120_000);
    // `late` ends after that checkpoint (its end is journaled after it), and a checkpoint follows
    const liveCheckpoint = checkpoints(state).filter((name) => holdsRunning(path.join(state, name), late)).pop()!;
    fs.writeFileSync(path.join(dir, 'late'), '');
    await pollUntil(() => describeAll(first, all), (jobs) => jobs.get(after)!.status === 'SUCCEEDED', 120_000);
    await pollUntil(async () => checkpoints(state), (names) => names[names.length - 1] !== liveCheckpoint, 60_000);

    // WHEN it is killed; a copy restarts from the checkpoint before the newest (the newest torn), the original from the newest
    await first.kill('SIGKILL');
    const copy = unlockedCopy(state, path.join(dir, 'copy'));
    const names = checkpoints(copy);
    expect(names[names.length - 2]).toBe(liveCheckpoint); // the one before the newest held `late` RUNNING
    fs.truncateSync(path.join(copy, names[names.length - 1]), 10);
    const fromNewest = await spawnServe(args(state));
    started.push(fromNewest);
    const fromLive = await spawnServe(args(copy));
    started.push(fromLive);

    // THEN both give the same jobs: `late` SUCCEEDED with its journaled end, `held` FAILED as on a lost host (no retry), the rest done
    const newest = await describeAll(fromNewest, all);
    const replayed = await describeAll(fromLive, all);
    expect([...replayed.values()]).toEqual([...newest.values()]);
    expect(replayed.get(late)!.status).toBe('SUCCEEDED');
    expect(await logMessages(fromLive, replayed.get(late)!.container!.logStreamName!)).toEqual(['late waiting', 'late released']);
    expect(replayed.get(held)!.attempts!.map((attempt) => attempt.statusReason)).toEqual([expect.stringMatching(HOST_LOST)]);
    expect(replayed.get(after)!.status).toBe('SUCCEEDED');
    for (const server of [fromNewest, fromLive]) expect(server.stderr()).not.toMatch(/differs|not at rest|checkpoints are off/);
  }, 400_000);

  test('#21 §2, RETRY-3, MNP-4, MNP-8: GIVEN checkpoints taken while the nodes of a multi-node job RUN WHEN the server is SIGKILLed THEN the restart from the newest checkpoint equals the one from the checkpoint before it replaying the journal since: the job fails as on a lost host', async () => {
    // GIVEN a durable server checkpointing whenever it can, with a job of 2 nodes RUNNING (each until the release file)
    const state = path.join(dir, 'state');
    const args = (stateDir: string): string[] => ['--template', SMALL_STACK, '--executor', 'process', '--state-dir', stateDir, '--checkpoint-every', '0'];
    const first = await spawnServe(args(state));
    started.push(first);
    const wait = `echo node waiting; while [ ! -e /${path.join(dir, 'release')} ]; do sleep 0.2; done; echo released`;
    await first.batch.send(new RegisterJobDefinitionCommand({
      jobDefinitionName: 'gang',
      type: 'multinode',
      nodeProperties: { numNodes: 2, mainNode: 0, nodeRangeProperties: [{ targetNodes: '0:', container: { image: 'busybox', vcpus: 1, memory: 128, command: ['sh', '-c', wait] } }] },
    }));
    const gang = (await first.batch.send(new SubmitJobCommand({ jobName: 'gang', jobQueue: 'first-run-job-queue', jobDefinition: 'gang' }))).jobId!;
    const all = [gang, `${gang}#0`, `${gang}#1`];
    const checkpoints = (stateDir: string): string[] => fs.readdirSync(stateDir).filter((name) => /^checkpoint-\d+\.jsonl$/.test(name)).sort();
    const holdsNode = (file: string): boolean => fs.readFileSync(file, 'utf8').includes(`"idValue":"${gang}#1"`);
    await pollUntil(() => describeAll(first, all), (jobs) => [...jobs.values()].every((job) => job.status === 'RUNNING')
      && checkpoints(state).some((name) => holdsNode(path.join(state, name))), 120_000);
    // a quick job runs after that checkpoint, and a checkpoint follows with the nodes still running
    const liveCheckpoint = checkpoints(state).filter((name) => holdsNode(path.join(state, name))).pop()!;
    const quick = (await first.batch.send(new SubmitJobCommand({ jobName: 'quick', jobQueue: 'first-run-job-queue', jobDefinition: 'hello' }))).jobId!;
    await pollUntil(() => describeAll(first, [quick]), (jobs) => jobs.get(quick)!.status === 'SUCCEEDED', 120_000);
    await pollUntil(async () => checkpoints(state), (names) => names[names.length - 1] !== liveCheckpoint, 60_000);

    // WHEN it is killed; a copy restarts from the checkpoint before the newest (the newest torn), the original from the newest
    await first.kill('SIGKILL');
    const copy = unlockedCopy(state, path.join(dir, 'copy'));
    const names = checkpoints(copy);
    expect(names).toHaveLength(2);
    expect(names.every((name) => holdsNode(path.join(copy, name)))).toBe(true); // both taken with the nodes live (the quick job's moves may add one)
    fs.truncateSync(path.join(copy, names[names.length - 1]), 10);
    const fromNewest = await spawnServe(args(state));
    started.push(fromNewest);
    const fromLive = await spawnServe(args(copy));
    started.push(fromLive);

    // THEN both give the same job and nodes: the main node failed as on a lost host, so the job did (MNP-4); `quick` done
    const newest = await describeAll(fromNewest, [...all, quick]);
    const replayed = await describeAll(fromLive, [...all, quick]);
    expect([...replayed.values()]).toEqual([...newest.values()]);
    expect(replayed.get(gang)!.status).toBe('FAILED');
    expect(replayed.get(`${gang}#0`)!.attempts!.map((attempt) => attempt.statusReason)).toEqual([expect.stringMatching(HOST_LOST)]);
    expect(replayed.get(quick)!.status).toBe('SUCCEEDED');
    for (const server of [fromNewest, fromLive]) expect(server.stderr()).not.toMatch(/differs|not at rest|checkpoints are off/);
  }, 400_000);
});
