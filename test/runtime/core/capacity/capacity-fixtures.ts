import { CapacityListener, InstanceTermination } from '../../../../src/runtime/core/capacity/capacity-listener';
import { DEFAULT_VIRTUAL_EPOCH_MS, VirtualClock } from '../../../../src/runtime/core/clock';
import { EventLoop } from '../../../../src/runtime/core/event-loop';
import { ComputeEnvironmentRecord } from '../../../../src/runtime/core/model/records';
import { ComputeResources } from '../../../../src/runtime/core/model/requests';
import { ContainerDemand } from '../../../../src/runtime/core/types/demand';

/** Shared builders for the capacity tests (not a test file itself). */

export const T0 = DEFAULT_VIRTUAL_EPOCH_MS;

export function newLoop(): EventLoop {
  return new EventLoop(new VirtualClock(T0));
}

/** A managed EC2 compute environment record with the given compute resources. */
export function managedCe(name: string, resources: Partial<ComputeResources>, state: 'ENABLED' | 'DISABLED' = 'ENABLED'): ComputeEnvironmentRecord {
  return {
    name,
    arn: `arn:aws:batch:us-east-1:123456789012:compute-environment/${name}`,
    type: 'MANAGED',
    state,
    status: 'VALID',
    computeResources: { type: 'EC2', maxvCpus: 256, minvCpus: 0, desiredvCpus: 0, ...resources } as ComputeResources,
    tags: {},
    ecsClusterArn: `arn:aws:ecs:us-east-1:123456789012:cluster/AWSBatch-${name}`,
    uuid: `uuid-${name}`,
  } as ComputeEnvironmentRecord;
}

export function unmanagedCe(name: string): ComputeEnvironmentRecord {
  return {
    name,
    arn: `arn:aws:batch:us-east-1:123456789012:compute-environment/${name}`,
    type: 'UNMANAGED',
    state: 'ENABLED',
    status: 'VALID',
    tags: {},
    ecsClusterArn: `arn:aws:ecs:us-east-1:123456789012:cluster/${name}`,
    uuid: `uuid-${name}`,
  } as ComputeEnvironmentRecord;
}

export function demand(vcpus: number, memoryMiB: number, gpus: number = 0, instanceType?: string): ContainerDemand {
  return { vcpus, memoryMiB, gpus, instanceType };
}

/** A demand of a Fargate job (PLAT-1: only Fargate CEs take it). */
export function fargateDemand(vcpus: number, memoryMiB: number, gpus: number = 0): ContainerDemand {
  return { vcpus, memoryMiB, gpus, platform: 'FARGATE' };
}

/** Records what the capacity model tells the core. */
export class RecordingListener implements CapacityListener {
  changes = 0;
  readonly terminations: InstanceTermination[] = [];

  capacityChanged(): void {
    this.changes++;
  }

  instanceTerminated(termination: InstanceTermination): void {
    this.terminations.push(termination);
  }
}
