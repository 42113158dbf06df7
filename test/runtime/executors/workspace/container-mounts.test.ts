import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MountDirectories, resolveMounts, safePathSegment } from '../../../../src/runtime/executors/workspace/container-mounts';

const directories: MountDirectories = {
  scratch: (name) => `/work/attempt/volumes/${name}`,
  pod: (name) => `/work/job.1/pod-volumes/${name}`,
  efs: (id) => `/work/efs/${id}`,
  tmpfs: (index) => `/work/attempt/tmpfs/${index}`,
  claim: (name) => `/claims/${name}`,
};

describe('resolveMounts', () => {
  test('a volume with host.sourcePath maps to that path, one without to a scratch directory', () => {
    // GIVEN
    const container = {
      volumes: [{ name: 'data', host: { sourcePath: '/srv/data' } }, { name: 'scratch' }, { name: 'unused', host: { sourcePath: '/x' } }],
      mountPoints: [
        { sourceVolume: 'data', containerPath: '/data', readOnly: true },
        { sourceVolume: 'scratch', containerPath: '/tmp/work/' },
      ],
    };
    // WHEN / THEN
    expect(resolveMounts(container, directories)).toEqual([
      { containerPath: '/data', hostPath: '/srv/data', readOnly: true, kind: 'host' },
      { containerPath: '/tmp/work/', hostPath: '/work/attempt/volumes/scratch', readOnly: false, kind: 'scratch' },
    ]);
  });

  test('PLAT-3: a pod\'s emptyDir volume maps to the pod attempt\'s directory, not the container\'s', () => {
    // GIVEN
    const container = { volumes: [{ name: 'shared', emptyDir: {} }], mountPoints: [{ sourceVolume: 'shared', containerPath: '/shared' }] };
    // WHEN / THEN
    expect(resolveMounts(container, directories)).toEqual([{ containerPath: '/shared', hostPath: '/work/job.1/pod-volumes/shared', readOnly: false, kind: 'pod' }]);
  });

  describe('PLAT-3: secret volumes', () => {
    let secrets: string;
    beforeAll(() => {
      secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'container-mounts-'));
      fs.mkdirSync(path.join(secrets, 'db-creds'));
    });
    afterAll(() => fs.rmSync(secrets, { recursive: true, force: true }));
    const withSecrets = (): MountDirectories => ({ ...directories, secretsDirectory: secrets });

    test('PLAT-3: GIVEN a secret that exists WHEN its volume is mounted THEN it maps to the secret\'s directory, read-only whatever the mount says', () => {
      // GIVEN
      const container = { volumes: [{ name: 'creds', secret: { secretName: 'db-creds' } }], mountPoints: [{ sourceVolume: 'creds', containerPath: '/etc/creds', readOnly: false }] };
      // WHEN / THEN
      expect(resolveMounts(container, withSecrets())).toEqual([{ containerPath: '/etc/creds', hostPath: path.join(secrets, 'db-creds'), readOnly: true, kind: 'secret' }]);
    });

    test('PLAT-3: GIVEN an optional secret that is missing WHEN its volume is mounted THEN it is an empty directory of the pod attempt', () => {
      // GIVEN
      const container = { volumes: [{ name: 'extra', secret: { secretName: 'absent', optional: true } }], mountPoints: [{ sourceVolume: 'extra', containerPath: '/extra' }] };
      // WHEN / THEN
      expect(resolveMounts(container, withSecrets())).toEqual([{ containerPath: '/extra', hostPath: '/work/job.1/pod-volumes/extra', readOnly: true, kind: 'pod' }]);
    });

    test('PLAT-3: GIVEN a required secret that is missing from a volume the container does not mount WHEN it is launched THEN the launch fails all the same', () => {
      // GIVEN
      const container = { volumes: [{ name: 'creds', secret: { secretName: 'absent' } }] };
      // WHEN / THEN
      expect(() => resolveMounts(container, withSecrets())).toThrow(`volume "creds": secret "absent" not found: no directory ${path.join(secrets, 'absent')}`);
    });
  });

  test('PLAT-3: GIVEN persistent volume claims WHEN they are mounted THEN each maps to its claim\'s directory, read-only when the claim or the mount says so', () => {
    // GIVEN
    const container = {
      volumes: [
        { name: 'cache', persistentVolumeClaim: { claimName: 'model-cache', readOnly: false } },
        { name: 'frozen', persistentVolumeClaim: { claimName: 'reference', readOnly: true } },
      ],
      mountPoints: [
        { sourceVolume: 'cache', containerPath: '/cache' },
        { sourceVolume: 'cache', containerPath: '/cache-ro', readOnly: true },
        { sourceVolume: 'frozen', containerPath: '/ref', readOnly: false },
      ],
    };
    // WHEN / THEN
    expect(resolveMounts(container, directories)).toEqual([
      { containerPath: '/cache', hostPath: '/claims/model-cache', readOnly: false, kind: 'claim' },
      { containerPath: '/cache-ro', hostPath: '/claims/model-cache', readOnly: true, kind: 'claim' },
      { containerPath: '/ref', hostPath: '/claims/reference', readOnly: true, kind: 'claim' },
    ]);
  });

  test('an EFS volume maps to the runtime\'s directory of that file system; its rootDirectory cannot climb out', () => {
    const container = {
      volumes: [{ name: 'shared', efsVolumeConfiguration: { fileSystemId: 'fs-123', rootDirectory: '/../../etc' } }],
      mountPoints: [{ sourceVolume: 'shared', containerPath: '/mnt/efs' }],
    };
    expect(resolveMounts(container, directories)).toEqual([{ containerPath: '/mnt/efs', hostPath: '/work/efs/fs-123/etc', readOnly: false, kind: 'efs' }]);
  });

  test('linuxParameters.tmpfs entries become scratch directories', () => {
    const container = { linuxParameters: { tmpfs: [{ containerPath: '/run/cache', size: 64 }] } };
    expect(resolveMounts(container, directories)).toEqual([{ containerPath: '/run/cache', hostPath: '/work/attempt/tmpfs/0', readOnly: false, kind: 'tmpfs' }]);
  });

  test('a mount point naming an unknown volume fails the launch, naming the field, the value and the known volumes', () => {
    const container = { volumes: [{ name: 'a' }], mountPoints: [{ sourceVolume: 'b', containerPath: '/b' }] };
    expect(() => resolveMounts(container, directories)).toThrow('mountPoints[0].sourceVolume: no volume named "b" in volumes (known: a)');
  });

  test('a relative container path fails the launch', () => {
    const container = { volumes: [{ name: 'a' }], mountPoints: [{ sourceVolume: 'a', containerPath: 'data' }] };
    expect(() => resolveMounts(container, directories)).toThrow('mountPoints[0].containerPath: "data" is not an absolute path');
  });
});

describe('safePathSegment', () => {
  test('LIFE-6: array and node ids become one path segment; dot names cannot climb', () => {
    expect(safePathSegment('abc:3')).toBe('abc_3');
    expect(safePathSegment('abc#1')).toBe('abc_1');
    expect(safePathSegment('../x')).toBe('.._x');
    expect(safePathSegment('..')).toBe('_..');
  });
});
