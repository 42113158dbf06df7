/**
 * PLAT-3 on every executor: EKS pods' `secret` volumes (from the runtime's Kubernetes secrets
 * directory) and `persistentVolumeClaim` volumes (one kept directory per claim), through
 * `LocalBatchRuntime.fromTemplate` with the conformance suite's probe in each container. Whether a
 * pod starts must agree on every executor, virtual time included; what a container reads or writes
 * is checked where something runs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { conformanceTemplate, ConformanceTarget, expectNoContainerLeft, PROBE_IMAGE } from './conformance';
import { TimeControl, useConformanceHooks } from './conformance-time';
import { addEksQueue, podResources } from './multi-container-conformance';
import { JobDetail, LocalBatchRuntime } from '../../../src';

/** A pod definition of one main container (after an init container that mounts nothing). */
function pod(image: string, volumes: unknown[], mounts: unknown[], command: string[]): any {
  return {
    Type: 'AWS::Batch::JobDefinition',
    Properties: {
      Type: 'container',
      EksProperties: {
        PodProperties: {
          Volumes: volumes,
          InitContainers: [{ Name: 'init', Image: image, Command: ['echo', 'init ran'], Resources: podResources }],
          Containers: [{ Name: 'main', Image: image, Command: command, Resources: podResources, VolumeMounts: mounts }],
        },
      },
    },
  };
}

function podVolumeTemplate(image: string): any {
  const template = conformanceTemplate(image);
  addEksQueue(template);
  const creds = { Name: 'creds', Secret: { SecretName: 'db-creds' } };
  const extra = { Name: 'extra', Secret: { SecretName: 'absent', Optional: true } };
  template.Resources.SecretPod = pod(image, [creds, extra],
    [{ Name: 'creds', MountPath: '/etc/creds' }, { Name: 'extra', MountPath: '/extra' }],
    ['ls', '/etc/creds', 'cat', '/etc/creds/password', 'ls', '/extra', 'echo', 'listed']);
  template.Resources.MissingSecretPod = pod(image, [{ Name: 'creds', Secret: { SecretName: 'absent' } }],
    [{ Name: 'creds', MountPath: '/etc/creds' }], ['cat', '/etc/creds/password']);
  const claim = (readOnly: boolean) => ({ Name: 'cache', PersistentVolumeClaim: { ClaimName: 'model-cache', ReadOnly: readOnly } });
  template.Resources.ClaimWriter = pod(image, [claim(false)], [{ Name: 'cache', MountPath: '/cache' }], ['write', '/cache/note']);
  template.Resources.ClaimReader = pod(image, [claim(false)], [{ Name: 'cache', MountPath: '/cache' }], ['cat', '/cache/note']);
  template.Resources.ReadOnlyClaimWriter = pod(image, [claim(true)], [{ Name: 'cache', MountPath: '/cache' }], ['write', '/cache/refused']);
  return template;
}

/** Registers the pod-volume case for one executor. */
export function describePodVolumeConformance(target: ConformanceTarget): void {
  describe(`pod volume conformance: ${target.name}`, () => {
    let runtime: LocalBatchRuntime | undefined;
    let time: TimeControl;
    let secrets: string;
    let claims: string;

    beforeAll(() => {
      // Readable by any job user: a root runtime runs the process executor's jobs as nobody.
      secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-secrets-'));
      fs.chmodSync(secrets, 0o755);
      fs.mkdirSync(path.join(secrets, 'db-creds'), { mode: 0o755 });
      fs.writeFileSync(path.join(secrets, 'db-creds', 'password'), 's3cret\n', { mode: 0o644 });
      claims = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-claims-'));
      fs.chmodSync(claims, 0o755);
    });
    afterAll(() => {
      fs.rmSync(secrets, { recursive: true, force: true });
      fs.rmSync(claims, { recursive: true, force: true });
    });

    useConformanceHooks(target, { runtime: () => runtime, setTime: (control) => { time = control; }, disposed: () => { runtime = undefined; } });

    const start = (): LocalBatchRuntime => runtime = LocalBatchRuntime.fromTemplate(podVolumeTemplate(target.image ?? PROBE_IMAGE), {
      executor: target.executor(), kubernetesSecretsDirectory: secrets, persistentVolumesDirectory: claims,
    });
    const runPod = async (rt: LocalBatchRuntime, definition: string): Promise<JobDetail> =>
      time.waitForJob(rt, rt.submitJob({ jobName: definition, jobQueue: rt.resourceArn('EksQueue'), jobDefinition: rt.resourceArn(definition) }).jobId);
    const mainLog = (rt: LocalBatchRuntime, definition: string, job: JobDetail): string[] => {
      const definitionName = rt.resourceArn(definition).split('/').pop()!.split(':')[0];
      return rt.getLogStream(`${definitionName}/main/${job.eksAttempts![0].podName.replace(/^aws-batch\./, '').replace(/-/g, '')}`);
    };
    // Virtual time reads and writes nothing: the files a container sees are checked where something runs.
    const realExecutor = target.workRoot === undefined ? test.skip : test;

    test('PLAT-3: GIVEN a secret in the secrets directory and an optional secret that is missing WHEN a pod mounts both THEN it runs, and its container reads the secret\'s keys and an empty directory', async () => {
      // GIVEN
      const rt = start();

      // WHEN
      const job = await runPod(rt, 'SecretPod');

      // THEN
      expect(job.status).toBe('SUCCEEDED');
      if (target.workRoot !== undefined) expect(mainLog(rt, 'SecretPod', job)).toEqual(['password', 's3cret', 'listed']);
      await expectNoContainerLeft(target, job.jobId);
    });

    test('PLAT-3: GIVEN a required secret missing from the secrets directory WHEN the pod runs THEN no container starts and the attempt fails naming the volume, the secret and the directory', async () => {
      // GIVEN
      const rt = start();

      // WHEN
      const job = await runPod(rt, 'MissingSecretPod');

      // THEN
      expect(job.status).toBe('FAILED');
      expect(job.statusReason).toBe(`Task failed to start: volume "creds": secret "absent" not found: no directory ${path.join(secrets, 'absent')} `
        + `in the Kubernetes secrets directory ${secrets} (a file per key: ${secrets}/absent/<key>)`);
      const attempt = job.eksAttempts![0];
      expect([...attempt.initContainers, ...attempt.containers].map((c: any) => c.exitCode)).toEqual([undefined, undefined]);
      await expectNoContainerLeft(target, job.jobId);
    });

    realExecutor('PLAT-3: GIVEN a persistent volume claim WHEN one job writes a file to it and a later job mounts the same claim THEN the later job reads the file, which stays in the claim\'s directory', async () => {
      // GIVEN
      const rt = start();
      const writer = await runPod(rt, 'ClaimWriter');

      // WHEN
      const reader = await runPod(rt, 'ClaimReader');

      // THEN
      expect([writer.status, reader.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
      expect(mainLog(rt, 'ClaimReader', reader)).toEqual(['written']);
      expect(fs.readFileSync(path.join(claims, 'model-cache', 'note'), 'utf8')).toBe('written\n');
      await expectNoContainerLeft(target, reader.jobId);
    });

    // The process executor maps paths and enforces no readOnly (docs/executors.md); a container engine mounts `:ro`.
    (target.enforcesReadOnly ? test : test.skip)('PLAT-3: GIVEN a claim mounted readOnly WHEN the container writes to it THEN the write is refused and the pod fails', async () => {
      // GIVEN
      const rt = start();

      // WHEN
      const job = await runPod(rt, 'ReadOnlyClaimWriter');

      // THEN
      expect(job.status).toBe('FAILED');
      expect(job.eksAttempts![0].containers[0].exitCode).toBe(98);
      expect(fs.existsSync(path.join(claims, 'model-cache', 'refused'))).toBe(false);
      await expectNoContainerLeft(target, job.jobId);
    });
  });
}
