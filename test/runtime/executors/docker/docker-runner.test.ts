import { Duration } from 'aws-cdk-lib';
import { ContainerEngine, DockerExecutorProps, JobExecutor } from '../../../../src';
import { ContainerLaunch, JobRunner } from '../../../../src/runtime/core/executor';
import { FakeDockerEnvironment } from '../fixtures/fake-docker-environment';
import { PROBE_ENTRYPOINT } from '../fixtures/probe-paths';
import { containerLaunch, RecordingSink } from '../fixtures/recording-sink';

let fake: FakeDockerEnvironment;
beforeEach(() => { fake = new FakeDockerEnvironment({ probe: PROBE_ENTRYPOINT }); });
afterEach(() => fake.restore());

function runner(props: DockerExecutorProps = {}): JobRunner {
  // engine DOCKER: AUTO would pick a real podman where one answers, not the fake docker.
  return JobExecutor.docker({ workRoot: fake.stateDirectory, engine: ContainerEngine.DOCKER, ...props })._createRunner();
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

// What a real engine cannot show on demand; the rest runs on Podman (docker-runner-real-engine.test.ts,
// ../docker-conformance.test.ts).
describe('DockerRunner (against the fake docker)', () => {
  test('LIFE-2, ENV-1: runs the image with --rm, the job\'s variables and exit code; no separate rm for a container that ran to its end', async () => {
    // WHEN
    const sink = await run({ command: ['env', 'AWS_BATCH_JOB_ID', 'exit', '4'], environment: { AWS_BATCH_JOB_ID: 'job-1' } });
    // THEN
    expect(sink.lines).toEqual(['AWS_BATCH_JOB_ID=job-1']);
    expect(sink.exits).toEqual([{ exitCode: 4 }]);
    expect(runCall().passedByName).toEqual(['AWS_BATCH_JOB_ID']);
    expect(runCall().argv.slice(0, 3)).toEqual(['run', '--rm', '--name']);
    expect(fake.calls().map((call) => call.argv[0])).toEqual(['version', 'run']);
  });

  test('LIFE-7: a stopped container is also removed with rm -f (the client may be gone before --rm acts)', async () => {
    // GIVEN
    const sink = new RecordingSink();
    const handle = runner().start(containerLaunch({ image: 'probe', command: ['echo', 'ready', 'sleep', '300000'] }), sink);
    await sink.lineMatching((line) => line === 'ready');
    // WHEN
    handle.stop('SIGTERM');
    // THEN
    expect(await sink.exit()).toEqual({ exitCode: 143 });
    const name = runCall().argv[3];
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

  test('an engine client that dies mid-run (SIGKILL) fails the attempt without an exit code, not as OutOfMemoryError, and removes the container', async () => {
    // GIVEN a client that crashes once the container printed its first line
    process.env.FAKE_DOCKER_CRASH = '1';
    // WHEN
    const sink = await run({ command: ['echo', 'started', 'sleep', '300000'] });
    // THEN
    expect(sink.lines).toEqual(['started']);
    expect(sink.exits).toEqual([{ reason: 'docker run was killed by SIGKILL: the container\'s exit code is unknown' }]);
    const name = runCall().argv[3];
    await eventually(() => fake.calls().some((call) => call.argv[0] === 'rm'));
    expect(fake.calls().find((call) => call.argv[0] === 'rm')!.argv).toEqual(['rm', '-f', name]);
  });

  test('PLAT-2: GIVEN taskNetworkHolderImage WHEN a task\'s container starts THEN its network holder runs sleep from that image and the container joins it', async () => {
    // GIVEN an engine where the holder image's `sleep` returns at once, as `run -d` does
    fake.restore();
    fake = new FakeDockerEnvironment({ 'probe': PROBE_ENTRYPOINT, 'holder-image': ['true'] });
    // WHEN
    const sink = await run({ containerName: 'app', command: ['echo', 'hi'] }, { taskNetworkHolderImage: 'holder-image' });
    // THEN
    const [holder, app] = fake.calls().filter((call) => call.argv[0] === 'run').map((call) => call.argv);
    expect(holder.slice(-4)).toEqual(['--entrypoint', 'sleep', 'holder-image', '2147483647']);
    expect(app).toEqual(expect.arrayContaining(['--network', `container:${holder[holder.indexOf('--name') + 1]}`, 'probe']));
    expect([sink.lines, sink.exits]).toEqual([['hi'], [{ exitCode: 0 }]]);
  });

  test('SCHED-4: GPU jobs get their pinned GPUs as --gpus', async () => {
    await run({ gpus: 1, command: ['env', 'NVIDIA_VISIBLE_DEVICES'] }, { gpuIds: ['GPU-x', 'GPU-y'] });
    expect(runCall().argv).toEqual(expect.arrayContaining(['--gpus', '"device=GPU-x"']));
  });

  test('without an engine the executor cannot be used, and says what it tried', () => {
    // GIVEN a docker CLI whose daemon does not answer, and no podman
    process.env.FAKE_DOCKER_INFO = 'fail';
    // THEN
    expect(JobExecutor.dockerAvailable(undefined, ContainerEngine.DOCKER)).toBe(false);
    expect(() => JobExecutor.docker({ engine: ContainerEngine.DOCKER })._createRunner()).toThrow(
      'JobExecutor.docker: no container engine answers: tried `docker version` (exit 1: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?); install Podman or start Docker, or use JobExecutor.process()');
    expect(() => JobExecutor.docker({ engine: ContainerEngine.PODMAN, dockerCommand: '/nonexistent/podman' })._createRunner()).toThrow(
      'tried `/nonexistent/podman version` (not found)');
  });
});
