import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LaunchFailure } from '../../../../src/runtime/executors/common/launch-failure';
import { checkSecretVolumes, resolvePodVolumeSources, secretDirectory } from '../../../../src/runtime/executors/workspace/pod-volume-sources';

describe('pod volume sources (PLAT-3)', () => {
  let secrets: string;
  beforeEach(() => {
    secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-volume-sources-'));
    fs.mkdirSync(path.join(secrets, 'db-creds'));
    fs.writeFileSync(path.join(secrets, 'db-creds', 'password'), 's3cret');
    fs.writeFileSync(path.join(secrets, 'not-a-directory'), 'x');
  });
  afterEach(() => fs.rmSync(secrets, { recursive: true, force: true }));

  test('PLAT-3: GIVEN a secrets directory holding the secret WHEN its volume is resolved THEN it is the secret\'s directory', () => {
    // WHEN / THEN
    expect(secretDirectory('creds', { secretName: 'db-creds' }, secrets)).toBe(path.join(secrets, 'db-creds'));
  });

  test('PLAT-3: GIVEN an optional secret that is missing WHEN its volume is resolved THEN it has no directory (an empty one stands for it)', () => {
    // WHEN / THEN
    expect(secretDirectory('extra', { secretName: 'absent', optional: true }, secrets)).toBeUndefined();
    expect(secretDirectory('extra', { secretName: 'absent', optional: true }, undefined)).toBeUndefined();
  });

  test('PLAT-3: GIVEN a required secret that is missing WHEN its volume is resolved THEN the launch fails naming the volume, the secret and the directory', () => {
    // WHEN
    const resolve = (): unknown => secretDirectory('creds', { secretName: 'absent' }, secrets);

    // THEN
    expect(resolve).toThrow(LaunchFailure);
    expect(resolve).toThrow(`volume "creds": secret "absent" not found: no directory ${path.join(secrets, 'absent')} in the Kubernetes secrets directory ${secrets}`);
    // A file of that name is no secret either.
    expect(() => secretDirectory('creds', { secretName: 'not-a-directory' }, secrets)).toThrow(/secret "not-a-directory" not found/);
  });

  test('PLAT-3: GIVEN no secrets directory WHEN a required secret volume is resolved THEN the launch fails saying which option to set', () => {
    // WHEN / THEN
    expect(() => secretDirectory('creds', { secretName: 'db-creds' }, undefined))
      .toThrow('volume "creds": secret "db-creds" not found: the runtime has no Kubernetes secrets directory; '
        + 'set LocalBatchRuntimeProps.kubernetesSecretsDirectory (batch-local --kubernetes-secrets-dir) to a directory holding db-creds/<key> files');
  });

  test('PLAT-3: GIVEN a container\'s volumes WHEN they are checked THEN only a missing required secret fails, as a ResourceInitializationError', () => {
    // GIVEN
    const volumes = [{ name: 'data', host: { sourcePath: '/srv' } }, { name: 'creds', secret: { secretName: 'db-creds' } }];

    // WHEN / THEN
    expect(() => checkSecretVolumes(volumes, secrets)).not.toThrow();
    expect(() => checkSecretVolumes(undefined, undefined)).not.toThrow();
    let failure: LaunchFailure | undefined;
    try {
      checkSecretVolumes([...volumes, { name: 'other', secret: { secretName: 'other' } }], secrets);
    } catch (error) {
      failure = error as LaunchFailure;
    }
    expect(failure?.toResult().reason).toMatch(/^ResourceInitializationError: volume "other": secret "other" not found/);
  });

  test('PLAT-3: GIVEN relative directories or none WHEN the sources are resolved THEN they are absolute, claims defaulting to the work root', () => {
    // WHEN / THEN
    expect(resolvePodVolumeSources({}, '/work')).toEqual({ kubernetesSecretsDirectory: undefined, persistentVolumesDirectory: '/work/persistent-volumes' });
    expect(resolvePodVolumeSources({ kubernetesSecretsDirectory: 'secrets', persistentVolumesDirectory: 'claims' }, '/work'))
      .toEqual({ kubernetesSecretsDirectory: path.resolve('secrets'), persistentVolumesDirectory: path.resolve('claims') });
  });
});
