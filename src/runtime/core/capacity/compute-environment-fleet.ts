import { AllocationStrategy, launchesOnlyFirstChoice, launchOrder, mayExceedMaxvCpus } from './allocation-strategy';
import { hostTerminatedReason, InstanceTermination } from './capacity-listener';
import { ContainerInstance, InstancePlacement, PlacementOwner, RegisteredResources } from './container-instance';
import { diagnoseFit, diagnoseMaxvCpus, FitDiagnosis } from './fit-diagnosis';
import { FitDiagnosisCache } from './fit-diagnosis-cache';
import { FleetContext, FleetSettings, InstanceView } from './fleet-context';
import { FreeCapacityIndex } from './free-capacity-index';
import { lifecycleEvent } from './instance-lifecycle-listener';
import { PlacementFailureMemo } from './placement-failure-memo';
import { IDLE_CHECK, saveInstance, SavedInstance } from './saved-instance';
import { ComputeEnvironmentRecord } from '../model/records';
import { ContainerDemand } from '../types/demand';
import { FitVerdict, Placement } from '../types/placement';

/**
 * The container instances of one EC2 compute environment: bin-packing of jobs onto them (SCHED-4),
 * managed scaling between `minvCpus` and `maxvCpus` with the allocation strategies (SCHED-5,
 * SCHED-6), the fixed instances of an unmanaged CE (SCHED-7), idle scale-down, and host failures.
 */
export class ComputeEnvironmentFleet implements PlacementOwner {
  private readonly instances = new Map<string, ContainerInstance>();
  private readonly index = new FreeCapacityIndex();
  /** Verdict and launchable types per job shape: most jobs share a few shapes. */
  private readonly diagnoses = new FitDiagnosisCache((demand) => this.diagnoseUncached(demand));
  private readonly managed: boolean;
  private strategy: AllocationStrategy = 'BEST_FIT';
  private launchTypes: RegisteredResources[] = [];
  /** vCPUs of the smallest type the CE launches: with less room than this, only an overshoot can launch. */
  private smallestLaunchvCpus = Infinity;
  /** Grows with capacity (a release, a scale-down freeing maxvCpus, an update, EC2 capacity coming back). */
  private generation = 0;
  /** The last job shape that could not be placed: a pass over a long queue of identical jobs costs one real try. */
  private readonly lastFailure = new PlacementFailureMemo();
  private totalvCpus = 0;

  constructor(readonly ce: ComputeEnvironmentRecord, private readonly context: FleetContext, private settings: FleetSettings) {
    this.managed = ce.type === 'MANAGED';
    this.configure(settings);
  }

  /** Brings up the first instances: `desiredvCpus` (`minvCpus` when DISABLED), or the unmanaged ones. */
  start(): void {
    const now = this.context.loop.now();
    if (!this.managed) {
      this.settings.unmanagedInstances.forEach((registered) => this.launch(registered, now, now));
      return;
    }
    if (this.ce.status === 'INVALID') return; // AWS launches nothing for an INVALID CE (DIAG-1)
    const resources = this.ce.computeResources;
    const desired = this.ce.state === 'ENABLED' ? resources?.desiredvCpus ?? 0 : 0;
    this.growTo(Math.max(desired, this.minvCpus), now);
    for (const instance of this.instances.values()) this.armIdleCheck(instance);
  }

  get minvCpus(): number {
    return this.ce.computeResources?.minvCpus ?? 0;
  }

  get maxvCpus(): number {
    return this.ce.computeResources?.maxvCpus ?? 0;
  }

  get vcpus(): number {
    return this.totalvCpus;
  }

  /** SCHED-4/5/6: a place on an instance with room (best fit), else on a newly launched one, else nothing. */
  tryPlace(demand: ContainerDemand, now: number): InstancePlacement | undefined {
    if (this.ce.state !== 'ENABLED' || this.ce.status !== 'VALID') return undefined; // LIFE-8
    if (this.lastFailure.failsAgain(demand, this.generation, this.context.availability.generation, this.maxvCpus)) return undefined;
    const instance = this.index.bestFit(demand);
    if (instance) return this.place(instance, demand, now);
    // Below maxvCpus is needed for a launch within it and for the one-instance overshoot alike.
    const room = this.maxvCpus - this.totalvCpus;
    const mayLaunch = this.managed && room > 0
      && (room >= this.smallestLaunchvCpus || mayExceedMaxvCpus(this.strategy, this.ce.computeResources?.type ?? 'EC2'));
    const type = mayLaunch ? this.chooseLaunchType(demand) : undefined;
    if (!type) {
      this.lastFailure.remember(demand, this.generation, this.context.availability.generation, this.maxvCpus);
      return undefined;
    }
    return this.place(this.launch(type, now, this.readyTime(type, now)), demand, now);
  }

  /** Whether the demand could ever be placed here (DIAG-2). */
  canEverFit(demand: ContainerDemand): FitVerdict {
    return this.diagnoses.get(demand, this.maxvCpus).verdict;
  }

  /** Why a demand that can fit is not placed now (DIAG-2 for jobs that wait rather than never fit). */
  explainWait(demand: ContainerDemand): string {
    const name = this.ce.name;
    if (this.ce.state !== 'ENABLED') return `compute environment ${name} is ${this.ce.state}: it places no new jobs (LIFE-8)`;
    if (this.ce.status !== 'VALID') return `compute environment ${name} is ${this.ce.status}: it places no jobs`;
    const diagnosis = this.diagnoses.get(demand, this.maxvCpus);
    if (!diagnosis.verdict.fits) return diagnosis.verdict.reason!;
    const instance = this.index.bestFit(demand);
    if (instance) return `instance ${instance.id} of compute environment ${name} has room for it: the next scheduling pass places it`;
    if (!this.managed) {
      return `CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - the ${this.instances.size} container instances of unmanaged compute environment ${name} are busy (SCHED-7)`;
    }
    if (this.totalvCpus >= this.maxvCpus) {
      return `CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - compute environment ${name} is at ${this.totalvCpus} of maxvCpus ${this.maxvCpus}: waiting for running jobs to finish (SCHED-5)`;
    }
    const unavailable = diagnosis.fitting.filter((type) => !this.context.availability.canLaunch(type.spec.name));
    if (unavailable.length === diagnosis.fitting.length) {
      return `CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - EC2 has no more capacity of ${unavailable.map((type) => type.spec.name).join(', ')} for compute environment ${name} (SCHED-6)`;
    }
    const first = diagnosis.fitting[0];
    return `CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - ${this.strategy} would launch ${first.spec.name} (${first.vcpus} vCPUs), ` +
      `but only ${this.maxvCpus - this.totalvCpus} of maxvCpus ${this.maxvCpus} are left in compute environment ${name} (SCHED-5)`;
  }

  /** Registers one more instance (unmanaged CEs: an instance joins the ECS cluster, SCHED-7). Returns its id. */
  register(registered: RegisteredResources): string {
    const now = this.context.loop.now();
    const instance = this.launch(registered, now, now);
    this.diagnoses.clear();
    this.armIdleCheck(instance);
    this.capacityGrew();
    return instance.id;
  }

  /**
   * Terminates an instance (a host failure or Spot reclaim). Its placements are lost: the core is
   * told through `instanceTerminated`. A managed CE launches a replacement when demand asks for it.
   */
  terminate(instanceId: string, statusReason: string = hostTerminatedReason(instanceId)): InstanceTermination | undefined {
    const instance = this.instances.get(instanceId);
    if (!instance) return undefined;
    const lostPlacements = [...instance.placements];
    for (const placement of lostPlacements) placement.released = true;
    this.remove(instance, this.context.loop.now());
    if (this.managed) {
      this.replenish(); // SCHED-5: a managed CE replaces lost capacity up to minvCpus
    } else {
      this.diagnoses.clear(); // the registered capacity shrank for good
    }
    const termination: InstanceTermination = {
      computeEnvironmentName: this.ce.name,
      instanceId,
      instanceType: instance.spec.name,
      containerInstanceArn: instance.containerInstanceArn,
      statusReason,
      lostPlacements,
    };
    if (lostPlacements.length > 0) this.context.listener.instanceTerminated(termination);
    this.capacityGrew();
    return termination;
  }

  /**
   * The CE was updated (state, sizes, instance types, strategy): later launches follow the new
   * settings, and idle instances are checked again for scale-down (LIFE-8, SCHED-5). Instances
   * already running keep their type, as on AWS until an infrastructure update replaces them.
   */
  updated(settings: FleetSettings): void {
    this.configure(settings);
    this.diagnoses.clear();
    if (this.managed) this.replenish();
    for (const instance of this.instances.values()) {
      if (instance.isIdle) this.armIdleCheck(instance);
    }
    this.capacityGrew();
  }

  views(): InstanceView[] {
    return [...this.instances.values()].map((instance) => ({
      instanceId: instance.id,
      instanceType: instance.spec.name,
      containerInstanceArn: instance.containerInstanceArn,
      launchedAt: instance.launchedAt,
      readyAt: instance.readyAt,
      registeredvCpus: instance.registered.vcpus,
      registeredMemoryMiB: instance.registered.memoryMiB,
      registeredGpus: instance.registered.gpus,
      freevCpus: instance.freeVcpus,
      freeMemoryMiB: instance.freeMemoryMiB,
      freeGpus: instance.freeGpus,
      runningPlacements: instance.placements.length,
    }));
  }

  /**
   * Checkpoint: the instances as data, with the places of live attempts (their idle checks are
   * events of kind IDLE_CHECK). Undefined when a placement has no live attempt to name it by.
   */
  savedInstances(): SavedInstance[] | undefined {
    const saved: SavedInstance[] = [];
    for (const instance of this.instances.values()) {
      const data = saveInstance(instance);
      if (!data) return undefined;
      saved.push(data);
    }
    return saved;
  }

  /**
   * Checkpoint restore: the instances become the saved ones (those a fresh start launched, e.g. for
   * `minvCpus`, are replaced: the saved ones keep their ids, launch and ready times). No lifecycle
   * event is told: no instance launched or terminated, the runtime only came back.
   */
  restoreInstances(
    saved: readonly SavedInstance[], spec: (type: string) => RegisteredResources['spec'], restoredPlacements: Map<string, Placement>,
  ): void {
    const now = this.context.loop.now();
    for (const instance of [...this.instances.values()]) {
      instance.terminated = true;
      instance.idleCheck?.cancel(); // the saved instances' checks are re-armed as they were saved
      this.index.remove(instance);
      this.instances.delete(instance.id);
      this.totalvCpus -= instance.registered.vcpus;
      this.context.availability.terminated(instance.spec.name);
      this.context.stats.terminated(this.ce.name, instance.registered.vcpus, instance.launchedAt, now);
    }
    const filed: Array<[readonly [number, number, number], ContainerInstance]> = [];
    for (const data of saved) {
      const registered: RegisteredResources = { spec: spec(data.type), vcpus: data.vcpus, memoryMiB: data.memoryMiB, gpus: data.gpus };
      const instance = new ContainerInstance(data.id, data.arn, registered, data.launchedAt, data.readyAt);
      instance.idleSince = data.idleSince;
      for (const place of data.placements ?? []) {
        const placement = new InstancePlacement(this.ce, instance, place.vcpus, place.memoryMiB, place.gpus, place.readyAt, this);
        instance.take(placement);
        if (place.attempt === 0) placement.reservedFor = place.jobId;
        restoredPlacements.set(`${place.jobId}#${place.attempt}`, placement);
      }
      this.instances.set(instance.id, instance);
      filed.push([data.filed ?? [0, 0, 0], instance]);
      this.totalvCpus += registered.vcpus;
      this.context.availability.launched(registered.spec.name);
      this.context.stats.launched(this.ce.name, registered.vcpus, now);
    }
    // Filed in the saved index order, so best-fit ties go to the instance they went to before the checkpoint.
    filed.sort(([a], [b]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    for (const [, instance] of filed) this.index.file(instance);
  }

  placementReleased(placement: InstancePlacement): void {
    const instance = placement.instance;
    if (instance.terminated) return;
    instance.give(placement);
    this.index.file(instance);
    // Ask for a pass before arming the idle check: at a zero idle time the pass still runs first
    // and reuses the instance, instead of terminating it and launching another.
    this.capacityGrew();
    if (instance.isIdle) {
      instance.idleSince = this.context.loop.now();
      this.armIdleCheck(instance);
    }
  }

  /** Capacity may have grown: forget the last failure and ask the core for a scheduling pass. */
  private capacityGrew(): void {
    this.generation++;
    this.context.listener.capacityChanged();
  }

  private configure(settings: FleetSettings): void {
    this.settings = settings;
    this.strategy = settings.strategy;
    const bySpec = new Map(settings.instanceTypes.map((registered) => [registered.spec, registered]));
    this.launchTypes = launchOrder(this.strategy, [...bySpec.keys()], this.context.risks).map((spec) => bySpec.get(spec)!);
    this.smallestLaunchvCpus = Math.min(...this.launchTypes.map((type) => type.vcpus));
  }

  private place(instance: ContainerInstance, demand: ContainerDemand, now: number): InstancePlacement {
    const placement = new InstancePlacement(this.ce, instance, demand.vcpus, demand.memoryMiB, demand.gpus, Math.max(now, instance.readyAt), this);
    instance.take(placement);
    this.index.file(instance);
    return placement;
  }

  /**
   * SCHED-5/6: the type to launch for the demand, in the strategy's order: the first that EC2 can
   * provide and that stays within `maxvCpus`; failing that, when the strategy may overshoot, the
   * first EC2 can provide (the CE is below `maxvCpus` here, so it ends at most one instance over).
   */
  private chooseLaunchType(demand: ContainerDemand): RegisteredResources | undefined {
    const diagnosis = this.diagnoses.get(demand, this.maxvCpus);
    if (!diagnosis.verdict.fits) return undefined;
    const room = this.maxvCpus - this.totalvCpus;
    const availability = this.context.availability;
    for (const type of diagnosis.fitting) {
      if (type.vcpus <= room && availability.canLaunch(type.spec.name)) return type;
    }
    if (!mayExceedMaxvCpus(this.strategy, this.ce.computeResources?.type ?? 'EC2')) return undefined;
    return diagnosis.fitting.find((type) => availability.canLaunch(type.spec.name));
  }

  /** Launches idle instances up to `minvCpus` (after a host failure or a raised minimum). */
  private replenish(): void {
    const before = new Set(this.instances.keys());
    this.growTo(this.minvCpus, this.context.loop.now());
    for (const instance of this.instances.values()) {
      if (!before.has(instance.id)) this.armIdleCheck(instance);
    }
  }

  /** Launches instances of the strategy's first types until the CE has `target` vCPUs (never above maxvCpus). */
  private growTo(target: number, now: number): void {
    while (this.totalvCpus < target) {
      const room = this.maxvCpus - this.totalvCpus;
      const type = this.launchTypes.find((candidate) => candidate.vcpus <= room && this.context.availability.canLaunch(candidate.spec.name));
      if (!type) return;
      this.launch(type, now, this.readyTime(type, now));
    }
  }

  private diagnoseUncached(demand: ContainerDemand): FitDiagnosis {
    const name = this.ce.name;
    if (this.settings.configurationProblem !== undefined) {
      return { verdict: { fits: false, reason: `MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - ${this.settings.configurationProblem}` }, fitting: [] };
    }
    if (!this.managed) {
      return diagnoseFit({ computeEnvironmentName: name, managed: false, candidates: this.registeredKinds() }, demand);
    }
    const fit = diagnoseFit({ computeEnvironmentName: name, managed: true, candidates: this.launchTypes }, demand);
    if (!fit.verdict.fits) return fit;
    return diagnoseMaxvCpus({
      computeEnvironmentName: name,
      maxvCpus: this.maxvCpus,
      strategy: this.strategy,
      mayExceed: mayExceedMaxvCpus(this.strategy, this.ce.computeResources?.type ?? 'EC2'),
      onlyFirstChoice: launchesOnlyFirstChoice(this.strategy),
    }, fit.fitting);
  }

  /** The distinct registered resources of an unmanaged CE's instances. */
  private registeredKinds(): RegisteredResources[] {
    const kinds = new Map<string, RegisteredResources>();
    for (const { registered } of this.instances.values()) {
      kinds.set(`${registered.spec.name}/${registered.memoryMiB}`, registered);
    }
    return [...kinds.values()];
  }

  private readyTime(type: RegisteredResources, now: number): number {
    const profile = this.context.instanceStart;
    const gpu = type.gpus > 0 ? profile.gpuExtraDelayMs ?? 0 : 0;
    const spot = this.ce.computeResources?.type === 'SPOT' ? profile.spotExtraDelayMs ?? 0 : 0;
    return now + profile.baseDelayMs + gpu + spot;
  }

  private launch(type: RegisteredResources, now: number, readyAt: number): ContainerInstance {
    const { instanceId, containerInstanceId } = this.context.nextInstanceIds();
    const arn = `${this.ce.ecsClusterArn.replace(':cluster/', ':container-instance/')}/${containerInstanceId}`;
    const instance = new ContainerInstance(instanceId, arn, type, now, readyAt);
    this.instances.set(instanceId, instance);
    this.index.file(instance);
    this.totalvCpus += type.vcpus;
    this.context.availability.launched(type.spec.name);
    this.context.stats.launched(this.ce.name, type.vcpus, now);
    this.context.stats.notify('launched', () => lifecycleEvent(this.ce.name, instance, now));
    return instance;
  }

  private remove(instance: ContainerInstance, now: number): void {
    instance.terminated = true;
    this.index.remove(instance);
    this.instances.delete(instance.id);
    this.totalvCpus -= instance.registered.vcpus;
    this.context.availability.terminated(instance.spec.name);
    this.context.stats.terminated(this.ce.name, instance.registered.vcpus, instance.launchedAt, now);
    this.context.stats.notify('terminated', () => lifecycleEvent(this.ce.name, instance, now));
  }

  /** One pending idle check per instance; it re-arms itself if the instance was busy meanwhile. */
  private armIdleCheck(instance: ContainerInstance): void {
    if (!this.managed || instance.idleCheck || !Number.isFinite(this.context.scaleDownIdleMs)) return;
    instance.idleCheck = this.context.loop.atDescribed(this.idleDue(instance), IDLE_CHECK, instance, () => this.idleCheck(instance));
  }

  /** Checkpoint restore: the instance's idle check, at its saved time and sequence. False: no such instance here. */
  restoreIdleCheck(instanceId: string, time: number, sequence: number): boolean {
    const instance = this.instances.get(instanceId);
    if (!instance) return false;
    instance.idleCheck = this.context.loop.restoreEvent(time, sequence, IDLE_CHECK, instance, () => this.idleCheck(instance));
    return true;
  }

  private idleDue(instance: ContainerInstance): number {
    return Math.max(instance.idleSince, instance.readyAt) + this.context.scaleDownIdleMs;
  }

  /** SCHED-5, LIFE-8: an instance idle for the idle time goes, unless the CE would drop below `minvCpus`. */
  private idleCheck(instance: ContainerInstance): void {
    instance.idleCheck = undefined;
    if (instance.terminated || !instance.isIdle) return;
    const now = this.context.loop.now();
    if (now < this.idleDue(instance)) {
      this.armIdleCheck(instance);
      return;
    }
    if (this.totalvCpus - instance.registered.vcpus < this.minvCpus) return;
    this.remove(instance, now);
    // Terminating frees part of maxvCpus, which a waiting job of another shape may need.
    this.capacityGrew();
  }
}
