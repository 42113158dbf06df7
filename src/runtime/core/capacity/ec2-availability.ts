import { InstanceTypeAvailability } from './capacity-options';

/**
 * A stand-in for EC2's finite capacity per instance type (what makes a real launch fail with
 * InsufficientInstanceCapacity). Unlimited unless configured; shared by all compute environments,
 * as EC2's capacity is. It lets tests see BEST_FIT wait for its one type and BEST_FIT_PROGRESSIVE
 * move on to the next (SCHED-6).
 */
export class Ec2Availability {
  private readonly limits: ReadonlyMap<string, number>;
  private readonly inUse = new Map<string, number>();
  /** Bumped whenever a limited type gets capacity back, so fleets know a failed launch may now succeed. */
  generation = 0;

  constructor(limits: readonly InstanceTypeAvailability[] = []) {
    for (const { instanceType, maxInstances } of limits) {
      if (!Number.isInteger(maxInstances) || maxInstances < 0) {
        throw new RangeError(`instanceTypeAvailability: maxInstances ${maxInstances} of ${instanceType} is invalid: an integer >= 0`);
      }
    }
    this.limits = new Map(limits.map(({ instanceType, maxInstances }) => [instanceType, maxInstances]));
  }

  /** Whether EC2 can launch one more instance of the type now. */
  canLaunch(instanceType: string): boolean {
    const limit = this.limits.get(instanceType);
    return limit === undefined || (this.inUse.get(instanceType) ?? 0) < limit;
  }

  launched(instanceType: string): void {
    if (this.limits.has(instanceType)) this.inUse.set(instanceType, (this.inUse.get(instanceType) ?? 0) + 1);
  }

  terminated(instanceType: string): void {
    if (!this.limits.has(instanceType)) return;
    this.inUse.set(instanceType, (this.inUse.get(instanceType) ?? 0) - 1);
    this.generation++;
  }
}
