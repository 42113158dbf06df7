import { validateEksProperties } from '../../src/validation';

const container = (volumeMounts?: unknown[]): Record<string, unknown> => ({ image: 'busybox', resources: { limits: { memory: '64Mi' } }, volumeMounts });
const pod = (volumes: unknown, containers: Array<Record<string, unknown>> = [container()]): any => ({ podProperties: { containers, volumes } });
const check = (volumes: unknown, containers?: Array<Record<string, unknown>>) => () => validateEksProperties('eksProperties', pod(volumes, containers));

describe('EKS pod volumes (PLAT-3)', () => {
  test('PLAT-3: GIVEN emptyDir, hostPath and secret volumes mounted by a container WHEN validated THEN the pod passes', () => {
    // GIVEN
    const volumes = [
      { name: 'scratch', emptyDir: { medium: '' } },
      { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      { name: 'data', hostPath: { path: '/srv/data' } },
      { name: 'creds', secret: { secretName: 'db-creds', optional: false } },
    ];
    const mounts = [{ name: 'scratch', mountPath: '/scratch' }, { name: 'data', mountPath: '/data', readOnly: true }, { name: 'creds', mountPath: '/etc/creds' }];

    // WHEN / THEN
    expect(check(volumes, [container(mounts)])).not.toThrow();
  });

  test('PLAT-3: GIVEN a volume with a bad name, two kinds or none WHEN validated THEN each is refused naming the field and the limit', () => {
    expect(check([{ name: 'Bad_Name', emptyDir: {} }])).toThrow('eksProperties.podProperties.volumes[0].name: "Bad_Name" is invalid: a DNS subdomain name');
    expect(check([{ name: 'a', emptyDir: {} }, { name: 'a', emptyDir: {} }])).toThrow('volumes[1].name: "a" is invalid: a volume name unique within the pod (PLAT-3)');
    expect(check([{ name: 'a', emptyDir: {}, hostPath: { path: '/x' } }])).toThrow('volumes[0]: ["emptyDir","hostPath"] is invalid: exactly one of emptyDir, hostPath, secret, persistentVolumeClaim (PLAT-3)');
    expect(check([{ name: 'a' }])).toThrow('volumes[0]: [] is invalid: exactly one of');
  });

  test('PLAT-3: GIVEN a relative hostPath, an unknown emptyDir medium or a secret without a name WHEN validated THEN each is refused', () => {
    expect(check([{ name: 'a', hostPath: { path: 'relative' } }])).toThrow('volumes[0].hostPath.path: "relative" is invalid: an absolute path on the node (PLAT-3)');
    expect(check([{ name: 'a', emptyDir: { medium: 'Disk' } }])).toThrow('volumes[0].emptyDir.medium: "Disk" is invalid');
    expect(check([{ name: 'a', secret: {} }])).toThrow('volumes[0].secret.secretName: undefined is invalid: the name of a Kubernetes secret');
  });

  test('PLAT-3: GIVEN a mount of an unknown volume, a relative mount path or two mounts at one path WHEN validated THEN each is refused naming the container', () => {
    const volumes = [{ name: 'scratch', emptyDir: {} }];
    expect(check(volumes, [container([{ name: 'other', mountPath: '/x' }])]))
      .toThrow('eksProperties.podProperties.containers[0].volumeMounts[0].name: "other" is invalid: a volume of the pod (scratch) (PLAT-3)');
    expect(check(volumes, [container([{ name: 'scratch', mountPath: 'x' }])])).toThrow('volumeMounts[0].mountPath: "x" is invalid: an absolute path in the container');
    expect(check(volumes, [container([{ name: 'scratch', mountPath: '/x' }, { name: 'scratch', mountPath: '/x' }])]))
      .toThrow('volumeMounts[1].mountPath: "/x" is invalid: one mount per path in a container');
    expect(check(undefined, [container([{ name: 'scratch', mountPath: '/x' }])])).toThrow('a volume of the pod (it has none)');
  });
});
