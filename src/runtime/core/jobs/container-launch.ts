import { EffectivePod, JobRecord, JobSpec } from './job-record';
import { eksContainerResources, EksContainerInput, mergeContainer } from '../../../validation';
import { ContainerOverrides, KeyValuePair } from '../../shapes';
import { definitionPlatform } from '../model/platform';
import { ContainerProperties } from '../model/requests';
import { ContainerDemand } from '../types/demand';


/** OVR-1: the job definition's container with the job's `containerOverrides` applied. */
export function effectiveContainer(job: JobRecord): ContainerProperties {
  const derived = job.spec.derived;
  return derived.container ??= computeEffectiveContainer(job);
}

/** The job's resource demand, computed once per spec. */
export function jobDemand(job: JobRecord): ContainerDemand {
  const derived = job.spec.derived;
  if (derived.demand) return derived.demand;
  const task = registeredTaskContainers(job);
  const pod = registeredPod(job);
  const demand = task ? sumDemands(task.map(taskContainerDemand)) : pod ? podDemand(pod) : containerDemand(effectiveContainer(job));
  // PLAT-1: a demand names its platform unless it is EC2's, so the capacity models never place it elsewhere.
  const platform = job.spec.nodeEksProperties !== undefined ? 'EKS' : definitionPlatform(job.spec.definition);
  return derived.demand = platform === 'EC2' ? demand : { ...demand, platform };
}

/**
 * PLAT-3: the pod of an EKS job (for a node of an `eksProperties` range, the range's, MNP-1), the
 * job's `eksPropertiesOverride` applied by container name (see `overridePod`). Undefined for other jobs.
 */
export function registeredPod(job: JobRecord): EffectivePod | undefined {
  const pod = registeredEksProperties(job)?.podProperties as EffectivePod | undefined;
  const override = job.spec.eksPropertiesOverride?.podProperties;
  if (!pod || !override) return pod;
  return job.spec.derived.pod ??= overridePod(pod, override);
}

/** PLAT-3: the job's registered pod properties: its node range's for a node of an `eksProperties` range (MNP-1), else its definition's. */
export function registeredEksProperties(job: JobRecord): Record<string, unknown> | undefined {
  return job.spec.nodeEksProperties ?? job.spec.definition.eksProperties;
}

/**
 * PLAT-3: a pod with an `eksPropertiesOverride`'s `podProperties` applied by container name (an
 * unnamed container is "Default"): image, command, args and resources replaced, env merged by name;
 * metadata replaced. Also a node override's, on its range's pod (MNP-1).
 */
export function overridePod(pod: EffectivePod, override: NonNullable<NonNullable<JobSpec['eksPropertiesOverride']>['podProperties']>): EffectivePod {
  return {
    ...pod,
    ...(override.metadata !== undefined ? { metadata: override.metadata } : {}),
    containers: pod.containers.map((c) => overridePodContainer(c, override.containers)),
    ...(pod.initContainers ? { initContainers: pod.initContainers.map((c) => overridePodContainer(c, override.initContainers)) } : {}),
  };
}

function overridePodContainer(container: EksContainerInput, overrides: Array<Record<string, unknown>> | undefined): EksContainerInput {
  const override = overrides?.find((o) => (o.name ?? 'Default') === (container.name ?? 'Default')) as EksContainerInput | undefined;
  if (!override) return container;
  const env = override.env === undefined ? container.env
    : [...(container.env ?? []).filter((e) => !override.env!.some((o) => o.name === e.name)), ...override.env];
  return {
    ...container,
    ...(override.image !== undefined ? { image: override.image } : {}),
    ...(override.command !== undefined ? { command: override.command } : {}),
    ...(override.args !== undefined ? { args: override.args } : {}),
    ...(override.resources !== undefined ? { resources: override.resources } : {}),
    ...(env !== undefined ? { env } : {}),
  };
}

/** PLAT-3: what one pod container reserves (requests, else limits); memory and vCPUs default to 0. */
export function podContainerDemand(container: EksContainerInput): ContainerDemand {
  const resources = eksContainerResources('resources', container);
  return { vcpus: resources.cpu ?? 0, memoryMiB: resources.memoryMiB ?? 0, gpus: resources.gpus ?? 0 };
}

/** PLAT-3: as Kubernetes sizes a pod: its containers together, or its largest init container if larger. */
export function podDemand(pod: { containers: EksContainerInput[]; initContainers?: EksContainerInput[] }): ContainerDemand {
  const main = sumDemands(pod.containers.map(podContainerDemand));
  const init = (pod.initContainers ?? []).map(podContainerDemand);
  return {
    vcpus: Math.max(main.vcpus, ...init.map((d) => d.vcpus)),
    memoryMiB: Math.max(main.memoryMiB, ...init.map((d) => d.memoryMiB)),
    gpus: Math.max(main.gpus, ...init.map((d) => d.gpus)),
  };
}

/**
 * PLAT-2: the containers of a multi-container (`ecsProperties`) job, the job's `ecsPropertiesOverride`
 * applied by container name (OVR-1 merge: command replaced, environment merged by name, resource
 * requirements replaced by type); undefined for other jobs.
 */
export function registeredTaskContainers(job: JobRecord): ContainerProperties[] | undefined {
  const tasks = registeredEcsProperties(job)?.taskProperties as Array<{ containers: ContainerProperties[] }> | undefined;
  if (!tasks) return undefined;
  const overrides = job.spec.ecsPropertiesOverride?.taskProperties?.[0]?.containers ?? [];
  if (overrides.length === 0) return tasks[0].containers;
  return job.spec.derived.taskContainers ??= tasks[0].containers.map((container) => {
    const override = overrides.find((o) => o.name !== undefined && o.name === container.name);
    if (!override) return container;
    const { name: _name, ...fields } = override;
    return applyContainerOverrides(container, fields as ContainerOverrides);
  });
}

/** PLAT-2: the job's registered task: its node range's for a node of an `ecsProperties` range (MNP-1), else its definition's. */
export function registeredEcsProperties(job: JobRecord): Record<string, unknown> | undefined {
  return job.spec.nodeEcsProperties ?? job.spec.definition.ecsProperties;
}

/** PLAT-2: a task reserves the sum of its containers' declared vCPUs, memory and GPUs. */
export function taskDemand(containers: readonly ContainerProperties[]): ContainerDemand {
  return sumDemands(containers.map(taskContainerDemand));
}

/** The demand of one container of a task: only what it declares (a task's containers share the task's). */
export function taskContainerDemand(container: ContainerProperties): ContainerDemand {
  return containerDemand({ ...container, vcpus: container.vcpus ?? 0, memory: container.memory ?? 0 });
}

/** PLAT-2: a task reserves the sum of its containers' vCPUs, memory and GPUs. */
function sumDemands(demands: readonly ContainerDemand[]): ContainerDemand {
  return {
    vcpus: demands.reduce((sum, d) => sum + d.vcpus, 0),
    memoryMiB: demands.reduce((sum, d) => sum + d.memoryMiB, 0),
    gpus: demands.reduce((sum, d) => sum + d.gpus, 0),
  };
}

function computeEffectiveContainer(job: JobRecord): ContainerProperties {
  const base = job.spec.definition.containerProperties ?? {};
  const overrides = job.spec.containerOverrides;
  if (!overrides) return { ...base, environment: job.spec.environment };
  return { ...applyContainerOverrides(base, overrides), environment: job.spec.environment };
}

/**
 * OVR-1: `overrides` applied to a container: an overriding vcpus/memory wins over the container's
 * VCPU/MEMORY resource requirement; the rest is the same field-by-field merge that node ranges use
 * (LIM-12). Also used for a node override naming a range of the definition (MNP-1).
 */
export function applyContainerOverrides(base: ContainerProperties, overrides: ContainerOverrides): ContainerProperties {
  const baseRequirements = base.resourceRequirements?.filter((r) =>
    !(overrides.vcpus !== undefined && r.type.toUpperCase() === 'VCPU') && !(overrides.memory !== undefined && r.type.toUpperCase() === 'MEMORY'));
  const merged = mergeContainer({ ...base, resourceRequirements: baseRequirements }, { ...overrides }) as ContainerProperties;
  if (merged.resourceRequirements === undefined) delete (merged as { resourceRequirements?: unknown }).resourceRequirements;
  return merged;
}

/** ENV-2: the job definition's environment, overridden by name from the job's overrides. */
export function mergeEnvironment(base: KeyValuePair[] | undefined, overrides: KeyValuePair[] | undefined): KeyValuePair[] {
  const merged = mergeContainer({ environment: base ?? [] }, { environment: overrides }).environment as KeyValuePair[];
  return merged.filter((entry) => entry.name !== undefined);
}

export function containerDemand(container: ContainerProperties): ContainerDemand {
  const requirement = (type: string): number | undefined => {
    const found = container.resourceRequirements?.find((r) => r.type.toUpperCase() === type);
    return found ? Number(found.value) : undefined;
  };
  return {
    vcpus: requirement('VCPU') ?? container.vcpus ?? 1,
    memoryMiB: requirement('MEMORY') ?? container.memory ?? 2048,
    gpus: requirement('GPU') ?? 0,
    instanceType: container.instanceType,
  };
}

/**
 * PARAM-1: replaces each `Ref::name` in each command element with the job's parameter `name` (submit
 * values win over the job definition's defaults; both are merged into `spec.parameters`).
 *
 * - A placeholder may stand anywhere in an element: `x-Ref::a-y` becomes `x-<a>-y`, as AWS replaces
 *   placeholders in the command where they appear.
 * - The name is the longest parameter name the text after `Ref::` starts with: with parameters `a` and
 *   `ab`, `Ref::abc` is `<ab>c`, never `<a>bc`; with only `a` it is `<a>bc`. (AWS does not document this
 *   case; it is what replacing every `Ref::<name>` gives when longer names go first, so the result does
 *   not depend on the order of the parameters.)
 * - `Ref::` followed by no known name is left as it is.
 * - One pass: a substituted value is not searched again, and each element stays one argv element, so a
 *   value can never add arguments.
 */
export function substituteParameters(command: readonly string[], parameters: Record<string, string>): string[] {
  const pattern = placeholderPattern(parameters);
  if (!pattern) return [...command];
  return command.map((element) => element.replace(pattern, (_placeholder, name: string) => parameters[name]));
}

/** One alternation of the known names, longest first, per parameters object (array children share theirs). */
const patterns = new WeakMap<Record<string, string>, RegExp | undefined>();

function placeholderPattern(parameters: Record<string, string>): RegExp | undefined {
  if (patterns.has(parameters)) return patterns.get(parameters);
  const names = Object.keys(parameters).filter((name) => name.length > 0).sort((a, b) => b.length - a.length);
  const pattern = names.length === 0 ? undefined
    : new RegExp(`Ref::(${names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');
  patterns.set(parameters, pattern);
  return pattern;
}

/** ENV-1: the variables AWS Batch sets in every container (array and MNP variables are added by the caller). */
export function batchEnvironmentVariables(job: JobRecord, attempt: number, computeEnvironmentName: string): Record<string, string> {
  const variables: Record<string, string> = {
    AWS_BATCH_JOB_ID: job.jobId,
    AWS_BATCH_JOB_ATTEMPT: String(attempt),
    AWS_BATCH_JQ_NAME: job.spec.queue.name,
    AWS_BATCH_CE_NAME: computeEnvironmentName,
  };
  const mnp = job.mnpParent;
  if (mnp) {
    // MNP-6: node variables; non-main nodes learn the main node's address.
    variables.AWS_BATCH_JOB_NODE_INDEX = String(job.nodeIndex);
    variables.AWS_BATCH_JOB_NUM_NODES = String(mnp.nodes!.length);
    variables.AWS_BATCH_JOB_MAIN_NODE_INDEX = String(mnp.mainNodeIndex);
    if (job.nodeIndex !== mnp.mainNodeIndex) variables.AWS_BATCH_JOB_MAIN_NODE_PRIVATE_IPV4_ADDRESS = nodeAddress(mnp, mnp.mainNodeIndex!);
  }
  if (job.parent) {
    // ARR-2 and ENV-1 (API): the child's index and the array size.
    variables.AWS_BATCH_JOB_ARRAY_INDEX = String(job.arrayIndex);
    variables.AWS_BATCH_JOB_ARRAY_SIZE = String(job.parent.children!.length);
  }
  return variables;
}

/** A stable private IPv4 address for a node (MNP-6), from the job's submission order: 10.x.y.z. */
export function nodeAddress(parent: JobRecord, nodeIndex: number): string {
  const n = parent.sequence * 1024 + nodeIndex + 16;
  return `10.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}
