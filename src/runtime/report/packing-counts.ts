import { PackingObservation } from './findings';
import { JobDefinitionRecord } from '../core/model/records';

class PackingCount {
  placements = 0;
  constructor(readonly instanceType: string, readonly definition: JobDefinitionRecord, readonly vcpus: number, readonly memoryMiB: number) {}
}

/**
 * Placements by instance type and job definition demand in one compute environment: what the
 * memory-bound packing finding reads. O(1) per placement; most placements repeat the previous one's key.
 */
export class PackingCounts {
  private readonly counts = new Map<string, PackingCount>();
  private last?: PackingCount;

  add(instanceType: string, definition: JobDefinitionRecord, vcpus: number, memoryMiB: number): void {
    let count = this.last;
    if (!count || count.instanceType !== instanceType || count.definition !== definition || count.vcpus !== vcpus || count.memoryMiB !== memoryMiB) {
      const key = `${instanceType}\u0000${definition.arn}\u0000${vcpus}\u0000${memoryMiB}`;
      count = this.counts.get(key);
      if (!count) this.counts.set(key, count = new PackingCount(instanceType, definition, vcpus, memoryMiB));
      this.last = count;
    }
    count.placements++;
  }

  /** The counts, with each instance type's registered vCPUs and memory. */
  observations(computeEnvironment: string, instance: (instanceType: string) => { vcpus: number; memoryMiB: number }): PackingObservation[] {
    return [...this.counts.values()].map((count) => ({
      computeEnvironment,
      instanceType: count.instanceType,
      instanceVcpus: instance(count.instanceType).vcpus,
      instanceMemoryMiB: instance(count.instanceType).memoryMiB,
      jobDefinition: count.definition.name,
      jobVcpus: count.vcpus,
      jobMemoryMiB: count.memoryMiB,
      placements: count.placements,
    }));
  }
}
