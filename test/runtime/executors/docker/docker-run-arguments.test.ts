import { ContainerLaunch } from '../../../../src/runtime/core/executor';
import { DockerRunInputs, dockerRunCommand } from '../../../../src/runtime/executors/docker/docker-run-arguments';
import { containerLaunch } from '../fixtures/recording-sink';

const inputs: DockerRunInputs = {
  containerName: 'batch-job-1',
  mounts: [],
  ulimits: [],
  gpuIds: [],
  secrets: {},
  allowPrivileged: false,
  runArguments: [],
  clientEnvironment: { PATH: '/usr/bin', DOCKER_HOST: 'unix:///run/docker.sock' },
};

function command(launch: Partial<ContainerLaunch>, extra: Partial<DockerRunInputs> = {}) {
  return dockerRunCommand(containerLaunch({ image: 'busybox:1', command: ['echo', 'hi there'], ...launch }), { ...inputs, ...extra });
}

describe('dockerRunCommand', () => {
  test('OVR-1, PARAM-1: the image and the command after overrides, each argv element as one argument', () => {
    const { args } = command({});
    expect(args.slice(0, 4)).toEqual(['run', '--rm', '--name', 'batch-job-1']);
    expect(args.slice(-3)).toEqual(['busybox:1', 'echo', 'hi there']);
  });

  test('LIM-9: memory is a hard limit without swap, vCPUs are CPU shares as ECS sets them and a CPU quota', () => {
    const { args } = command({ memoryMiB: 2048, vcpus: 2 });
    expect(args).toEqual(expect.arrayContaining(['--memory=2048m', '--memory-swap=2048m', '--cpu-shares=2048', '--cpus=2']));
  });

  test('no network unless networkConfiguration.assignPublicIp is ENABLED or the run arguments choose one', () => {
    // WHEN
    const plain = command({}).args;
    const asked = command({ container: { networkConfiguration: { assignPublicIp: 'ENABLED' } } as any }).args;
    const chosen = command({}, { runArguments: ['--network=host'] }).args;
    // THEN
    expect(plain.slice(plain.indexOf('--network'), plain.indexOf('--network') + 2)).toEqual(['--network', 'none']);
    expect(asked.slice(asked.indexOf('--network'), asked.indexOf('--network') + 2)).toEqual(['--network', 'bridge']);
    expect(chosen.filter((a) => a.startsWith('--net'))).toEqual(['--network=host']);
  });

  test('ENV-1, ENV-2: variables are passed by name, their values only in the client\'s environment', () => {
    // WHEN
    const { args, clientEnvironment } = command({ environment: { AWS_BATCH_JOB_ID: 'id-value-7', WHO: 'me' } });
    // THEN
    expect(args).toEqual(expect.arrayContaining(['-e', 'AWS_BATCH_JOB_ID', '-e', 'WHO']));
    expect(args.join(' ')).not.toContain('id-value-7');
    expect(clientEnvironment).toMatchObject({ AWS_BATCH_JOB_ID: 'id-value-7', WHO: 'me', DOCKER_HOST: 'unix:///run/docker.sock' });
  });

  test('a job variable the docker client reads itself is passed by value, never through the client\'s environment', () => {
    const { args, clientEnvironment } = command({ environment: { PATH: '/opt/bin', DOCKER_HOST: 'tcp://elsewhere:2375' } });
    expect(args).toEqual(expect.arrayContaining(['-e', 'PATH=/opt/bin', '-e', 'DOCKER_HOST=tcp://elsewhere:2375']));
    expect(clientEnvironment.DOCKER_HOST).toBe('unix:///run/docker.sock');
    expect(clientEnvironment.PATH).toBe('/usr/bin');
  });

  test('secrets never appear on the command line', () => {
    const { args, clientEnvironment } = command({}, { secrets: { TOKEN: 's3cr3t' } });
    expect(args).toEqual(expect.arrayContaining(['-e', 'TOKEN']));
    expect(args.join(' ')).not.toContain('s3cr3t');
    expect(clientEnvironment.TOKEN).toBe('s3cr3t');
    expect(() => command({}, { secrets: { DOCKER_HOST: 'x' } })).toThrow('secrets: a secret named DOCKER_HOST would have to be put on the docker command line');
  });

  test('volumes, ulimits, devices, user, read-only root, init, shared memory, tmpfs and swap from the job definition', () => {
    // GIVEN
    const container = {
      user: '1000:1000',
      readonlyRootFilesystem: true,
      linuxParameters: {
        initProcessEnabled: true,
        sharedMemorySize: 64,
        maxSwap: 512,
        swappiness: 10,
        tmpfs: [{ containerPath: '/run/cache', size: 32, mountOptions: ['noexec'] }],
        devices: [{ hostPath: '/dev/infiniband/uverbs0', permissions: ['READ', 'WRITE', 'MKNOD'] }],
      },
    };
    // WHEN
    const { args } = command({ container, memoryMiB: 1024 }, {
      mounts: [
        { containerPath: '/data', hostPath: '/srv/data', readOnly: true, kind: 'host' },
        { containerPath: '/run/cache', hostPath: '/tmp/x', readOnly: false, kind: 'tmpfs' },
      ],
      ulimits: [{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }],
    });
    // THEN
    const line = args.join(' ');
    for (const expected of [
      '--init', '--shm-size=64m', '--memory=1024m', '--memory-swap=1536m', '--memory-swappiness=10',
      '--tmpfs /run/cache:size=32m,noexec', '--ulimit nofile=1024:4096', '-v /srv/data:/data:ro',
      '--device /dev/infiniband/uverbs0:/dev/infiniband/uverbs0:rwm', '--user 1000:1000', '--read-only',
    ]) {
      expect(line).toContain(expected);
    }
    expect(line).not.toContain('/tmp/x');
  });

  test('SCHED-4: pinned GPUs are given with --gpus and NVIDIA_VISIBLE_DEVICES', () => {
    const { args, clientEnvironment } = command({ gpus: 2 }, { gpuIds: ['0', '1'] });
    expect(args).toEqual(expect.arrayContaining(['--gpus', '"device=0,1"', '-e', 'NVIDIA_VISIBLE_DEVICES']));
    expect(clientEnvironment.NVIDIA_VISIBLE_DEVICES).toBe('0,1');
  });

  test('privileged only when allowed; no image is refused', () => {
    expect(() => command({ container: { privileged: true } })).toThrow('privileged: the job definition asks for a privileged container');
    expect(command({ container: { privileged: true } }, { allowPrivileged: true }).args).toContain('--privileged');
    expect(() => command({ image: undefined })).toThrow('image: the job definition has no image');
  });

  test('extra run arguments go before the image', () => {
    const { args } = command({}, { runArguments: ['--network', 'host'] });
    expect(args.slice(-5)).toEqual(['--network', 'host', 'busybox:1', 'echo', 'hi there']);
  });
});
