import { Duration } from 'aws-cdk-lib';
import { BatchBackend } from '../../../../src/runtime/core/backend';
import { VirtualClock } from '../../../../src/runtime/core/clock';
import { SeededIdGenerator } from '../../../../src/runtime/core/id-generator';
import { FairsharePolicyInput } from '../../../../src/runtime/core/model/requests';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { SimulatedRunner } from '../../../../src/runtime/executors/simulated/simulated-runner';
import { T0 } from '../fixtures';

export interface FairShareSetup {
  readonly backend: BatchBackend;
  /** `jobName@seconds since T0` of each job, in the order they started RUNNING. */
  readonly started: string[];
  readonly policyArn: string;
}

/**
 * A fair-share queue `fair` (policy `policy`) and a FIFO queue `fifo` on one CE of `maxvCpus`, a
 * 1-vCPU definition `one`; jobs run `durationOf(jobName)` seconds (default 60).
 */
export function fairShareBackend(options: {
  maxvCpus: number;
  fairsharePolicy: FairsharePolicyInput;
  durationOf?: (jobName: string) => number;
  /** vCPUs of each job. @default 1 */
  jobVcpus?: number;
}): FairShareSetup {
  const started: string[] = [];
  const clock = new VirtualClock(T0);
  const durationOf = options.durationOf ?? ((): number => 60);
  const backend = new BatchBackend({
    clock,
    ids: new SeededIdGenerator(7),
    runner: new SimulatedRunner({ behaviorFor: (spec) => JobBehavior.succeed({ duration: Duration.seconds(durationOf(spec.jobName)) }) }),
  });
  backend.createComputeEnvironment({
    computeEnvironmentName: 'ce',
    type: 'MANAGED',
    computeResources: { type: 'EC2', minvCpus: 0, maxvCpus: options.maxvCpus, instanceTypes: ['optimal'], subnets: ['subnet-1'], instanceRole: 'ecsInstanceRole' },
  });
  const policy = backend.createSchedulingPolicy({ name: 'policy', fairsharePolicy: options.fairsharePolicy });
  backend.createJobQueue({ jobQueueName: 'fair', priority: 1, schedulingPolicyArn: policy.arn, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] });
  backend.createJobQueue({ jobQueueName: 'fifo', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] });
  backend.registerJobDefinition({ jobDefinitionName: 'one', type: 'container', containerProperties: { image: 'busybox', vcpus: options.jobVcpus ?? 1, memory: 512, command: ['true'] } });
  backend.addJobStateListener({
    onJobStateChange: (job) => {
      if (job.status === 'RUNNING' && !job.children) started.push(`${job.spec.jobName}@${(backend.loop.now() - T0) / 1000}`);
    },
  });
  return { backend, started, policyArn: policy.arn };
}
