import { validateEksVolumes } from './eks-volumes';
import { fail } from './validation-error';

const RULE = 'PLAT-3';

/** PLAT-3: a pod has at most 10 containers (init containers included), as the API documents. */
export const MAX_POD_CONTAINERS = 10;
/** PLAT-3: the resources an EKS job's container may name. */
export const EKS_RESOURCES = ['cpu', 'memory', 'nvidia.com/gpu'] as const;
/** PLAT-3: a job's containers reserve at least 4 MiB of memory. */
export const MIN_EKS_MEMORY_MIB = 4;

/** The pattern a Kubernetes namespace (a DNS label) matches; the API also forbids `default` and `kube-*`. */
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const EKS_CLUSTER_ARN = /^arn:aws[a-z-]*:eks:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9][A-Za-z0-9_-]*$/;

export interface EksContainerInput {
  name?: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: Array<{ name: string; value?: string }>;
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  [field: string]: unknown;
}

export interface EksPropertiesInput {
  podProperties?: { containers?: EksContainerInput[]; initContainers?: EksContainerInput[]; [field: string]: unknown };
}

/** What a container reserves: vCPUs, MiB and GPUs (requests, else limits), undefined where unset. */
export interface EksContainerResources {
  readonly cpu?: number;
  readonly memoryMiB?: number;
  readonly gpus?: number;
}

/**
 * PLAT-3, `eksConfiguration` of CreateComputeEnvironment: the cluster ARN
 * (`arn:aws:eks:<region>:<account>:cluster/<name>`) and a namespace that is a DNS label of fewer than
 * 64 characters, neither `default` nor starting with `kube-`.
 */
export function validateEksConfiguration(field: string, eks: { eksClusterArn?: string; kubernetesNamespace?: string }): void {
  if (typeof eks.eksClusterArn !== 'string' || !EKS_CLUSTER_ARN.test(eks.eksClusterArn)) {
    fail(`${field}.eksClusterArn`, eks.eksClusterArn, 'an EKS cluster ARN, arn:aws:eks:<region>:<account>:cluster/<name>', RULE);
  }
  const namespace = eks.kubernetesNamespace;
  if (typeof namespace !== 'string' || namespace.length >= 64 || !NAMESPACE.test(namespace) || namespace === 'default' || namespace.startsWith('kube-')) {
    fail(`${field}.kubernetesNamespace`, namespace,
      'a namespace of fewer than 64 characters matching ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$, not "default" and not starting with "kube-"', RULE);
  }
}

/**
 * PLAT-3, `eksProperties` of RegisterJobDefinition, as the API documents them: `podProperties` with
 * 1..10 containers (init containers count too), each with an image; container names unique within
 * the pod; resources only `cpu` (a multiple of 0.25), `memory` (whole MiB with an `Mi` suffix, at
 * least 4) and `nvidia.com/gpu` (a whole number); where both are given, memory and GPU limits equal
 * the requests and the cpu limit is at least the request; volumes and mounts as `validateEksVolumes`.
 */
export function validateEksProperties(field: string, eks: EksPropertiesInput): void {
  const pod = eks?.podProperties;
  if (pod === undefined || pod === null || typeof pod !== 'object') fail(`${field}.podProperties`, pod, 'the pod of the job', RULE);
  const podField = `${field}.podProperties`;
  const containers = pod.containers ?? [];
  const initContainers = pod.initContainers ?? [];
  // A template or request may carry anything here: a list is checked before it is read as one.
  if (!Array.isArray(containers)) fail(`${podField}.containers`, containers, 'a list of containers', RULE);
  if (!Array.isArray(initContainers)) fail(`${podField}.initContainers`, initContainers, 'a list of containers', RULE);
  if (containers.length < 1 || containers.length + initContainers.length > MAX_POD_CONTAINERS) {
    fail(`${podField}.containers`, containers.length + initContainers.length, `1..${MAX_POD_CONTAINERS} containers (init containers included), at least one of them not an init container`, RULE);
  }
  const names = new Set<string>();
  const all: Array<[string, EksContainerInput]> = [
    ...containers.map((c, i): [string, EksContainerInput] => [`${podField}.containers[${i}]`, c]),
    ...initContainers.map((c, i): [string, EksContainerInput] => [`${podField}.initContainers[${i}]`, c]),
  ];
  let memory = 0;
  for (const [at, container] of all) {
    if (typeof container.image !== 'string' || container.image.length === 0) fail(`${at}.image`, container.image, 'a container image', RULE);
    // The API names an unnamed container "Default".
    const name = container.name ?? 'Default';
    if (names.has(name)) fail(`${at}.name`, name, 'a container name unique within the pod (an unnamed container is "Default")', RULE);
    names.add(name);
    memory += eksContainerResources(`${at}.resources`, container).memoryMiB ?? 0;
  }
  validateEksVolumes(podField, pod.volumes, all);
  if (memory < MIN_EKS_MEMORY_MIB) {
    fail(`${podField}.containers`, `${memory}Mi`, `at least ${MIN_EKS_MEMORY_MIB} MiB of memory for the job (resources.requests or resources.limits "memory")`, RULE);
  }
}

/** PLAT-3: a container's reservations, checking each quantity and each limit against its request. */
export function eksContainerResources(field: string, container: EksContainerInput): EksContainerResources {
  const { limits = {}, requests = {} } = container.resources ?? {};
  for (const [kind, map] of [['limits', limits], ['requests', requests]] as const) {
    for (const key of Object.keys(map)) {
      if (!(EKS_RESOURCES as readonly string[]).includes(key)) fail(`${field}.${kind}`, key, `one of ${EKS_RESOURCES.join(', ')}`, RULE);
    }
  }
  const read = (key: typeof EKS_RESOURCES[number], kind: 'limits' | 'requests', text: string | undefined): number | undefined =>
    text === undefined ? undefined : parseQuantity(`${field}.${kind}.${key}`, key, text);
  const quantity = (key: typeof EKS_RESOURCES[number]): number | undefined => {
    const limit = read(key, 'limits', limits[key]);
    const request = read(key, 'requests', requests[key]);
    if (limit !== undefined && request !== undefined) {
      if (key === 'cpu' ? limit < request : limit !== request) {
        fail(`${field}.limits.${key}`, limits[key], key === 'cpu' ? `at least the request (${requests[key]})` : `equal to the request (${requests[key]})`, RULE);
      }
    }
    return request ?? limit;
  };
  return { cpu: quantity('cpu'), memoryMiB: quantity('memory'), gpus: quantity('nvidia.com/gpu') };
}

function parseQuantity(field: string, key: typeof EKS_RESOURCES[number], text: string): number {
  switch (key) {
    case 'cpu': {
      const value = Number(text);
      if (typeof text !== 'string' || !/^\d+(\.\d+)?$/.test(text) || !(value > 0) || (value * 4) % 1 !== 0) {
        fail(field, text, 'a number of vCPUs, a multiple of 0.25', RULE);
      }
      return value;
    }
    case 'memory': {
      const match = typeof text === 'string' ? /^(\d+)Mi$/.exec(text) : null;
      if (!match) fail(field, text, 'whole MiB with an "Mi" suffix, e.g. "2048Mi"', RULE);
      return Number(match[1]);
    }
    default:
      if (typeof text !== 'string' || !/^\d+$/.test(text)) fail(field, text, 'a whole number of GPUs', RULE);
      return Number(text);
  }
}
