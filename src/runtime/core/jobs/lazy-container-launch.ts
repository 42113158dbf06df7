import { batchEnvironmentVariables, effectiveContainer, jobDemand, substituteParameters } from './container-launch';
import { AttemptRecord, JobRecord } from './job-record';
import { ContainerLaunch } from '../executor';
import { ContainerProperties } from '../model/requests';

/**
 * The ContainerLaunch of one attempt, computed on first read. A simulated job usually needs only its
 * name and definition; building argv and environment for each of a million children would dominate
 * the simulation's time and garbage.
 */
export class LazyContainerLaunch implements ContainerLaunch {
  private commandValue?: string[];
  private environmentValue?: Record<string, string>;

  constructor(readonly job: JobRecord, readonly attemptRecord: AttemptRecord, private readonly computeEnvironmentName: string) {}

  get jobId(): string {
    return this.job.jobId;
  }

  get jobName(): string {
    return this.job.spec.jobName;
  }

  get attempt(): number {
    return this.attemptRecord.number;
  }

  get jobDefinitionName(): string {
    return this.job.spec.definition.name;
  }

  get image(): string | undefined {
    return this.container.image;
  }

  get command(): string[] {
    return this.commandValue ??= substituteParameters(this.container.command ?? [], this.job.spec.parameters);
  }

  get environment(): Record<string, string> {
    if (!this.environmentValue) {
      const environment: Record<string, string> = {};
      for (const entry of this.job.spec.environment) if (entry.name !== undefined) environment[entry.name] = entry.value ?? '';
      this.environmentValue = Object.assign(environment, batchEnvironmentVariables(this.job, this.attemptRecord.number, this.computeEnvironmentName));
    }
    return this.environmentValue;
  }

  get vcpus(): number {
    return jobDemand(this.job).vcpus;
  }

  get memoryMiB(): number {
    return jobDemand(this.job).memoryMiB;
  }

  get gpus(): number {
    return jobDemand(this.job).gpus;
  }

  get container(): ContainerProperties {
    return effectiveContainer(this.job);
  }

  get logStreamName(): string {
    return this.attemptRecord.logStreamName!;
  }
}
