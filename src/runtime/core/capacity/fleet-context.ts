import { AllocationStrategy, SpotRiskSource } from './allocation-strategy';
import { CapacityListener } from './capacity-listener';
import { InstanceStartProfile } from './capacity-options';
import { CapacityStatsRecorder } from './capacity-stats';
import { RegisteredResources } from './container-instance';
import { Ec2Availability } from './ec2-availability';
import { EventLoop } from '../event-loop';

/*
 * What a compute environment's fleet is given (shared context and its own settings) and what it
 * shows of its instances.
 */

/** What every fleet shares: the clock, the core's listener, EC2, statistics and settings. */
export interface FleetContext {
  readonly loop: EventLoop;
  readonly listener: CapacityListener;
  readonly stats: CapacityStatsRecorder;
  readonly availability: Ec2Availability;
  readonly risks: SpotRiskSource;
  readonly instanceStart: InstanceStartProfile;
  readonly scaleDownIdleMs: number;
  /** A fresh EC2 instance id and ECS container instance id. */
  nextInstanceIds(): { readonly instanceId: string; readonly containerInstanceId: string };
}

/** How one compute environment's instances are made: the types it launches, or the instances it has. */
export interface FleetSettings {
  /** Managed: the allocation strategy (SCHED-6). */
  readonly strategy: AllocationStrategy;
  /** Managed: the CE's instance types with registered resources (SCHED-8), in any order. */
  readonly instanceTypes: readonly RegisteredResources[];
  /** Why the instance types could not be read (e.g. an unknown type), if so; nothing is launched then. */
  readonly configurationProblem?: string;
  /** Unmanaged: the instances registered at creation (SCHED-7). */
  readonly unmanagedInstances: readonly RegisteredResources[];
}

/** One instance, as tests and diagnostics see it. */
export interface InstanceView {
  readonly instanceId: string;
  readonly instanceType: string;
  readonly containerInstanceArn: string;
  readonly launchedAt: number;
  readonly readyAt: number;
  readonly registeredvCpus: number;
  readonly registeredMemoryMiB: number;
  readonly registeredGpus: number;
  readonly freevCpus: number;
  readonly freeMemoryMiB: number;
  readonly freeGpus: number;
  readonly runningPlacements: number;
}
