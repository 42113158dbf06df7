import { ConsumableWaits } from './consumable-waits';
import {
  ALLOCATED_MEMORY, ALLOCATED_VCPUS, AVAILABLE_MEMORY, AVAILABLE_VCPUS, EnvironmentFigures, INSTANCES, MS_PER_HOUR, RUNNING,
  timelinePoints, TypeUsage,
} from './environment-figures';
import { BlockedHead, findings, PackingObservation } from './findings';
import { AttemptSpan, ComputeEnvironmentReport, InstanceTypeUsage, PlanReport } from './plan-report';
import { PriceTable } from './price-table';
import { addCounts, QueueFigures, queueReport } from './queue-figures';
import { FairShareQueueFigures } from './share-accounting';
import { TimesBySequence } from './times-by-sequence';
import { WaitQuantiles } from './wait-quantiles';
import { InstanceLifecycleEvent, InstanceLifecycleListener } from '../core/capacity/instance-lifecycle-listener';
import { jobDemand } from '../core/jobs/container-launch';
import { JobStateListener } from '../core/jobs/job-lifecycle';
import { JobRecord } from '../core/jobs/job-record';
import { JobStatus } from '../core/model/job-status';
import { ComputeEnvironmentRecord, JobQueueRecord } from '../core/model/records';

/** Up to this many attempts the report keeps each one (Gantt bars); beyond, only the density. */
export const DEFAULT_GANTT_LIMIT = 2000;

/** Fargate bills a Linux task per second, one minute at least (https://aws.amazon.com/fargate/pricing/). */
const FARGATE_MINIMUM_MS = 60_000;

export interface ReportCollectorOptions {
  readonly ganttLimit?: number;
  readonly maxBuckets?: number;
  /** The runtime's clock. */
  now(): number;
  /** A compute environment by name (for its provisioning model). */
  computeEnvironment(name: string): ComputeEnvironmentRecord | undefined;
  /** The first RUNNABLE job of a queue and why it does not run (findings). @default - not said */
  blockedHead?(queue: string): BlockedHead | undefined;
  /** A compute environment's or queue's construct path or logical id, for people. @default - its name */
  label?(kind: 'compute environment' | 'job queue', name: string): string | undefined;
}

class InstanceState {
  running = 0;
  idleSince: number;
  constructor(readonly event: InstanceLifecycleEvent) {
    this.idleSince = event.launchedAt;
  }
}

/**
 * Observes a runtime (job state changes and instance launches/terminations) and keeps the plan
 * report's figures in streaming form: O(1) work per event, memory bounded by the instances, the jobs
 * in flight and the time buckets, not by the jobs of the run (the Gantt list stops at `ganttLimit`).
 */
export class ReportCollector implements JobStateListener, InstanceLifecycleListener {
  /** PLAT-4: waits of the jobs that need consumable resources, per resource. */
  private readonly consumableWaits = new ConsumableWaits();
  private readonly environments = new Map<string, EnvironmentFigures>();
  private readonly queues = new Map<string, QueueFigures>();
  /** Fair-share queues with jobs (docs/plan.md, PLAN-13), by name. */
  private readonly fairShare = new Map<string, FairShareQueueFigures>();
  private readonly instances = new Map<string, InstanceState>();
  /** RUNNABLE jobs: since when; placed jobs: since when (a job is in one state at a time). */
  private readonly since = new TimesBySequence();
  /** The same for multi-node nodes, which share their parent's sequence number. */
  private readonly nodeSince = new Map<JobRecord, number>();
  private attempts: AttemptSpan[] | undefined = [];
  private readonly ganttLimit: number;
  private readonly maxBuckets: number;
  private readonly originMs: number;
  private firstSubmission?: number;
  private lastEnd?: number;
  private current = 0;
  private peak = 0;
  private lastEnvironment?: [string, EnvironmentFigures];
  private lastQueue?: [JobQueueRecord, QueueFigures];
  private lastModel?: [string, string];

  constructor(private readonly options: ReportCollectorOptions) {
    this.originMs = options.now();
    this.ganttLimit = options.ganttLimit ?? DEFAULT_GANTT_LIMIT;
    this.maxBuckets = options.maxBuckets ?? 240;
  }

  instanceLaunched(event: InstanceLifecycleEvent): void {
    this.instances.set(event.containerInstanceArn, new InstanceState(event));
    const figures = this.environment(event.computeEnvironmentName);
    const t = figures.timeline;
    t.advance(event.at);
    t.shift(INSTANCES, 1);
    t.shift(AVAILABLE_VCPUS, event.vcpus);
    t.shift(AVAILABLE_MEMORY, event.memoryMiB);
    figures.current++;
    figures.launched++;
    figures.peak = Math.max(figures.peak, figures.current);
    this.current++;
    this.peak = Math.max(this.peak, this.current);
    const usage = figures.types.get(event.instanceType) ?? new TypeUsage(event.vcpus, event.memoryMiB);
    usage.launched++;
    figures.types.set(event.instanceType, usage);
  }

  instanceTerminated(event: InstanceLifecycleEvent): void {
    const state = this.instances.get(event.containerInstanceArn);
    this.instances.delete(event.containerInstanceArn);
    const figures = this.environment(event.computeEnvironmentName);
    const t = figures.timeline;
    t.advance(event.at);
    t.shift(INSTANCES, -1);
    t.shift(AVAILABLE_VCPUS, -event.vcpus);
    t.shift(AVAILABLE_MEMORY, -event.memoryMiB);
    figures.current--;
    this.current--;
    figures.types.get(event.instanceType)!.closedMs += event.at - event.launchedAt;
    if (state && state.running === 0) figures.closedIdleMs += event.at - state.idleSince;
  }

  onJobStateChange(job: JobRecord, previous: JobStatus): void {
    const now = this.options.now();
    const status = job.status;
    // Array children are created PENDING without a state change of their own: counted with their
    // parent, which itself runs nothing. Multi-node jobs count once (the parent), not per node.
    const children = job.children;
    const shares = this.shares(job);
    if (previous === 'SUBMITTED') {
      this.queue(job).total += children !== undefined ? children.length : 1;
      shares?.submitted(job.spec.shareIdentifier!, children !== undefined ? children.length : 1);
      this.firstSubmission ??= job.createdAt;
    }
    if (children !== undefined) return;
    if (shares && previous === 'RUNNABLE') shares.runnable(job.spec.shareIdentifier!, -1, now);
    if (shares && status === 'RUNNABLE') shares.runnable(job.spec.shareIdentifier!, 1, now);
    if (previous === 'STARTING' || previous === 'RUNNING') {
      if (status !== 'RUNNING') this.released(job, now);
    } else if (previous === 'RUNNABLE' && status === 'STARTING') {
      this.placed(job, now);
    } else if (previous === 'RUNNABLE') {
      this.clearSince(job); // failed while waiting (cancel, terminate)
    }
    if (status === 'RUNNABLE') this.setSince(job, now);
    if ((status === 'SUCCEEDED' || status === 'FAILED') && job.mnpParent === undefined) {
      const queue = this.queue(job);
      if (status === 'SUCCEEDED') queue.succeeded++; else queue.failed++;
      this.lastEnd = now;
    }
  }

  /** The figures now. */
  report(prices: PriceTable): PlanReport {
    const now = this.options.now();
    const widthMs = Math.max(1000, ...[...this.environments.values()].map((figures) => {
      figures.timeline.advance(now);
      return figures.timeline.bucketWidthMs;
    }), ...[...this.fairShare.values()].map((figures) => figures.bucketWidthMs(now)));
    const computeEnvironments = [...this.environments.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, figures]) => this.environmentReport(name, figures, widthMs, now, prices));
    const queues = [...this.queues.entries()].sort(([a], [b]) => a.localeCompare(b))
      .map(([name, figures]) => queueReport(name, this.options.label?.('job queue', name) ?? name, figures));
    const allWaits = new WaitQuantiles();
    for (const figures of this.queues.values()) allWaits.merge(figures.waits);
    const sum = (pick: (r: ComputeEnvironmentReport) => number): number => computeEnvironments.reduce((total, r) => total + pick(r), 0);
    const report = {
      originEpochMs: this.originMs,
      reportSeconds: (now - this.originMs) / 1000,
      makespanSeconds: this.firstSubmission !== undefined && this.lastEnd !== undefined ? (this.lastEnd - this.firstSubmission) / 1000 : 0,
      jobs: addCounts(queues.map((q) => q.jobs)),
      wait: allWaits.statistics(),
      peakInstances: this.peak,
      instanceHours: sum((r) => r.instanceHours),
      idleInstanceHours: sum((r) => r.idleInstanceHours),
      costUsd: sum((r) => r.costUsd),
      priceSource: prices.source,
      bucketSeconds: widthMs / 1000,
      computeEnvironments,
      queues,
      attempts: this.attempts ?? [],
      attemptsComplete: this.attempts !== undefined,
      fairShareQueues: [...this.fairShare.entries()].sort(([a], [b]) => a.localeCompare(b))
        .map(([name, figures]) => figures.report(this.options.label?.('job queue', name) ?? name, now, widthMs)),
    };
    return {
      ...report,
      findings: [...findings({
        report,
        packing: this.packingObservations(),
        maxVcpus: (name) => this.options.computeEnvironment(name)?.computeResources?.maxvCpus,
        blockedHead: (queue) => this.options.blockedHead?.(queue),
      }), ...this.consumableWaits.findings()],
    };
  }

  private packingObservations(): PackingObservation[] {
    return [...this.environments.entries()].flatMap(([name, figures]) => figures.packing.observations(this.options.label?.('compute environment', name) ?? name, (type) => figures.types.get(type)!));
  }

  private placed(job: JobRecord, now: number): void {
    const waitingSince = this.getSince(job);
    if (!Number.isNaN(waitingSince)) this.queue(job).waits.add(now - waitingSince);
    if (!Number.isNaN(waitingSince) && job.spec.consumableNeeds) this.consumableWaits.add(job.spec.consumableNeeds, now - waitingSince);
    this.setSince(job, now);
    const attempt = job.currentAttempt;
    if (!attempt) return;
    const demand = jobDemand(job);
    this.shares(job)?.allocated(job.spec.shareIdentifier!, demand.vcpus, now, Number.isNaN(waitingSince) ? undefined : now - waitingSince);
    const figures = this.environment(attempt.computeEnvironment.name);
    const t = figures.timeline;
    t.advance(now);
    t.shift(ALLOCATED_VCPUS, demand.vcpus);
    t.shift(ALLOCATED_MEMORY, demand.memoryMiB);
    t.shift(RUNNING, 1);
    const instance = this.instances.get(attempt.containerInstanceArn);
    if (instance && instance.running++ === 0) figures.closedIdleMs += now - instance.idleSince;
    if (instance) figures.packing.add(instance.event.instanceType, job.spec.definition, demand.vcpus, demand.memoryMiB);
  }

  private released(job: JobRecord, now: number): void {
    const since = this.getSince(job);
    const placedAt = Number.isNaN(since) ? now : since;
    this.clearSince(job);
    const attempt = job.currentAttempt;
    if (!attempt) return;
    const demand = jobDemand(job);
    this.shares(job)?.allocated(job.spec.shareIdentifier!, -demand.vcpus, now);
    const figures = this.environment(attempt.computeEnvironment.name);
    const t = figures.timeline;
    t.advance(now);
    t.shift(ALLOCATED_VCPUS, -demand.vcpus);
    t.shift(ALLOCATED_MEMORY, -demand.memoryMiB);
    t.shift(RUNNING, -1);
    const instance = this.instances.get(attempt.containerInstanceArn);
    if (instance && --instance.running === 0) instance.idleSince = now;
    if (!instance && isFargate(this.provisioningModel(attempt.computeEnvironment.name))) {
      // Billed from placement (the image pull starts) to the end, per started second, one minute at least.
      const billedSeconds = Math.ceil(Math.max(FARGATE_MINIMUM_MS, now - placedAt) / 1000);
      figures.taskVcpuSeconds += demand.vcpus * billedSeconds;
      figures.taskGbSeconds += (demand.memoryMiB / 1024) * billedSeconds;
    }
    if (this.attempts) {
      if (this.attempts.length >= this.ganttLimit) {
        this.attempts = undefined; // too many to draw one by one: the pictures show density instead
      } else {
        this.attempts.push({
          jobName: job.spec.jobName,
          jobId: job.jobId,
          computeEnvironment: attempt.computeEnvironment.name,
          instance: instance?.event.instanceId ?? attempt.containerInstanceArn,
          startSeconds: (placedAt - this.originMs) / 1000,
          endSeconds: (now - this.originMs) / 1000,
          outcome: job.status,
        });
      }
    }
  }

  private environmentReport(name: string, figures: EnvironmentFigures, widthMs: number, now: number, prices: PriceTable): ComputeEnvironmentReport {
    const t = figures.timeline;
    t.coarsenTo(widthMs);
    const model = this.provisioningModel(name);
    const spot = model === 'SPOT';
    const liveMs = new Map<string, number>();
    let idleMs = figures.closedIdleMs;
    for (const state of this.instances.values()) {
      if (state.event.computeEnvironmentName !== name) continue;
      liveMs.set(state.event.instanceType, (liveMs.get(state.event.instanceType) ?? 0) + now - state.event.launchedAt);
      if (state.running === 0) idleMs += now - state.idleSince;
    }
    const instanceTypes: InstanceTypeUsage[] = [...figures.types.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([instanceType, usage]) => {
      const instanceHours = (usage.closedMs + (liveMs.get(instanceType) ?? 0)) / MS_PER_HOUR;
      const usdPerHour = prices.usdPerHour(instanceType, spot);
      const { launched, vcpus, memoryMiB } = usage;
      return { instanceType, launched, vcpus, memoryMiB, instanceHours, usdPerHour, costUsd: instanceHours * usdPerHour };
    });
    const ratio = (allocated: number, available: number): number => (t.integral(available) > 0 ? t.integral(allocated) / t.integral(available) : 0);
    const fargate = prices.fargatePrices(model === 'FARGATE_SPOT');
    const taskVcpuHours = figures.taskVcpuSeconds / 3600;
    const taskMemoryGbHours = figures.taskGbSeconds / 3600;
    const taskCostUsd = taskVcpuHours * fargate.usdPerVcpuHour + taskMemoryGbHours * fargate.usdPerGbHour;
    return {
      name,
      label: this.options.label?.('compute environment', name) ?? name,
      provisioningModel: model,
      peakInstances: figures.peak,
      launchedInstances: figures.launched,
      instanceHours: instanceTypes.reduce((total, usage) => total + usage.instanceHours, 0),
      idleInstanceHours: idleMs / MS_PER_HOUR,
      vcpuUtilization: ratio(ALLOCATED_VCPUS, AVAILABLE_VCPUS),
      memoryUtilization: ratio(ALLOCATED_MEMORY, AVAILABLE_MEMORY),
      costUsd: instanceTypes.reduce((total, usage) => total + usage.costUsd, 0) + taskCostUsd,
      taskVcpuHours,
      taskMemoryGbHours,
      instanceTypes,
      timeline: timelinePoints(t, now),
    };
  }

  private provisioningModel(name: string): string {
    if (name === this.lastModel?.[0]) return this.lastModel[1];
    const model = this.lookUpProvisioningModel(name);
    this.lastModel = [name, model];
    return model;
  }

  private lookUpProvisioningModel(name: string): string {
    const ce = this.options.computeEnvironment(name);
    return ce?.computeResources?.type ?? 'EC2'; // unmanaged CEs run on-demand instances you registered
  }

  private getSince(job: JobRecord): number {
    return job.mnpParent === undefined ? this.since.get(job.sequence) : this.nodeSince.get(job) ?? NaN;
  }

  private setSince(job: JobRecord, time: number): void {
    if (job.mnpParent === undefined) this.since.set(job.sequence, time); else this.nodeSince.set(job, time);
  }

  private clearSince(job: JobRecord): void {
    if (job.mnpParent === undefined) this.since.clear(job.sequence); else this.nodeSince.delete(job);
  }

  private environment(name: string): EnvironmentFigures {
    if (name === this.lastEnvironment?.[0]) return this.lastEnvironment[1]; // most events hit the CE of the previous one
    let figures = this.environments.get(name);
    if (!figures) this.environments.set(name, figures = new EnvironmentFigures(this.originMs, this.maxBuckets));
    this.lastEnvironment = [name, figures];
    return figures;
  }

  private shares(job: JobRecord): FairShareQueueFigures | undefined {
    return FairShareQueueFigures.of(this.fairShare, job, this.originMs, this.maxBuckets);
  }

  private queue(job: JobRecord): QueueFigures {
    const record = job.spec.queue;
    if (record === this.lastQueue?.[0]) return this.lastQueue[1];
    let figures = this.queues.get(record.name);
    if (!figures) this.queues.set(record.name, figures = new QueueFigures());
    this.lastQueue = [record, figures];
    return figures;
  }
}

function isFargate(model: string): boolean {
  return model === 'FARGATE' || model === 'FARGATE_SPOT';
}

