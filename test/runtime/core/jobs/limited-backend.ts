import { BatchBackend } from '../../../../src/runtime/core/backend';
import { VirtualClock } from '../../../../src/runtime/core/clock';
import { SeededIdGenerator } from '../../../../src/runtime/core/id-generator';
import { VcpuPoolCapacity } from '../../../../src/runtime/core/scheduling/vcpu-pool-capacity';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { SimulatedRunner } from '../../../../src/runtime/executors/simulated/simulated-runner';
import { T0 } from '../fixtures';

/** The seed of `backendWithLimit`'s ids, for tests that compute the ids it hands out. */
export const LIMITED_BACKEND_SEED = 3;

/** A backend with one 4-vCPU queue ('queue') and one definition ('job'), refusing submissions beyond `maxSubmittedJobs` (LIM-7). */
export function backendWithLimit(maxSubmittedJobs?: number): BatchBackend {
  const backend = new BatchBackend({
    clock: new VirtualClock(T0),
    ids: new SeededIdGenerator(LIMITED_BACKEND_SEED),
    capacity: new VcpuPoolCapacity(),
    runner: new SimulatedRunner({ behaviorFor: () => JobBehavior.succeed() }),
    maxSubmittedJobs,
  });
  backend.createComputeEnvironment({
    computeEnvironmentName: 'ce',
    type: 'MANAGED',
    computeResources: { type: 'EC2', maxvCpus: 4, minvCpus: 0, instanceTypes: ['optimal'], subnets: ['subnet-1'], instanceRole: 'ecsInstanceRole' },
  });
  backend.createJobQueue({ jobQueueName: 'queue', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] });
  backend.registerJobDefinition({ jobDefinitionName: 'job', type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 2048 } });
  return backend;
}
