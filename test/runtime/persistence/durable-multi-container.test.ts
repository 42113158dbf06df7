import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DescribeJobsCommand, JobDetail, RegisterJobDefinitionCommand, RegisterJobDefinitionCommandInput, SubmitJobCommand } from '@aws-sdk/client-batch';
import { spawnServe, ServeChild } from './serve-process-fixture';
import { SMALL_STACK } from '../../cli/cli-fixture';
import { pollUntil, rawRequest } from '../api/endpoint-fixture';
import { addEksQueue } from '../executors/multi-container-conformance';

const HOST_LOST = /^Host EC2 \(instance i-[0-9a-f]+\) terminated\.$/;
const FINAL = ['SUCCEEDED', 'FAILED'];
const POD_RESOURCES = { limits: { cpu: '0.5', memory: '128Mi' } };
const ECS_RESOURCES = [{ type: 'VCPU' as const, value: '1' }, { type: 'MEMORY' as const, value: '128' }];

/** SMALL_STACK plus an EKS compute environment and its queue `pods` (PLAT-3). */
function templateWithPods(dir: string): string {
  const template = JSON.parse(fs.readFileSync(SMALL_STACK, 'utf8'));
  addEksQueue(template, 'ComputeEnv', 'pods');
  const file = path.join(dir, 'template.json');
  fs.writeFileSync(file, JSON.stringify(template));
  return file;
}

/** A `sh -c` command (the process executor runs it on the host). */
function sh(script: string): string[] {
  return ['sh', '-c', script];
}

/**
 * PLAT-2: a task whose `init` (exits 1) and `side` (exits 2) run together, then the essential `app`
 * (COMPLETE on both) logs two lines and exits `appScript`'s code.
 */
function ecsTask(name: string, appScript: string): RegisterJobDefinitionCommandInput {
  return {
    jobDefinitionName: name,
    type: 'container',
    ecsProperties: {
      taskProperties: [{
        containers: [
          { name: 'init', image: 'busybox', essential: false, command: sh('echo init line; exit 1'), resourceRequirements: ECS_RESOURCES },
          { name: 'side', image: 'busybox', essential: false, command: sh('echo side line; exit 2'), resourceRequirements: ECS_RESOURCES },
          {
            name: 'app',
            image: 'busybox',
            command: sh(appScript),
            resourceRequirements: ECS_RESOURCES,
            dependsOn: [{ containerName: 'init', condition: 'COMPLETE' }, { containerName: 'side', condition: 'COMPLETE' }],
          },
        ],
      }],
    },
  };
}

/** PLAT-3: a pod of an init container, then two containers that run together and exit 0 and 7. */
const POD: RegisterJobDefinitionCommandInput = {
  jobDefinitionName: 'two-container-pod',
  type: 'container',
  eksProperties: {
    podProperties: {
      initContainers: [{ name: 'prepare', image: 'busybox', command: sh('echo prepared'), resources: POD_RESOURCES }],
      containers: [
        { name: 'main', image: 'busybox', command: sh('echo main one; echo main two'), resources: POD_RESOURCES },
        { name: 'helper', image: 'busybox', command: sh('echo helper line; exit 7'), resources: POD_RESOURCES },
      ],
    },
  },
};

async function describe1(server: ServeChild, jobId: string): Promise<JobDetail> {
  const { jobs } = await server.batch.send(new DescribeJobsCommand({ jobs: [jobId] }));
  expect(jobs).toHaveLength(1);
  return jobs![0];
}

async function logMessages(server: ServeChild, stream: string): Promise<string[]> {
  const answer = await rawRequest(server.url, 'POST', '/', JSON.stringify({ logGroupName: '/aws/batch/job', logStreamName: stream }),
    { 'X-Amz-Target': 'Logs_20140328.GetLogEvents', 'Content-Type': 'application/x-amz-json-1.1' });
  return answer.body.events.map((event: { message: string }) => event.message);
}

type Containers = ReadonlyArray<{ name?: string; logStreamName?: string }>;

/** Each container's log stream (from DescribeJobs) with the lines GetLogEvents gives for it. */
async function containerLogs(server: ServeChild, containers: Containers): Promise<Record<string, string[]>> {
  const logs: Record<string, string[]> = {};
  for (const container of containers) logs[container.name!] = container.logStreamName ? await logMessages(server, container.logStreamName) : [];
  return logs;
}

/** PLAT-3: a pod's containers show no log stream in DescribeJobs: the lines of every stream under `prefix`, by the stream's container name. */
async function streamLogs(server: ServeChild, prefix: string): Promise<Record<string, string[]>> {
  const answer = await rawRequest(server.url, 'POST', '/', JSON.stringify({ logGroupName: '/aws/batch/job', logStreamNamePrefix: prefix }),
    { 'X-Amz-Target': 'Logs_20140328.DescribeLogStreams', 'Content-Type': 'application/x-amz-json-1.1' });
  const logs: Record<string, string[]> = {};
  for (const { logStreamName } of answer.body.logStreams as Array<{ logStreamName: string }>) {
    logs[logStreamName] = await logMessages(server, logStreamName);
  }
  return logs;
}

describe('serve --state-dir with the process executor: multi-container tasks and pods', () => {
  let dir: string;
  let args: string[];
  const started: ServeChild[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'durable-containers-'));
    fs.chmodSync(dir, 0o755); // job processes may run as another user (nobody): they must see the release file
    args = ['--template', templateWithPods(dir), '--executor', 'process', '--state-dir', path.join(dir, 'state')];
  });

  afterEach(async () => {
    fs.writeFileSync(path.join(dir, 'release'), ''); // lets any waiting job process end
    for (const server of started.splice(0)) await server.kill('SIGKILL');
    if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true });
  });

  const serve = async (): Promise<ServeChild> => {
    const server = await spawnServe(args);
    started.push(server);
    return server;
  };
  const submit = async (server: ServeChild, jobName: string, jobQueue: string, jobDefinition: string, attempts = 1): Promise<string> =>
    (await server.batch.send(new SubmitJobCommand({ jobName, jobQueue, jobDefinition, retryStrategy: { attempts } }))).jobId!;
  const untilFinal = (server: ServeChild, jobId: string): Promise<JobDetail> =>
    pollUntil(() => describe1(server, jobId), (job) => FINAL.includes(job.status ?? ''), 120_000);

  test('#11 §3, PLAT-2, PLAT-3: a restart gives each container of a finished multi-container task and pod as it ran: exit codes, reasons, log streams and lines, job status', async () => {
    // GIVEN a durable server that ran a task of three containers (two at once) and a pod of an init container and two containers
    const first = await serve();
    await first.batch.send(new RegisterJobDefinitionCommand(ecsTask('three-containers', 'echo app one; echo app two; exit 3')));
    await first.batch.send(new RegisterJobDefinitionCommand(POD));
    const taskId = await submit(first, 'task', 'first-run-job-queue', 'three-containers');
    const podId = await submit(first, 'pod', 'pods', 'two-container-pod');
    const task = await untilFinal(first, taskId);
    const pod = await untilFinal(first, podId);
    const taskContainers = task.ecsProperties!.taskProperties![0].containers!;
    const podContainers = [...pod.eksProperties!.podProperties!.initContainers!, ...pod.eksProperties!.podProperties!.containers!];
    const taskLogs = await containerLogs(first, taskContainers);
    const podLogs = await streamLogs(first, 'two-container-pod/');
    // (what ran: each container its own exit code and lines)
    expect(task.status).toBe('FAILED');
    expect(taskContainers.map((c) => [c.name, c.exitCode])).toEqual([['init', 1], ['side', 2], ['app', 3]]);
    expect(taskLogs).toEqual({ init: ['init line'], side: ['side line'], app: ['app one', 'app two'] });
    expect(pod.status).toBe('FAILED');
    expect(podContainers.map((c) => [c.name, c.exitCode])).toEqual([['prepare', 0], ['main', 0], ['helper', 7]]);
    expect(Object.entries(podLogs).map(([stream, lines]) => [stream.split('/')[1], lines]).sort())
      .toEqual([['helper', ['helper line']], ['main', ['main one', 'main two']], ['prepare', ['prepared']]]);

    // WHEN the server is killed and started again on the same state dir
    await first.kill('SIGKILL');
    const second = await serve();

    // THEN DescribeJobs and GetLogEvents answer as before, container by container, and the replay matched its journal
    expect(await describe1(second, taskId)).toEqual(task);
    expect(await describe1(second, podId)).toEqual(pod);
    expect(await containerLogs(second, taskContainers)).toEqual(taskLogs);
    expect(await streamLogs(second, 'two-container-pod/')).toEqual(podLogs);
    expect(JSON.parse(second.stdout()).restored.attemptsLost).toBe(0);
    expect(second.stderr().match(/^.*differs from what it recorded.*$/m)?.[0]).toBeUndefined();
  }, 300_000);

  test('#11 §3, RETRY-3, PLAT-2, PLAT-3: SIGKILL while a task and a pod run fails their live containers as on a lost host, as a single-container job\'s; the ended ones keep their results', async () => {
    // GIVEN a durable server running a task whose init and side ended and whose app waits for a release file,
    // a pod whose init container and helper ended and whose main container waits, and a single-container job that waits
    const release = path.join(dir, 'release');
    const first = await serve();
    const wait = `echo waiting; while [ ! -e /${release} ]; do sleep 0.2; done; echo released`;
    await first.batch.send(new RegisterJobDefinitionCommand(ecsTask('blocked-task', wait)));
    const blockedPod = structuredClone(POD);
    blockedPod.jobDefinitionName = 'blocked-pod';
    blockedPod.eksProperties!.podProperties!.containers![0].command = sh(wait);
    await first.batch.send(new RegisterJobDefinitionCommand(blockedPod));
    const taskId = await submit(first, 'task', 'first-run-job-queue', 'blocked-task', 2);
    const podId = await submit(first, 'pod', 'pods', 'blocked-pod', 2);
    const singleId = (await first.batch.send(new SubmitJobCommand({
      jobName: 'single',
      jobQueue: 'first-run-job-queue',
      jobDefinition: 'hello',
      retryStrategy: { attempts: 2 },
      containerOverrides: { command: sh(wait) },
    }))).jobId!;
    const running = await pollUntil(async () => {
      const [task, pod, single] = [await describe1(first, taskId), await describe1(first, podId), await describe1(first, singleId)];
      return { task, pod, single, taskLogs: await containerLogs(first, task.ecsProperties!.taskProperties![0].containers!), podLogs: await streamLogs(first, 'blocked-pod/') };
    }, (seen) => seen.single.status === 'RUNNING' && seen.taskLogs.app?.[0] === 'waiting'
      && seen.pod.eksProperties!.podProperties!.containers![1].exitCode === 7 && Object.values(seen.podLogs).some((lines) => lines[0] === 'waiting'), 120_000);
    const before = running.task.ecsProperties!.taskProperties![0].containers!;

    // WHEN the server is killed, the release file appears, and the server starts again on the same state dir
    await first.kill('SIGKILL');
    fs.writeFileSync(release, '');
    const second = await serve();
    const task = await untilFinal(second, taskId);
    const pod = await untilFinal(second, podId);
    const single = await untilFinal(second, singleId);

    // THEN the first attempt of each failed as on a lost host, and the second ran to the end
    expect(single.attempts!.map((attempt) => attempt.statusReason)).toEqual([expect.stringMatching(HOST_LOST), 'Essential container in task exited']);
    expect(task.attempts!.map((attempt) => attempt.statusReason)).toEqual([expect.stringMatching(HOST_LOST), 'Essential container in task exited']);
    expect(task.status).toBe('SUCCEEDED');
    expect(pod.eksAttempts!.map((attempt) => attempt.statusReason)).toEqual([expect.stringMatching(HOST_LOST), expect.any(String)]);
    expect(pod.status).toBe('FAILED'); // the helper exits 7 again
    // the ended containers keep their exit codes and lines; the live ones ended as the single job's container did
    const singleLost = single.attempts![0].container!;
    expect(singleLost.reason).toBe('Host EC2 instance terminated');
    expect(task.attempts![0].taskProperties![0].containers!.map((c) => [c.name, c.exitCode, c.reason, c.logStreamName])).toEqual([
      ['init', 1, undefined, before[0].logStreamName],
      ['side', 2, undefined, before[1].logStreamName],
      ['app', singleLost.exitCode, singleLost.reason, before[2].logStreamName],
    ]);
    const lostPod = pod.eksAttempts![0];
    expect([...lostPod.initContainers!, ...lostPod.containers!].map((c) => [c.name, c.exitCode, c.reason])).toEqual([
      ['prepare', 0, undefined],
      ['main', singleLost.exitCode, singleLost.reason],
      ['helper', 7, undefined],
    ]);
    expect(running.taskLogs).toEqual({ init: ['init line'], side: ['side line'], app: ['waiting'] });
    expect(await containerLogs(second, before)).toEqual(running.taskLogs);
    expect(await containerLogs(second, task.ecsProperties!.taskProperties![0].containers!))
      .toEqual({ init: ['init line'], side: ['side line'], app: ['waiting', 'released'] });
    const podLogsAfter = await streamLogs(second, 'blocked-pod/');
    for (const [stream, lines] of Object.entries(running.podLogs)) expect([stream, podLogsAfter[stream]]).toEqual([stream, lines]);
    expect(Object.values(podLogsAfter).sort()).toEqual([['helper line'], ['helper line'], ['prepared'], ['prepared'], ['waiting'], ['waiting', 'released']]);
    expect(JSON.parse(second.stdout()).restored.attemptsLost).toBe(3);
    expect(second.stderr().match(/^.*differs from what it recorded.*$/m)?.[0]).toBeUndefined();
  }, 300_000);

  test('#21 §2, RETRY-3, PLAT-2, PLAT-3: GIVEN checkpoints taken while a task and a pod RUN WHEN the server is SIGKILLed and restarts from the newest checkpoint THEN it equals the restart from the one before it replaying the journal since: the task that ended after it keeps its containers\' journaled ends, the pod still running fails as on a lost host', async () => {
    // GIVEN a durable server checkpointing whenever it can, running a task whose app waits for `late` and a pod whose main container waits for `release`
    const state = path.join(dir, 'state');
    const argsFor = (stateDir: string): string[] => [...args.slice(0, -1), stateDir, '--checkpoint-every', '0'];
    const first = await spawnServe(argsFor(state));
    started.push(first);
    const late = path.join(dir, 'late');
    const waitFor = (file: string): string => `echo waiting; while [ ! -e /${file} ]; do sleep 0.2; done; echo released`;
    await first.batch.send(new RegisterJobDefinitionCommand(ecsTask('late-task', waitFor(late))));
    const heldPod = structuredClone(POD);
    heldPod.jobDefinitionName = 'held-pod';
    heldPod.eksProperties!.podProperties!.containers![0].command = sh(waitFor(path.join(dir, 'release')));
    await first.batch.send(new RegisterJobDefinitionCommand(heldPod));
    const taskId = await submit(first, 'task', 'first-run-job-queue', 'late-task');
    const podId = await submit(first, 'pod', 'pods', 'held-pod');
    const checkpoints = (stateDir: string): string[] => fs.readdirSync(stateDir).filter((name) => /^checkpoint-\d+\.jsonl$/.test(name)).sort();
    const holdsRunningTask = (file: string): boolean => fs.readFileSync(file, 'utf8').split('\n')
      .some((line) => line.includes(`"idValue":"${taskId}"`) && /"status":"RUNNING"/.test(line));
    await pollUntil(async () => ({ task: await describe1(first, taskId), pod: await describe1(first, podId), names: checkpoints(state) }),
      (seen) => seen.task.status === 'RUNNING' && seen.pod.status === 'RUNNING' && seen.names.some((name) => holdsRunningTask(path.join(state, name))), 120_000);
    // the task ends after that checkpoint (its containers' ends are journaled after it), and a checkpoint follows with the pod still running
    const liveCheckpoint = checkpoints(state).filter((name) => holdsRunningTask(path.join(state, name))).pop()!;
    fs.writeFileSync(late, '');
    await untilFinal(first, taskId);
    await pollUntil(async () => checkpoints(state), (names) => names[names.length - 1] !== liveCheckpoint, 60_000);
    expect((await describe1(first, podId)).status).toBe('RUNNING');

    // WHEN it is killed; a copy restarts from the checkpoint before the newest (the newest torn), the original from the newest
    await first.kill('SIGKILL');
    const copy = path.join(dir, 'copy');
    fs.cpSync(state, copy, { recursive: true });
    fs.rmSync(path.join(copy, 'batch-local.lock'), { force: true });
    const names = checkpoints(copy);
    expect(names[names.length - 2]).toBe(liveCheckpoint);
    fs.truncateSync(path.join(copy, names[names.length - 1]), 10);
    const fromNewest = await spawnServe(argsFor(state));
    started.push(fromNewest);
    const fromLive = await spawnServe(argsFor(copy));
    started.push(fromLive);

    // THEN both give the same task and pod, container by container: the task SUCCEEDED with its journaled ends, the pod FAILED as on a lost host
    const [task, pod] = [await describe1(fromLive, taskId), await describe1(fromLive, podId)];
    expect(await describe1(fromNewest, taskId)).toEqual(task);
    expect(await describe1(fromNewest, podId)).toEqual(pod);
    expect(task.status).toBe('SUCCEEDED');
    const containers = task.ecsProperties!.taskProperties![0].containers!;
    expect(containers.map((c) => [c.name, c.exitCode])).toEqual([['init', 1], ['side', 2], ['app', 0]]);
    expect(await containerLogs(fromLive, containers)).toEqual({ init: ['init line'], side: ['side line'], app: ['waiting', 'released'] });
    expect(pod.status).toBe('FAILED');
    expect(pod.eksAttempts!.map((attempt) => attempt.statusReason)).toEqual([expect.stringMatching(HOST_LOST)]);
    const lost = pod.eksAttempts![0];
    expect([...lost.initContainers!, ...lost.containers!].map((c) => [c.name, c.exitCode, c.reason]))
      .toEqual([['prepare', 0, undefined], ['main', undefined, 'Host EC2 instance terminated'], ['helper', 7, undefined]]);
    expect(await streamLogs(fromLive, 'held-pod/')).toEqual(await streamLogs(fromNewest, 'held-pod/'));
    for (const server of [fromNewest, fromLive]) expect(server.stderr()).not.toMatch(/differs|not at rest|checkpoints are off/);
  }, 400_000);
});
