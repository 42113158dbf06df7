import * as fs from 'fs';
import { Duration } from 'aws-cdk-lib';
import { DockerExecutorProps, JobExecutor } from '../../../../src';
import { ContainerLaunch, JobRunner } from '../../../../src/runtime/core/executor';
import { FakeDockerEnvironment } from '../fixtures/fake-docker-environment';
import { PROBE_ENTRYPOINT } from '../fixtures/probe-paths';
import { containerLaunch, RecordingSink } from '../fixtures/recording-sink';

let fake: FakeDockerEnvironment;
beforeEach(() => { fake = new FakeDockerEnvironment({ probe: PROBE_ENTRYPOINT }); });
afterEach(() => fake.restore());

function runner(props: DockerExecutorProps = {}): JobRunner {
  return JobExecutor.docker({ workRoot: fake.stateDirectory, ...props })._createRunner();
}

async function run(launch: Partial<ContainerLaunch>, props: DockerExecutorProps = {}): Promise<RecordingSink> {
  const sink = new RecordingSink();
  runner(props).start(containerLaunch({ image: 'probe', ...launch }), sink);
  await sink.exit();
  return sink;
}

const runCall = () => fake.calls().find((call) => call.argv[0] === 'run')!;

/** The fake removes containers without waiting for the caller; the call lands a moment later. */
async function eventually(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('DockerRunner (against the fake docker)', () => {
  test('LIFE-2, ENV-1: runs the image with the job\'s variables and exit code, then removes the container', async () => {
    // WHEN
    const sink = await run({ command: ['env', 'AWS_BATCH_JOB_ID', 'exit', '4'], environment: { AWS_BATCH_JOB_ID: 'job-1' } });
    // THEN
    expect(sink.lines).toEqual(['AWS_BATCH_JOB_ID=job-1']);
    expect(sink.exits).toEqual([{ exitCode: 4 }]);
    expect(runCall().passedByName).toEqual(['AWS_BATCH_JOB_ID']);
    const name = runCall().argv[2];
    await eventually(() => fake.calls().some((call) => call.argv[0] === 'rm'));
    expect(fake.calls().find((call) => call.argv[0] === 'rm')!.argv).toEqual(['rm', '-f', name]);
  });

  test('secrets reach the container by name only and are masked in its log', async () => {
    // WHEN
    const sink = await run(
      { container: { secrets: [{ name: 'TOKEN', valueFrom: 'arn:token' }] }, command: ['env', 'TOKEN'] },
      { secretValues: { 'arn:token': 's3cr3t-value' } },
    );
    // THEN
    expect(sink.lines).toEqual(['TOKEN=*****']);
    expect(JSON.stringify(fake.calls())).not.toContain('s3cr3t-value');
  });

  test('a container the daemon cannot create (exit 125) cannot start, with the daemon\'s message', async () => {
    const sink = await run({ image: 'unpullable/image:1' });
    expect(sink.exits).toEqual([{ reason: 'CannotStartContainerError: docker: Error response from daemon: pull access denied for unpullable/image:1.', statusReason: 'Task failed to start: docker: Error response from daemon: pull access denied for unpullable/image:1.' }]);
  });

  test('a container the kernel OOM-killed reports OutOfMemoryError', async () => {
    // GIVEN the fake reports OOMKilled for a container that exits 137 without being killed
    const sink = await run({ command: ['exit', '137'] });
    // THEN
    expect(sink.exits).toEqual([{ exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' }]);
  });

  test('TIME-2: stop signals go through docker kill; SIGKILL follows SIGTERM after the grace period', async () => {
    // GIVEN a container that ignores SIGTERM
    const sink = new RecordingSink();
    const handle = runner({ stopGracePeriod: Duration.seconds(3) }) // long enough for the trap to print on a loaded machine
      .start(containerLaunch({ image: 'probe', command: ['trap-term', 'got TERM', 'echo', 'ready', 'sleep', '300000'] }), sink);
    await sink.lineMatching((line) => line === 'ready');
    // WHEN
    handle.stop('SIGTERM');
    // THEN
    await sink.lineMatching((line) => line === 'got TERM');
    expect(await sink.exit()).toEqual({ exitCode: 137 });
    const kills = fake.calls().filter((call) => call.argv[0] === 'kill').map((call) => call.argv[1]);
    expect(kills).toEqual(['--signal=SIGTERM', '--signal=SIGKILL']);
  });

  test('SCHED-4: GPU jobs get their pinned GPUs as --gpus', async () => {
    await run({ gpus: 1, command: ['env', 'NVIDIA_VISIBLE_DEVICES'] }, { gpuIds: ['GPU-x', 'GPU-y'] });
    expect(runCall().argv).toEqual(expect.arrayContaining(['--gpus', '"device=GPU-x"']));
  });

  test('a volume without a host path is a scratch directory of the attempt, mounted with -v', async () => {
    // GIVEN
    const container = { volumes: [{ name: 'scratch' }], mountPoints: [{ sourceVolume: 'scratch', containerPath: '/scratch' }] };
    // WHEN
    await run({ container, command: ['echo', 'x'] }, { keepWorkDirectories: true });
    // THEN
    const volume = runCall().argv[runCall().argv.indexOf('-v') + 1];
    expect(volume).toMatch(/\/volumes\/scratch:\/scratch$/);
    expect(fs.statSync(volume.split(':')[0]).isDirectory()).toBe(true);
  });

  test('without an engine the executor cannot be used, and says so', () => {
    process.env.FAKE_DOCKER_INFO = 'fail';
    expect(JobExecutor.dockerAvailable()).toBe(false);
    expect(() => JobExecutor.docker()._createRunner()).toThrow('JobExecutor.docker: no Docker engine answers `docker info`; start one, or use JobExecutor.process()');
  });
});
