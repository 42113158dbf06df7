import { fail } from './validation-error';

const RULE = 'PLAT-3';

/** PLAT-3: the volume kinds `podProperties.volumes[]` may have, exactly one each. */
export const EKS_VOLUME_KINDS = ['emptyDir', 'hostPath', 'secret', 'persistentVolumeClaim'] as const;

/** A Kubernetes DNS subdomain name (volumes and secrets are named like this), at most 253 characters. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const MAX_DNS_SUBDOMAIN = 253;

export interface EksVolumeInput {
  name?: string;
  emptyDir?: { medium?: string; sizeLimit?: string };
  hostPath?: { path?: string };
  secret?: { secretName?: string; optional?: boolean };
  persistentVolumeClaim?: { claimName?: string; readOnly?: boolean };
  [field: string]: unknown;
}

export interface EksVolumeMountInput {
  name?: string;
  mountPath?: string;
  subPath?: string;
  readOnly?: boolean;
}

/**
 * PLAT-3, `podProperties.volumes` and each container's `volumeMounts`, as the API and Kubernetes
 * document them: a volume has a DNS-subdomain name unique in the pod and exactly one kind
 * (emptyDir with medium "" or "Memory", hostPath with an absolute path, secret with a secret name,
 * persistentVolumeClaim with a claim name); a mount names a volume of the pod, at an absolute
 * path, at most once per path in a container.
 */
export function validateEksVolumes(podField: string, volumes: unknown, containers: Array<[string, Record<string, unknown>]>): void {
  const list = volumes ?? [];
  if (!Array.isArray(list)) fail(`${podField}.volumes`, list, 'a list of volumes', RULE);
  const names = new Set<string>();
  (list as EksVolumeInput[]).forEach((volume, index) => {
    const at = `${podField}.volumes[${index}]`;
    if (typeof volume.name !== 'string' || volume.name.length > MAX_DNS_SUBDOMAIN || !DNS_SUBDOMAIN.test(volume.name)) {
      fail(`${at}.name`, volume.name, `a DNS subdomain name (lower-case letters, digits, "-" and ".", at most ${MAX_DNS_SUBDOMAIN} characters)`, RULE);
    }
    if (names.has(volume.name)) fail(`${at}.name`, volume.name, 'a volume name unique within the pod', RULE);
    names.add(volume.name);
    const kinds = EKS_VOLUME_KINDS.filter((kind) => volume[kind] !== undefined && volume[kind] !== null);
    if (kinds.length !== 1) fail(at, kinds, `exactly one of ${EKS_VOLUME_KINDS.join(', ')}`, RULE);
    if (volume.emptyDir && ![undefined, '', 'Memory'].includes(volume.emptyDir.medium)) {
      fail(`${at}.emptyDir.medium`, volume.emptyDir.medium, '"" (the node\'s disk) or "Memory" (tmpfs)', RULE);
    }
    if (volume.hostPath && (typeof volume.hostPath.path !== 'string' || !volume.hostPath.path.startsWith('/'))) {
      fail(`${at}.hostPath.path`, volume.hostPath.path, 'an absolute path on the node', RULE);
    }
    if (volume.secret && (typeof volume.secret.secretName !== 'string' || !DNS_SUBDOMAIN.test(volume.secret.secretName))) {
      fail(`${at}.secret.secretName`, volume.secret.secretName, 'the name of a Kubernetes secret (a DNS subdomain name)', RULE);
    }
    if (volume.persistentVolumeClaim && typeof volume.persistentVolumeClaim.claimName !== 'string') {
      fail(`${at}.persistentVolumeClaim.claimName`, volume.persistentVolumeClaim.claimName, 'the name of a persistent volume claim', RULE);
    }
  });
  for (const [containerField, container] of containers) {
    const mounts = (container.volumeMounts as unknown) ?? [];
    if (!Array.isArray(mounts)) fail(`${containerField}.volumeMounts`, mounts, 'a list of volume mounts', RULE);
    const paths = new Set<string>();
    (mounts as EksVolumeMountInput[]).forEach((mount, index) => {
      const at = `${containerField}.volumeMounts[${index}]`;
      if (typeof mount.name !== 'string' || !names.has(mount.name)) {
        fail(`${at}.name`, mount.name, `a volume of the pod (${[...names].join(', ') || 'it has none'})`, RULE);
      }
      if (typeof mount.mountPath !== 'string' || !mount.mountPath.startsWith('/')) {
        fail(`${at}.mountPath`, mount.mountPath, 'an absolute path in the container', RULE);
      }
      if (paths.has(mount.mountPath)) fail(`${at}.mountPath`, mount.mountPath, 'one mount per path in a container', RULE);
      paths.add(mount.mountPath);
    });
  }
}
