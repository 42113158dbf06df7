import { Duration } from 'aws-cdk-lib';
import { BatchBackend } from '../../../../src/runtime/core/backend';
import { InstanceTypeAvailability } from '../../../../src/runtime/core/capacity/capacity-options';
import { VirtualClock } from '../../../../src/runtime/core/clock';
import { SeededIdGenerator } from '../../../../src/runtime/core/id-generator';
import { JobStateTimeLimitAction } from '../../../../src/runtime/core/model/requests';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { SimulatedRunner } from '../../../../src/runtime/executors/simulated/simulated-runner';
import { T0 } from '../fixtures';

/** Shared builders for the diagnostics tests (not a test file itself). */

export interface InstanceBackendOptions {
  readonly maxvCpus: number;
  readonly instanceTypes?: string[];
  readonly serviceRole?: string;
  readonly jobStateTimeLimitActions?: JobStateTimeLimitAction[];
  readonly instanceTypeAvailability?: InstanceTypeAvailability[];
}

/**
 * A backend in virtual time with the instance-level capacity model: one managed EC2 CE `ce`
 * (`instanceTypes`, default `c5`), one queue `queue` and the 1-vCPU, 2048-MiB job definition `job`;
 * every job runs for an hour.
 */
export function instanceBackend(options: InstanceBackendOptions): BatchBackend {
  const backend = new BatchBackend({
    clock: new VirtualClock(T0),
    ids: new SeededIdGenerator(3),
    runner: new SimulatedRunner({ behaviorFor: () => JobBehavior.succeed({ duration: Duration.hours(1) }) }),
    capacityOptions: { instanceTypeAvailability: options.instanceTypeAvailability },
  });
  backend.createComputeEnvironment({
    computeEnvironmentName: 'ce',
    type: 'MANAGED',
    serviceRole: options.serviceRole,
    computeResources: {
      type: 'EC2',
      maxvCpus: options.maxvCpus,
      minvCpus: 0,
      instanceTypes: options.instanceTypes ?? ['c5'],
      subnets: ['subnet-1'],
      instanceRole: 'ecsInstanceRole',
    },
  });
  backend.createJobQueue({
    jobQueueName: 'queue',
    priority: 1,
    computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }],
    jobStateTimeLimitActions: options.jobStateTimeLimitActions,
  });
  backend.registerJobDefinition({
    jobDefinitionName: 'job',
    type: 'container',
    containerProperties: { image: 'busybox', vcpus: 1, memory: 2048, command: ['run'] },
  });
  return backend;
}
