import { ContainerDemand } from '../types/demand';

/**
 * The last job shape a compute environment could not place, and the state it failed in: the fleet's
 * capacity generation, EC2's availability generation and maxvCpus. Until one of them changes, the
 * same shape fails again without a real try.
 */
export class PlacementFailureMemo {
  private generation = -1;
  private vcpus = 0;
  private memoryMiB = 0;
  private gpus = 0;
  private instanceType: string | undefined;
  private availability = 0;
  private maxvCpus = 0;

  /** Whether `demand` failed last, in the same state. */
  failsAgain(demand: ContainerDemand, generation: number, availability: number, maxvCpus: number): boolean {
    return this.generation === generation && demand.vcpus === this.vcpus && demand.memoryMiB === this.memoryMiB
      && demand.gpus === this.gpus && demand.instanceType === this.instanceType
      && availability === this.availability && maxvCpus === this.maxvCpus;
  }

  remember(demand: ContainerDemand, generation: number, availability: number, maxvCpus: number): void {
    this.generation = generation;
    this.vcpus = demand.vcpus;
    this.memoryMiB = demand.memoryMiB;
    this.gpus = demand.gpus;
    this.instanceType = demand.instanceType;
    this.availability = availability;
    this.maxvCpus = maxvCpus;
  }
}
