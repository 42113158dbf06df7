import { ContainerDemand } from '../types/demand';

/*
 * Cache keys for job shapes (the fleet caches a fit verdict per shape). Numeric in the usual case
 * (integral vCPUs, MiB and GPUs, no pinned type), so the hot path builds no strings.
 */

const GPU_SLOTS = 32;
const MEMORY_SLOTS = 2 ** 25;
const VCPU_SLOTS = 1024;

/** A numeric key for integral resources in range; `undefined` when some value is fractional or too large. */
export function resourceKey(vcpus: number, memoryMiB: number, gpus: number): number | undefined {
  if (!Number.isInteger(vcpus) || !Number.isInteger(memoryMiB) || !Number.isInteger(gpus)) return undefined;
  if (vcpus < 0 || vcpus >= VCPU_SLOTS || memoryMiB < 0 || memoryMiB >= MEMORY_SLOTS || gpus < 0 || gpus >= GPU_SLOTS) return undefined;
  return (vcpus * MEMORY_SLOTS + memoryMiB) * GPU_SLOTS + gpus;
}

/** The key of a job shape: equal keys mean equal vCPUs, memory, GPUs and pinned instance type. */
export function demandKey(demand: ContainerDemand): number | string {
  const numeric = resourceKey(demand.vcpus, demand.memoryMiB, demand.gpus);
  if (numeric !== undefined && demand.instanceType === undefined) return numeric;
  return `${demand.vcpus}/${demand.memoryMiB}/${demand.gpus}/${demand.instanceType ?? ''}`;
}
