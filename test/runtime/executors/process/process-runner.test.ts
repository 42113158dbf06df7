import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import { JobExecutor, MemoryLimitMode, ProcessExecutorProps } from '../../../../src';
import { ContainerLaunch, JobRunner } from '../../../../src/runtime/core/executor';
import { findOnPath } from '../../../../src/runtime/executors/isolation/memory-limits';
import { containerLaunch, RecordingSink } from '../fixtures/recording-sink';

const isRoot = process.getuid?.() === 0;
const hasPrlimit = findOnPath('prlimit') !== undefined;
let workRoot: string;
beforeEach(() => {
  workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'process-runner-'));
  fs.chmodSync(workRoot, 0o755); // a root runtime runs jobs as nobody: they must reach their directories
});
afterEach(() => fs.rmSync(workRoot, { recursive: true, force: true }));

/** Which launcher the runners of the current block use (every block runs with both). */
let useSpawnHelper = true;

function runner(props: ProcessExecutorProps = {}): JobRunner {
  return JobExecutor.process({ workRoot, memoryLimit: MemoryLimitMode.NONE, useSpawnHelper, ...props })._createRunner();
}

async function run(launch: Partial<ContainerLaunch>, props: ProcessExecutorProps = {}): Promise<RecordingSink> {
  const sink = new RecordingSink();
  runner(props).start(containerLaunch(launch), sink);
  await sink.exit();
  return sink;
}

const sh = (script: string): string[] => ['sh', '-c', script];

describe.each([true, false])('ProcessRunner with useSpawnHelper %p', (helper) => {
  beforeEach(() => { useSpawnHelper = helper; });

  describe('ProcessRunner: signals and logs', () => {
    test('TIME-2: SIGTERM reaches the job; SIGKILL follows after the configured grace period (137)', async () => {
      // GIVEN a job that traps SIGTERM and keeps running
      const sink = new RecordingSink();
      const handle = runner({ stopGracePeriod: Duration.seconds(3) }) // long enough for the trap to print on a loaded machine
        .start(containerLaunch({ command: sh('trap "echo got TERM" TERM; echo ready; while :; do sleep 0.05; done') }), sink);
      await sink.lineMatching((line) => line === 'ready');
      // WHEN
      handle.stop('SIGTERM');
      // THEN
      await sink.lineMatching((line) => line === 'got TERM');
      expect(await sink.exit()).toEqual({ exitCode: 137 });
    });

    test('LIFE-7: SIGTERM ends a job that does not trap it with 143', async () => {
      const sink = new RecordingSink();
      const handle = runner().start(containerLaunch({ command: sh('echo ready; sleep 300') }), sink);
      await sink.lineMatching((line) => line === 'ready');
      handle.stop('SIGTERM');
      expect(await sink.exit()).toEqual({ exitCode: 143 });
    });

    test('LOG-1: a line reaches the log while the job still runs', async () => {
      // GIVEN
      const sink = new RecordingSink();
      const handle = runner().start(containerLaunch({ command: sh('echo first; sleep 300') }), sink);
      // WHEN
      await sink.lineMatching((line) => line === 'first');
      // THEN
      expect(sink.exits).toEqual([]);
      handle.stop('SIGKILL');
      expect(await sink.exit()).toEqual({ exitCode: 137 });
    });

    test('a command that does not exist cannot start (CannotStartContainerError)', async () => {
      const sink = await run({ command: ['no-such-program-anywhere'] });
      expect(sink.exits).toEqual([{ reason: 'CannotStartContainerError: command: "no-such-program-anywhere": executable file not found in $PATH', statusReason: 'Task failed to start: command: "no-such-program-anywhere": executable file not found in $PATH' }]);
    });

    (hasPrlimit ? test : test.skip)('a command that does not exist cannot start behind the prlimit wrapper either', async () => {
      const sink = await run({ command: ['no-such-program-anywhere'] }, { memoryLimit: MemoryLimitMode.DATA_SEGMENT });
      expect(sink.exits[0].reason).toBe('CannotStartContainerError: command: "no-such-program-anywhere": executable file not found in $PATH');
    });
  });

  describe('ProcessRunner: the container environment', () => {
    test('ENV-1, ENV-2: the job sees its variables and only the inherited host variables', async () => {
      // GIVEN
      process.env.HOST_ONLY_VARIABLE = 'leak';
      try {
        // WHEN
        const sink = await run({
          command: sh('echo "id=$AWS_BATCH_JOB_ID who=$WHO host=${HOST_ONLY_VARIABLE:-none} path=${PATH:+set}"'),
          environment: { AWS_BATCH_JOB_ID: 'job-1', WHO: 'me' },
        });
        // THEN
        expect(sink.lines).toEqual(['id=job-1 who=me host=none path=set']);
      } finally {
        delete process.env.HOST_ONLY_VARIABLE;
      }
    });

    test('each attempt runs in its own working directory, removed afterwards unless kept', async () => {
      // GIVEN
      const first = await run({ command: ['pwd'], jobId: 'job-a', attempt: 1 });
      const kept = await run({ command: sh('pwd; echo data > out.txt'), jobId: 'job-a', attempt: 2 }, { keepWorkDirectories: true });
      // THEN
      expect(first.lines).toEqual([path.join(workRoot, 'job-a.1', 'work')]);
      for (let i = 0; i < 500 && fs.existsSync(first.lines[0]); i++) await new Promise((resolve) => setTimeout(resolve, 10)); // removed in the background
      expect(fs.existsSync(first.lines[0])).toBe(false);
      expect(kept.lines).toEqual([path.join(workRoot, 'job-a.2', 'work')]);
      expect(fs.readFileSync(path.join(kept.lines[0], 'out.txt'), 'utf8')).toBe('data\n');
    });

    test('a volume\'s sourcePath stands for its container path in the command, and BATCH_LOCAL_MOUNTS lists the mounts', async () => {
      // GIVEN
      const source = fs.mkdtempSync(path.join(workRoot, 'source-'));
      fs.chmodSync(source, 0o755); // readable by the job's user (nobody, under a root runtime)
      fs.writeFileSync(path.join(source, 'in.txt'), 'from the host\n');
      const container = {
        volumes: [{ name: 'data', host: { sourcePath: source } }, { name: 'scratch' }],
        mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }, { sourceVolume: 'scratch', containerPath: '/scratch' }],
      };
      // WHEN
      const sink = await run({ jobId: 'mounts', container, command: sh('cat /data/in.txt && echo x > /scratch/f && ls /scratch && echo "$BATCH_LOCAL_MOUNTS"') });
      // THEN
      const scratch = path.join(workRoot, 'mounts.1', 'volumes', 'scratch');
      expect(sink.lines).toEqual(['from the host', 'f', JSON.stringify({ '/data': source, '/scratch': scratch })]);
      expect(sink.exits).toEqual([{ exitCode: 0 }]);
    });

    test('OVR-1: an image mapping supplies the entrypoint the command relies on', async () => {
      const sink = await run({ image: 'tools:1', command: ['two'] }, { images: { tools: { entrypoint: ['echo', 'one'] } } });
      expect(sink.lines).toEqual(['one two']);
    });

    test('secrets become variables, and their values are masked in the log', async () => {
      // GIVEN
      const container = { secrets: [{ name: 'TOKEN', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/token' }] };
      // WHEN
      const sink = await run({ container, command: sh('echo "token is $TOKEN"; echo "length ${#TOKEN}"') }, { secretValues: { 'arn:aws:ssm:us-east-1:123456789012:parameter/token': 's3cr3t-value' } });
      // THEN
      expect(sink.lines).toEqual(['token is *****', 'length 12']);
    });

    test('a secret without a value fails the launch (ResourceInitializationError)', async () => {
      const sink = await run({ container: { secrets: [{ name: 'TOKEN', valueFrom: 'arn:x' }] }, command: ['true'] });
      expect(sink.exits[0].reason).toMatch(/^ResourceInitializationError: unable to retrieve secret TOKEN from "arn:x"/);
    });
  });

  describe('ProcessRunner: limits', () => {
    const allocate = (mebibytes: number): string[] => [process.execPath, '-e', `Buffer.alloc(${mebibytes} * 1024 * 1024, 1); console.log('allocated')`];

    (hasPrlimit ? test : test.skip)('LIM-9: memory beyond the job\'s memory fails inside the job (RLIMIT_DATA); within it succeeds', async () => {
      const over = await run({ command: allocate(400), memoryMiB: 128 }, { memoryLimit: MemoryLimitMode.DATA_SEGMENT });
      const within = await run({ command: allocate(400), memoryMiB: 1024 }, { memoryLimit: MemoryLimitMode.DATA_SEGMENT });
      expect(over.exits[0].exitCode).not.toBe(0);
      expect(over.lines).not.toContain('allocated');
      expect(within.exits).toEqual([{ exitCode: 0 }]);
      expect(within.lines).toEqual(['allocated']);
    });

    (hasPrlimit ? test : test.skip)('LIM-9: every job sees its own memory limit (soft and hard), whether its helper passes it on (>= 256 MiB) or prlimit sets it per job', async () => {
      // GIVEN one runner, jobs of 128, 512 and 1024 MiB
      const jobs = runner({ memoryLimit: MemoryLimitMode.DATA_SEGMENT });
      const sinks = [128, 512, 1024, 512].map((memoryMiB) => {
        const sink = new RecordingSink();
        jobs.start(containerLaunch({ command: ['cat', '/proc/self/limits'], memoryMiB }), sink);
        return sink;
      });
      // WHEN
      await Promise.all(sinks.map((sink) => sink.exit()));
      // THEN
      const dataLimits = sinks.map((sink) => sink.lines.find((line) => line.startsWith('Max data size'))?.split(/\s+/).slice(3, 5));
      expect(dataLimits).toEqual([128, 512, 1024, 512].map((mebibytes) => [String(mebibytes * 1024 * 1024), String(mebibytes * 1024 * 1024)]));
    });

    test('without a memory limit the same allocation succeeds', async () => {
      const sink = await run({ command: allocate(400), memoryMiB: 128 }, { memoryLimit: MemoryLimitMode.NONE });
      expect(sink.exits).toEqual([{ exitCode: 0 }]);
    });

    (hasPrlimit ? test : test.skip)('ulimits are set for the job\'s processes', async () => {
      const container = { ulimits: [{ name: 'nofile', softLimit: 100, hardLimit: 200 }, { name: 'core', softLimit: 0, hardLimit: 0 }] };
      const sink = await run({ container, command: sh('ulimit -n; ulimit -Hn; ulimit -c') });
      expect(sink.lines).toEqual(['100', '200', '0']);
    });

    test('an unknown ulimit fails the launch, naming it', async () => {
      const sink = await run({ container: { ulimits: [{ name: 'files', softLimit: 1, hardLimit: 1 }] } });
      expect(sink.exits[0].reason).toMatch(/^CannotStartContainerError: ulimits\[0\]\.name: "files" is not a ulimit name/);
    });
  });

  describe('ProcessRunner: users and privileges', () => {
    test('privileged is refused unless the executor allows it', async () => {
      const sink = await run({ container: { privileged: true } });
      expect(sink.exits[0].reason).toMatch(/^CannotStartContainerError: privileged: the job definition asks for a privileged container/);
    });

    (isRoot ? test : test.skip)('a root runtime runs a job without user as nobody, and honours the job\'s user', async () => {
      const byDefault = await run({ jobId: 'as-nobody', command: sh('id -u; id -g; echo "$HOME"') });
      const asUser = await run({ container: { user: '1234:2345' }, command: sh('id -u; id -g') });
      expect(byDefault.lines).toEqual(['65534', '65534', path.join(workRoot, 'as-nobody.1', 'work')]);
      expect(asUser.lines).toEqual(['1234', '2345']);
    });

    (isRoot ? test : test.skip)('an allowed privileged job runs as root', async () => {
      const sink = await run({ container: { privileged: true }, command: ['id', '-u'] }, { allowPrivileged: true });
      expect(sink.lines).toEqual(['0']);
    });

    (isRoot ? test.skip : test)('a runtime that is not root runs the job as itself whatever its user', async () => {
      const sink = await run({ container: { user: '1234' }, command: ['id', '-u'] });
      expect(sink.lines).toEqual([String(process.getuid!())]);
    });
  });

  describe('ProcessRunner: GPUs', () => {
    const showGpus = sh('echo "cuda=$CUDA_VISIBLE_DEVICES nvidia=$NVIDIA_VISIBLE_DEVICES"; sleep 300');

    test('SCHED-4: each GPU job sees only its own GPUs; a job asking for none sees none; a job waits for busy GPUs', async () => {
      // GIVEN a host with two GPUs
      const gpuRunner = runner({ gpuIds: ['GPU-a', 'GPU-b'] });
      const sinks = [new RecordingSink(), new RecordingSink(), new RecordingSink(), new RecordingSink()];
      // WHEN two 1-GPU jobs, a CPU job and a third GPU job start
      const handles = [
        gpuRunner.start(containerLaunch({ jobId: 'g1', gpus: 1, command: showGpus }), sinks[0]),
        gpuRunner.start(containerLaunch({ jobId: 'g2', gpus: 1, command: showGpus }), sinks[1]),
        gpuRunner.start(containerLaunch({ jobId: 'cpu', gpus: 0, command: showGpus }), sinks[2]),
        gpuRunner.start(containerLaunch({ jobId: 'g3', gpus: 1, command: showGpus }), sinks[3]),
      ];
      // THEN
      expect(await sinks[0].lineMatching(() => true)).toBe('cuda=GPU-a nvidia=GPU-a');
      expect(await sinks[1].lineMatching(() => true)).toBe('cuda=GPU-b nvidia=GPU-b');
      expect(await sinks[2].lineMatching(() => true)).toBe('cuda= nvidia=void');
      expect(sinks[3].lines).toEqual([]);
      handles[0].stop('SIGKILL');
      expect(await sinks[3].lineMatching(() => true)).toBe('cuda=GPU-a nvidia=GPU-a');
      for (const handle of handles.slice(1)) handle.stop('SIGKILL');
      await Promise.all(sinks.map((sink) => sink.exit()));
    });

    test('a job stopped while it waits for GPUs ends without starting', async () => {
      const gpuRunner = runner({ gpuIds: ['GPU-a'] });
      const busy = new RecordingSink();
      const waiting = new RecordingSink();
      const first = gpuRunner.start(containerLaunch({ jobId: 'g1', gpus: 1, command: sh('sleep 300') }), busy);
      gpuRunner.start(containerLaunch({ jobId: 'g2', gpus: 1, command: ['echo', 'never'] }), waiting).stop('SIGTERM');
      expect(await waiting.exit()).toEqual({ reason: 'Stopped by SIGTERM before the container started' });
      first.stop('SIGKILL');
      await busy.exit();
    });

    test('SCHED-9: a job asking for more GPUs than the host has cannot start', async () => {
      const sink = await run({ gpus: 2 }, { gpuIds: ['GPU-a'] });
      expect(sink.exits[0].reason).toBe('CannotStartContainerError: resourceRequirements GPU: the job asks for 2 GPUs; this host has 1 (GPU-a)');
    });
  });
});
