import { allocationStrategyOf, SpotRiskTable } from './allocation-strategy';
import { CapacityListener, hostTerminatedReason, InstanceTermination } from './capacity-listener';
import { DEFAULT_SCALE_DOWN_IDLE_MS, IMMEDIATE_INSTANCE_START, InstanceCapacityOptions, LaunchTemplateMemorySetting } from './capacity-options';
import { CapacityStats, CapacityStatsRecorder } from './capacity-stats';
import { ComputeEnvironmentFleet } from './compute-environment-fleet';
import { ContainerInstance, RegisteredResources } from './container-instance';
import { Ec2Availability } from './ec2-availability';
import { FleetContext, FleetSettings, InstanceView } from './fleet-context';
import { InstanceLifecycleListener } from './instance-lifecycle-listener';
import { IDLE_CHECK, SavedInstance } from './saved-instance';
import { DEFAULT_ECS_RESERVED_MEMORY_MIB, expandInstanceTypes, getInstanceType, registeredMemoryMiB } from '../../../instance-catalog/instance-catalog';
import { CheckpointPart } from '../checkpoint/checkpoint-part';
import { EventLoop } from '../event-loop';
import { computeEnvironmentPlatform, platformMismatchReason } from '../model/platform';
import { ComputeEnvironmentRecord } from '../model/records';
import { SavedPoolPlacement, VcpuPoolCapacity } from '../scheduling/vcpu-pool-capacity';
import { ContainerDemand } from '../types/demand';
import { CapacityModel, FitVerdict, Placement } from '../types/placement';

/** Managed EC2 CEs without `instanceTypes` get `optimal`, as the console and CDK's default do (LIM-15). */
const DEFAULT_INSTANCE_TYPES = ['optimal'];

/**
 * The instance-level capacity model (SCHED-4..10, LIFE-8, CE-1/2/3, DIAG-2, LIM-15): each EC2
 * compute environment is a fleet of container instances from the instance catalog, jobs are
 * bin-packed onto them, managed CEs scale between `minvCpus` and `maxvCpus` with their allocation
 * strategy, unmanaged CEs have the instances configured for them. Fargate CEs, which have no
 * instances, are a vCPU pool bounded by `maxvCpus`.
 *
 * Pure: time comes from the event loop, and the core learns of changes through `CapacityListener`.
 */
export class InstanceCapacity implements CapacityModel {
  private readonly fleets = new Map<ComputeEnvironmentRecord, ComputeEnvironmentFleet>();
  private readonly fleetsByName = new Map<string, ComputeEnvironmentFleet>();
  private readonly fargate = new VcpuPoolCapacity();
  private readonly recorder = new CapacityStatsRecorder();
  private readonly launchTemplates: LaunchTemplateMemorySetting[] = [];
  private readonly context: FleetContext;
  private instanceCounter = 0;
  /** Checkpoint restore: the places of live attempts, until their attempts take them (`restoredPlacement`). */
  private readonly restoredPlacements = new Map<string, Placement>();
  /** Fargate compute environments by name (a checkpoint names a pool placement's CE). */
  private readonly fargateByName = new Map<string, ComputeEnvironmentRecord>();

  constructor(private readonly loop: EventLoop, listener: CapacityListener, private readonly options: InstanceCapacityOptions = {}) {
    const scaleDownIdleMs = options.scaleDownIdleMs ?? DEFAULT_SCALE_DOWN_IDLE_MS;
    if (!(scaleDownIdleMs >= 0)) {
      throw new RangeError(`scaleDownIdleMs: ${scaleDownIdleMs} is invalid: a number of ms >= 0 (Infinity never scales down)`);
    }
    const instanceStart = options.instanceStart ?? IMMEDIATE_INSTANCE_START;
    for (const [field, value] of Object.entries(instanceStart)) {
      if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
        throw new RangeError(`instanceStart.${field}: ${value} is invalid: a number of ms >= 0`);
      }
    }
    for (const config of options.unmanagedInstances ?? []) {
      getInstanceType(config.instanceType); // fail at construction, naming the type, rather than at first use
      if (config.count !== undefined && !(Number.isInteger(config.count) && config.count >= 0)) {
        throw new RangeError(`unmanagedInstances: count ${config.count} for ${config.computeEnvironment} is invalid: an integer >= 0`);
      }
    }
    options.launchTemplates?.forEach((setting) => this.registerLaunchTemplate(setting));
    loop.eventKinds.set(IDLE_CHECK, {
      // The check of a terminated instance does nothing when it runs (see EventKind.describe).
      describe: (instance) => ((instance as ContainerInstance).terminated ? null : (instance as ContainerInstance).id),
      rearm: (instanceId, time, sequence) => {
        if (instanceId === null) return;
        if (![...this.fleets.values()].some((fleet) => fleet.restoreIdleCheck(instanceId as string, time, sequence))) {
          throw new Error(`the checkpoint holds an idle check of instance ${String(instanceId)}, which it does not hold`);
        }
      },
    });
    this.context = {
      loop,
      listener,
      stats: this.recorder,
      availability: new Ec2Availability(options.instanceTypeAvailability),
      risks: new SpotRiskTable(options.spotInterruptionRisks),
      instanceStart,
      scaleDownIdleMs,
      nextInstanceIds: () => {
        const serial = ++this.instanceCounter;
        return { instanceId: `i-${serial.toString(16).padStart(17, '0')}`, containerInstanceId: serial.toString(16).padStart(32, '0') };
      },
    };
  }

  /**
   * Makes `ECS_RESERVED_MEMORY` of a launch template known (SCHED-8), for compute environments
   * created afterwards that reference it by id or name (CE-3).
   */
  registerLaunchTemplate(setting: LaunchTemplateMemorySetting): void {
    if (setting.launchTemplateId === undefined && setting.launchTemplateName === undefined) {
      throw new Error('launchTemplates: a setting needs launchTemplateId or launchTemplateName');
    }
    registeredMemoryMiB(getInstanceType('m4.large'), setting.ecsReservedMemoryMiB); // validates the value, naming it
    this.launchTemplates.push(setting);
  }

  /** SCHED-5: a managed CE starts at `desiredvCpus` (at least `minvCpus`); an unmanaged one with its instances. */
  computeEnvironmentCreated(ce: ComputeEnvironmentRecord): void {
    if (isFargate(ce)) this.fargateByName.set(ce.name, ce);
    else this.fleetOf(ce);
  }

  /**
   * The CE's record changed (UpdateComputeEnvironment): later launches follow its new sizes, types
   * and strategy, and idle instances are checked again (LIFE-8: a DISABLED CE shrinks to `minvCpus`).
   */
  computeEnvironmentUpdated(ce: ComputeEnvironmentRecord): void {
    if (!isFargate(ce)) this.fleetOf(ce).updated(this.settingsOf(ce));
  }

  tryPlace(ce: ComputeEnvironmentRecord, demand: ContainerDemand, now: number): Placement | undefined {
    if (computeEnvironmentPlatform(ce) !== (demand.platform ?? 'EC2')) return undefined; // PLAT-1: never on another platform
    const fleet = this.fleets.get(ce); // the hot path: one map read
    if (fleet) return fleet.tryPlace(demand, now);
    if (isFargate(ce)) {
      return ce.state === 'ENABLED' && ce.status === 'VALID' ? this.fargate.tryPlace(ce, demand, now) : undefined;
    }
    return this.fleetOf(ce).tryPlace(demand, now);
  }

  canEverFit(ce: ComputeEnvironmentRecord, demand: ContainerDemand): FitVerdict {
    const mismatch = platformMismatchReason(ce, demand.platform ?? 'EC2');
    if (mismatch !== undefined) return { fits: false, reason: mismatch };
    const fleet = this.fleets.get(ce);
    if (fleet) return fleet.canEverFit(demand);
    return isFargate(ce) ? this.fargate.canEverFit(ce, demand) : this.fleetOf(ce).canEverFit(demand);
  }

  explainWait(ce: ComputeEnvironmentRecord, demand: ContainerDemand): string {
    const mismatch = platformMismatchReason(ce, demand.platform ?? 'EC2');
    if (mismatch !== undefined) return mismatch;
    if (isFargate(ce)) {
      const verdict = this.fargate.canEverFit(ce, demand);
      return verdict.reason ?? `CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - Fargate compute environment ${ce.name} is at maxvCpus ${ce.computeResources?.maxvCpus}`;
    }
    return this.fleetOf(ce).explainWait(demand);
  }

  /**
   * Host failure injection (e.g. a Spot reclaim): terminates the instance now. The placements on
   * it are reported to the listener's `instanceTerminated`, with `statusReason`
   * `Host EC2 (instance i-...) terminated.` unless another is given (RETRY-3).
   * Throws when the CE or the instance is unknown, naming what exists.
   */
  terminateInstance(
    computeEnvironmentName: string,
    instanceId: string,
    statusReason: string = hostTerminatedReason(instanceId),
  ): InstanceTermination {
    const fleet = this.fleetNamed(computeEnvironmentName);
    const termination = fleet.terminate(instanceId, statusReason);
    if (!termination) {
      const known = fleet.views().map((view) => view.instanceId);
      throw new Error(`instanceId: ${JSON.stringify(instanceId)} is not an instance of compute environment ${computeEnvironmentName}; ` +
        `its instances: ${known.length > 0 ? known.join(', ') : 'none'}`);
    }
    return termination;
  }

  /** SCHED-7: registers a container instance to an unmanaged CE now. Returns its instance id. */
  registerInstance(computeEnvironmentName: string, instanceType: string, ecsReservedMemoryMiB: number = DEFAULT_ECS_RESERVED_MEMORY_MIB): string {
    const fleet = this.fleetNamed(computeEnvironmentName);
    if (fleet.ce.type !== 'UNMANAGED') {
      throw new Error(`computeEnvironment: ${computeEnvironmentName} is MANAGED: AWS Batch launches its instances; register instances to UNMANAGED ones (SCHED-7)`);
    }
    return fleet.register(registeredResources(instanceType, ecsReservedMemoryMiB));
  }

  /**
   * Checkpoint (serve --state-dir): the instances of every EC2 compute environment as data (ids,
   * launch and ready times, where the free-capacity index filed them) with the places of live
   * attempts on them, and the Fargate pools' placements of live attempts; the instances' idle
   * checks are events of kind IDLE_CHECK, re-armed by the events part. Not at rest while a
   * placement has no live attempt to name it by.
   */
  checkpointPart(): CheckpointPart {
    return {
      key: 'capacity.instances',
      atRest: () => this.fargate.savedPlacements() !== undefined
        && [...this.fleetsByName.values()].every((fleet) => fleet.savedInstances() !== undefined),
      save: () => {
        const fargate = this.fargate.savedPlacements()!;
        return [{
          instanceCounter: this.instanceCounter,
          fleets: [...this.fleetsByName]
            .map(([name, fleet]) => ({ ce: name, instances: fleet.savedInstances()! }))
            .filter((fleet) => fleet.instances.length > 0),
          ...(fargate.length > 0 ? { fargate } : {}),
        }];
      },
      restore: ([data]) => {
        const saved = data as { instanceCounter: number; fleets?: Array<{ ce: string; instances: SavedInstance[] }>; fargate?: SavedPoolPlacement[] };
        this.instanceCounter = saved.instanceCounter;
        if (saved.fleets === undefined) return; // a checkpoint from before instances were carried: it had none
        const byName = new Map(saved.fleets.map((fleet) => [fleet.ce, fleet.instances]));
        for (const name of byName.keys()) this.fleetNamed(name); // one the registry lacks: name it
        for (const [name, fleet] of this.fleetsByName) fleet.restoreInstances(byName.get(name) ?? [], getInstanceType, this.restoredPlacements);
        this.fargate.restorePlacements(saved.fargate ?? [], (name) => {
          const ce = this.fargateByName.get(name);
          if (!ce) throw new Error(`the checkpoint holds a Fargate placement on compute environment ${name}, which is not a Fargate compute environment here`);
          return ce;
        }, this.restoredPlacements);
      },
    };
  }

  restoredPlacement(jobId: string, attempt: number): Placement | undefined {
    const key = `${jobId}#${attempt}`;
    const placement = this.restoredPlacements.get(key);
    this.restoredPlacements.delete(key);
    return placement;
  }

  instances(computeEnvironmentName: string): InstanceView[] {
    return this.fleetNamed(computeEnvironmentName).views();
  }

  /** Observes every instance launch and termination, all compute environments (e.g. for the plan report). */
  addInstanceLifecycleListener(listener: InstanceLifecycleListener): void {
    this.recorder.addListener(listener);
  }

  /** Instance counts and instance-seconds so far, for run summaries. */
  stats(): CapacityStats {
    return this.recorder.snapshot(this.loop.now());
  }

  private fleetNamed(name: string): ComputeEnvironmentFleet {
    const fleet = this.fleetsByName.get(name);
    if (!fleet) {
      throw new Error(`computeEnvironment: ${JSON.stringify(name)} has no instances here; EC2 compute environments: ${[...this.fleetsByName.keys()].join(', ') || 'none'}`);
    }
    return fleet;
  }

  private fleetOf(ce: ComputeEnvironmentRecord): ComputeEnvironmentFleet {
    let fleet = this.fleets.get(ce);
    if (!fleet) {
      fleet = new ComputeEnvironmentFleet(ce, this.context, this.settingsOf(ce));
      this.fleets.set(ce, fleet);
      this.fleetsByName.set(ce.name, fleet);
      fleet.start();
    }
    return fleet;
  }

  private settingsOf(ce: ComputeEnvironmentRecord): FleetSettings {
    if (ce.type === 'UNMANAGED') {
      const unmanagedInstances = (this.options.unmanagedInstances ?? [])
        .filter((config) => config.computeEnvironment === ce.name)
        .flatMap((config) => Array.from({ length: config.count ?? 1 }, () => registeredResources(config.instanceType, config.ecsReservedMemoryMiB)));
      return { strategy: 'BEST_FIT', instanceTypes: [], unmanagedInstances };
    }
    const reserved = this.reservedMemoryOf(ce);
    try {
      const strategy = allocationStrategyOf(ce.computeResources?.allocationStrategy);
      const specs = expandInstanceTypes(ce.computeResources?.instanceTypes ?? DEFAULT_INSTANCE_TYPES);
      return { strategy, instanceTypes: specs.map((spec) => registeredResources(spec.name, reserved)), unmanagedInstances: [] };
    } catch (error) {
      // The API validates these (LIM-13, LIM-15); a CE that slipped through places nothing and says why.
      return { strategy: 'BEST_FIT', instanceTypes: [], unmanagedInstances: [], configurationProblem: (error as Error).message };
    }
  }

  /** SCHED-8, CE-3: `ECS_RESERVED_MEMORY` of the CE's launch template, else the AMI default. */
  private reservedMemoryOf(ce: ComputeEnvironmentRecord): number {
    const reference = ce.computeResources?.launchTemplate;
    if (!reference) return DEFAULT_ECS_RESERVED_MEMORY_MIB;
    const setting = this.launchTemplates.find((candidate) =>
      (reference.launchTemplateId !== undefined && candidate.launchTemplateId === reference.launchTemplateId)
      || (reference.launchTemplateName !== undefined && candidate.launchTemplateName === reference.launchTemplateName));
    return setting?.ecsReservedMemoryMiB ?? DEFAULT_ECS_RESERVED_MEMORY_MIB;
  }
}

function isFargate(ce: ComputeEnvironmentRecord): boolean {
  return ce.type === 'MANAGED' && (ce.computeResources?.type ?? '').startsWith('FARGATE');
}

function registeredResources(instanceType: string, ecsReservedMemoryMiB: number = DEFAULT_ECS_RESERVED_MEMORY_MIB): RegisteredResources {
  const spec = getInstanceType(instanceType);
  return { spec, vcpus: spec.vcpus, memoryMiB: registeredMemoryMiB(spec, ecsReservedMemoryMiB), gpus: spec.gpus };
}
