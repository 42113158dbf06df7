import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JobExecutor, LocalBatchRuntime } from '../../../../src';
import { conformanceTemplate } from '../conformance';
import { BUSYBOX_IMAGE, containersLeftOfJob, describeWithRealEngine, ENTRYPOINT_IMAGE } from '../fixtures/real-engine';

/*
 * What only a real engine shows about the container executor, beyond the conformance suite: image
 * ENTRYPOINT/CMD, isolation settings from the job definition (volumes, user, read-only root, ulimits,
 * CPU quota, memory limit, no network), the OOM killer, and privileged refused. The probes are shell
 * commands (busybox has no node), grouped so that few containers run.
 */

/** One container that prints every isolation setting it sees, one `name=value` line each. */
const ISOLATION_PROBE = [
  'echo "id=$(id -u):$(id -g)"',
  'touch /root-file 2>/dev/null && echo rootfs=writable || echo rootfs=read-only',
  'echo "host=$(cat /host/in.txt)"',
  'touch /host/new 2>/dev/null && echo host-mount=writable || echo host-mount=read-only',
  'echo scratch-data > /scratch/out && echo "scratch=$(cat /scratch/out)"',
  'echo "nofile=$(ulimit -Sn):$(ulimit -Hn)"',
  // cgroup v1 (hybrid hosts) or v2: the CFS quota over a 100000 us period, and the memory limit
  'if [ -r /sys/fs/cgroup/cpu/cpu.cfs_quota_us ]; then echo "cpu-quota=$(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us)"; else read q p < /sys/fs/cgroup/cpu.max; echo "cpu-quota=$q"; fi',
  'if [ -r /sys/fs/cgroup/memory/memory.limit_in_bytes ]; then echo "memory=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)"; else echo "memory=$(cat /sys/fs/cgroup/memory.max)"; fi',
  'echo "net=$(ls /sys/class/net)"',
].join('\n');

function template(hostDirectory: string): any {
  const base = conformanceTemplate(BUSYBOX_IMAGE);
  const definition = (container: Record<string, unknown>) => ({
    Type: 'AWS::Batch::JobDefinition',
    Properties: { Type: 'container', ContainerProperties: { Image: BUSYBOX_IMAGE, Vcpus: 1, Memory: 64, ...container } },
  });
  Object.assign(base.Resources, {
    EntrypointDefault: definition({ Image: ENTRYPOINT_IMAGE }),
    EntrypointCommand: definition({ Image: ENTRYPOINT_IMAGE, Command: ['first', 'second arg'] }),
    Isolated: definition({
      Vcpus: 2,
      Memory: 96,
      User: '1000:1000',
      ReadonlyRootFilesystem: true,
      Ulimits: [{ Name: 'nofile', SoftLimit: 256, HardLimit: 512 }],
      Volumes: [{ Name: 'host', Host: { SourcePath: hostDirectory } }, { Name: 'scratch' }],
      MountPoints: [{ SourceVolume: 'host', ContainerPath: '/host', ReadOnly: true }, { SourceVolume: 'scratch', ContainerPath: '/scratch' }],
      Command: ['sh', '-c', ISOLATION_PROBE],
    }),
    MemoryHog: definition({ Memory: 32, Command: ['sh', '-c', 'echo allocating; exec dd if=/dev/zero of=/dev/null bs=100M count=1'] }),
    Privileged: definition({ Privileged: true, Command: ['grep', 'CapEff', '/proc/self/status'] }),
    Unprivileged: definition({ Command: ['grep', 'CapEff', '/proc/self/status'] }),
    NoSuchCommand: definition({ Command: ['no-such-command'] }),
  });
  return base;
}

// Real containers on a shared machine: a generous ceiling per test, never a timing assertion.
jest.setTimeout(240_000);

describeWithRealEngine('docker executor isolation on a real engine', (engine) => {
  let workRoot: string;
  let hostDirectory: string;
  let runtime: LocalBatchRuntime;

  beforeAll(() => {
    workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-real-engine-'));
    fs.chmodSync(workRoot, 0o755); // the container's user 1000 must reach the scratch volume
    hostDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-real-engine-host-'));
    fs.chmodSync(hostDirectory, 0o755);
    fs.writeFileSync(path.join(hostDirectory, 'in.txt'), 'from the host\n', { mode: 0o644 });
    runtime = LocalBatchRuntime.fromTemplate(template(hostDirectory), { executor: JobExecutor.docker({ workRoot }) });
  });
  afterAll(() => {
    runtime.dispose();
    fs.rmSync(workRoot, { recursive: true, force: true });
    fs.rmSync(hostDirectory, { recursive: true, force: true });
  });

  const submit = (definition: string): string => runtime.submitJob({
    jobName: definition.toLowerCase(), jobQueue: runtime.resourceArn('Queue'), jobDefinition: runtime.resourceArn(definition),
  }).jobId;

  test('OVR-1: without a command the image\'s ENTRYPOINT runs with its CMD; a job command replaces CMD, not ENTRYPOINT', async () => {
    // WHEN
    const withDefault = submit('EntrypointDefault');
    const withCommand = submit('EntrypointCommand');
    const jobs = await Promise.all([runtime.waitForJob(withDefault), runtime.waitForJob(withCommand)]);
    // THEN
    expect(jobs.map((job) => job.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(runtime.getJobLogs(withDefault)).toEqual(['entrypoint args: default-cmd']);
    expect(runtime.getJobLogs(withCommand)).toEqual(['entrypoint args: first second arg']);
  });

  test('LIM-9: volumes and mount points, user, read-only root, ulimits, vCPUs as a CPU quota, memory as a limit, no network', async () => {
    // WHEN
    const jobId = submit('Isolated');
    const job = await runtime.waitForJob(jobId);
    // THEN
    expect([job.status, job.container?.reason, runtime.getJobLogs(jobId)]).toEqual(['SUCCEEDED', undefined, expect.anything()]);
    expect(runtime.getJobLogs(jobId)).toEqual([
      'id=1000:1000',
      'rootfs=read-only',
      'host=from the host',
      'host-mount=read-only',
      'scratch=scratch-data',
      'nofile=256:512',
      'cpu-quota=200000',
      `memory=${96 * 1024 * 1024}`,
      'net=lo',
    ]);
    expect(fs.readdirSync(hostDirectory)).toEqual(['in.txt']);
  });

  test('LIM-9: a container the memory limit kills (137, no stop requested) FAILS with OutOfMemoryError', async () => {
    // WHEN
    const jobId = submit('MemoryHog');
    const job = await runtime.waitForJob(jobId);
    // THEN
    expect(runtime.getJobLogs(jobId)).toEqual(['allocating']);
    expect(job.status).toBe('FAILED');
    expect(job.container?.exitCode).toBe(137);
    expect(job.container?.reason).toBe('OutOfMemoryError: Container killed due to memory usage');
    expect(await containersLeftOfJob(engine, jobId)).toEqual([]);
  });

  test('a command the image does not have (127 with the engine\'s message) cannot start: CannotStartContainerError', async () => {
    // WHEN
    const jobId = submit('NoSuchCommand');
    const job = await runtime.waitForJob(jobId);
    // THEN
    expect(job.status).toBe('FAILED');
    expect(job.container?.exitCode).toBeUndefined();
    expect(job.container?.reason).toMatch(/^CannotStartContainerError: .*no-such-command/);
    expect(await containersLeftOfJob(engine, jobId)).toEqual([]);
  });

  test('a privileged job definition is refused unless allowPrivileged: no container is created', async () => {
    // WHEN
    const jobId = submit('Privileged');
    const job = await runtime.waitForJob(jobId);
    // THEN
    expect(job.status).toBe('FAILED');
    expect(job.container?.reason).toContain('privileged: the job definition asks for a privileged container');
    expect(runtime.getJobLogs(jobId)).toEqual([]);
    expect(await containersLeftOfJob(engine, jobId)).toEqual([]);
  });

  test('with allowPrivileged the privileged job definition runs with more capabilities than an ordinary one', async () => {
    // GIVEN a runtime whose executor allows privileged containers
    const allowing = LocalBatchRuntime.fromTemplate(template(hostDirectory), { executor: JobExecutor.docker({ workRoot, allowPrivileged: true }) });
    try {
      const submitTo = (definition: string): string => allowing.submitJob({
        jobName: definition.toLowerCase(), jobQueue: allowing.resourceArn('Queue'), jobDefinition: allowing.resourceArn(definition),
      }).jobId;
      // WHEN
      const privileged = submitTo('Privileged');
      const ordinary = submitTo('Unprivileged');
      const jobs = await Promise.all([allowing.waitForJob(privileged), allowing.waitForJob(ordinary)]);
      // THEN
      expect(jobs.map((job) => job.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
      const capabilities = (jobId: string): bigint => BigInt(`0x${/^CapEff:\s*([0-9a-f]+)$/.exec(allowing.getJobLogs(jobId)[0])![1]}`);
      // eslint-disable-next-line no-bitwise -- a capability mask: a superset keeps every bit of the other
      expect(capabilities(privileged) & capabilities(ordinary)).toBe(capabilities(ordinary));
      expect(capabilities(privileged)).not.toBe(capabilities(ordinary));
    } finally {
      allowing.dispose();
    }
  });
});
