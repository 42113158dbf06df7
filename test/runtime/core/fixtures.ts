import { BatchBackend } from '../../../src/runtime/core/backend';
import { VirtualClock } from '../../../src/runtime/core/clock';
import { ContainerLaunch } from '../../../src/runtime/core/executor';
import { SeededIdGenerator } from '../../../src/runtime/core/id-generator';
import { JobStatus } from '../../../src/runtime/core/model/job-status';
import { VcpuPoolCapacity } from '../../../src/runtime/core/scheduling/vcpu-pool-capacity';
import { JobBehavior } from '../../../src/runtime/executors/simulated/job-behavior';
import { SimulatedRunner } from '../../../src/runtime/executors/simulated/simulated-runner';

export const T0 = Date.UTC(2020, 0, 1);

export interface TestBackend {
  readonly backend: BatchBackend;
  /** Every state change: `jobId: FROM -> TO`. */
  readonly history: Map<string, JobStatus[]>;
  readonly launches: ContainerLaunch[];
}

/**
 * A backend in virtual time with one CE (`maxvCpus`), one queue `queue` and one job definition `job`
 * (1 vCPU, 2048 MiB); behaviours are chosen by a function of the launch. Capacity is the plain vCPU
 * pool: these tests are about job semantics, so `maxvCpus` alone decides how many jobs run at once
 * (the instance model has its own tests under capacity/).
 */
export function testBackend(options: { maxvCpus?: number; behavior?: (launch: ContainerLaunch) => JobBehavior } = {}): TestBackend {
  const launches: ContainerLaunch[] = [];
  const backend = new BatchBackend({
    clock: new VirtualClock(T0),
    ids: new SeededIdGenerator(7),
    capacity: new VcpuPoolCapacity(),
    runner: new SimulatedRunner({
      behaviorFor: (launch) => {
        launches.push(launch);
        return options.behavior?.(launch) ?? JobBehavior.succeed();
      },
    }),
  });
  backend.createComputeEnvironment({
    computeEnvironmentName: 'ce',
    type: 'MANAGED',
    computeResources: { type: 'EC2', maxvCpus: options.maxvCpus ?? 4, minvCpus: 0, instanceTypes: ['optimal'], subnets: ['subnet-1'], instanceRole: 'ecsInstanceRole' },
  });
  backend.createJobQueue({ jobQueueName: 'queue', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] });
  backend.registerJobDefinition({
    jobDefinitionName: 'job',
    type: 'container',
    containerProperties: { image: 'busybox', vcpus: 1, memory: 2048, command: ['run', 'Ref::input'] },
    parameters: { input: 'default' },
  });
  const history = new Map<string, JobStatus[]>();
  backend.addJobStateListener({
    onJobStateChange: (job) => {
      const list = history.get(job.jobId) ?? [];
      list.push(job.status);
      history.set(job.jobId, list);
    },
  });
  return { backend, history, launches };
}

/** Submits a job to the test queue and definition. */
export function submit(backend: BatchBackend, extra: Partial<Parameters<BatchBackend['submitJob']>[0]> = {}): string {
  return backend.submitJob({ jobName: 'test', jobQueue: 'queue', jobDefinition: 'job', ...extra }).jobId;
}
