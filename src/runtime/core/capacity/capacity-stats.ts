import { InstanceLifecycleEvent, InstanceLifecycleListener } from './instance-lifecycle-listener';

/** Instance figures of one compute environment. */
export interface ComputeEnvironmentInstanceStats {
  /** Instances now (starting or running). */
  readonly currentInstances: number;
  /** vCPUs of those instances. */
  readonly currentvCpus: number;
  /** The most instances at any one time. */
  readonly peakInstances: number;
  /** Instances launched (or registered) so far. */
  readonly launchedInstances: number;
  /** Instances terminated so far (scale-down or host failure). */
  readonly terminatedInstances: number;
  /** Seconds of instance time so far, terminated instances and current ones up to now. */
  readonly instanceSeconds: number;
}

/** Instance figures for a run's summary (e.g. the pipeline example's "peak instances"). */
export interface CapacityStats {
  /** Instances now, all compute environments together. */
  readonly currentInstances: number;
  /** The most instances at any one time, all compute environments together. */
  readonly peakInstances: number;
  /** Seconds of instance time, all compute environments together. */
  readonly instanceSeconds: number;
  /** The figures of each compute environment, by name. */
  readonly computeEnvironments: Record<string, ComputeEnvironmentInstanceStats>;
}

/** Running counts per compute environment; O(1) per launch or termination, whatever the instance count. */
class EnvironmentCounter {
  current = 0;
  currentvCpus = 0;
  peak = 0;
  launched = 0;
  terminated = 0;
  /** Milliseconds of terminated instances. */
  closedMs = 0;
  /** Sum of the launch times of current instances: their time so far is `current * now - launchSum`. */
  launchSum = 0;

  instanceMs(now: number): number {
    return this.closedMs + this.current * now - this.launchSum;
  }
}

/** Keeps the instance figures as instances come and go. */
export class CapacityStatsRecorder {
  private readonly environments = new Map<string, EnvironmentCounter>();
  private current = 0;
  private peak = 0;
  private readonly listeners: InstanceLifecycleListener[] = [];

  addListener(listener: InstanceLifecycleListener): void {
    this.listeners.push(listener);
  }

  /** Tells the lifecycle listeners; the event is built only when someone listens. */
  notify(kind: 'launched' | 'terminated', event: () => InstanceLifecycleEvent): void {
    if (this.listeners.length === 0) return;
    const built = event();
    for (const listener of this.listeners) {
      if (kind === 'launched') listener.instanceLaunched(built); else listener.instanceTerminated(built);
    }
  }

  launched(computeEnvironment: string, vcpus: number, at: number): void {
    const counter = this.counter(computeEnvironment);
    counter.current++;
    counter.currentvCpus += vcpus;
    counter.launched++;
    counter.launchSum += at;
    counter.peak = Math.max(counter.peak, counter.current);
    this.current++;
    this.peak = Math.max(this.peak, this.current);
  }

  terminated(computeEnvironment: string, vcpus: number, launchedAt: number, at: number): void {
    const counter = this.counter(computeEnvironment);
    counter.current--;
    counter.currentvCpus -= vcpus;
    counter.terminated++;
    counter.launchSum -= launchedAt;
    counter.closedMs += at - launchedAt;
    this.current--;
  }

  snapshot(now: number): CapacityStats {
    const computeEnvironments: Record<string, ComputeEnvironmentInstanceStats> = {};
    let totalMs = 0;
    for (const [name, counter] of this.environments) {
      const ms = counter.instanceMs(now);
      totalMs += ms;
      computeEnvironments[name] = {
        currentInstances: counter.current,
        currentvCpus: counter.currentvCpus,
        peakInstances: counter.peak,
        launchedInstances: counter.launched,
        terminatedInstances: counter.terminated,
        instanceSeconds: ms / 1000,
      };
    }
    return { currentInstances: this.current, peakInstances: this.peak, instanceSeconds: totalMs / 1000, computeEnvironments };
  }

  private counter(computeEnvironment: string): EnvironmentCounter {
    let counter = this.environments.get(computeEnvironment);
    if (!counter) this.environments.set(computeEnvironment, counter = new EnvironmentCounter());
    return counter;
  }
}
