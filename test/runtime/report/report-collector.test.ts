import { Duration } from 'aws-cdk-lib';
import { JobBehavior, JobExecutor, LocalBatchRuntime } from '../../../src';
import { getInstanceType, registeredMemoryMiB } from '../../../src/instance-catalog/instance-catalog';

/** One CE of c5.large (2 vCPUs, 0.085 USD/h), one queue, a 2-vCPU 2048 MiB definition. */
function template(props: { maxvCpus?: number; spot?: boolean; minvCpus?: number } = {}): unknown {
  return {
    Resources: {
      Ce: {
        Type: 'AWS::Batch::ComputeEnvironment',
        Properties: {
          ComputeEnvironmentName: 'ce',
          Type: 'MANAGED',
          ComputeResources: {
            Type: props.spot ? 'SPOT' : 'EC2',
            AllocationStrategy: props.spot ? 'SPOT_CAPACITY_OPTIMIZED' : 'BEST_FIT_PROGRESSIVE',
            MinvCpus: props.minvCpus ?? 0,
            MaxvCpus: props.maxvCpus ?? 4,
            InstanceTypes: ['c5.large'],
            Subnets: ['subnet-1'],
            InstanceRole: 'ecsInstanceRole',
          },
        },
      },
      Queue: { Type: 'AWS::Batch::JobQueue', Properties: { JobQueueName: 'q', Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'Ce' } }] } },
      Definition: { Type: 'AWS::Batch::JobDefinition', Properties: { JobDefinitionName: 'work', Type: 'container', ContainerProperties: { Image: 'busybox', Vcpus: 2, Memory: 2048, Command: ['work'] } } },
      Huge: { Type: 'AWS::Batch::JobDefinition', Properties: { JobDefinitionName: 'huge', Type: 'container', ContainerProperties: { Image: 'busybox', Vcpus: 64, Memory: 2048, Command: ['work'] } } },
    },
  };
}

function runtimeWith(behavior: JobBehavior, props: Parameters<typeof template>[0] = {}): LocalBatchRuntime {
  return LocalBatchRuntime.fromTemplate(template(props), { executor: JobExecutor.simulated({ defaultBehavior: behavior }), collectReport: true });
}

const C5_LARGE_MIB = registeredMemoryMiB(getInstanceType('c5.large'));
const IDLE_SECONDS = 300; // scale-down after 5 idle minutes (the runtime's default)

describe('ReportCollector via LocalBatchRuntime.report()', () => {
  test('PLAN-1..PLAN-6: 2 jobs on 2 instances: makespan, waits, utilization, idle hours and cost are exact', () => {
    // GIVEN two 60 s jobs of 2 vCPUs that each need a whole c5.large
    const runtime = runtimeWith(JobBehavior.succeed({ duration: Duration.seconds(60) }));

    // WHEN both are submitted at once and the simulation runs to the end (instances scale down)
    runtime.submitJob({ jobName: 'a', jobQueue: 'q', jobDefinition: 'work' });
    runtime.submitJob({ jobName: 'b', jobQueue: 'q', jobDefinition: 'work' });
    runtime.runUntilIdle();
    const report = runtime.report();

    // THEN each instance lives 60 s busy + 300 s idle
    const lifeSeconds = 60 + IDLE_SECONDS;
    expect(report.makespanSeconds).toBe(60);
    expect(report.jobs).toEqual({ total: 2, succeeded: 2, failed: 0, unfinished: 0 });
    expect(report.peakInstances).toBe(2);
    const [ce] = report.computeEnvironments;
    expect(ce.name).toBe('ce');
    expect(ce.provisioningModel).toBe('EC2');
    expect(ce.launchedInstances).toBe(2);
    expect(ce.instanceHours).toBeCloseTo((2 * lifeSeconds) / 3600, 12);
    expect(ce.idleInstanceHours).toBeCloseTo((2 * IDLE_SECONDS) / 3600, 12);
    expect(ce.vcpuUtilization).toBeCloseTo(60 / lifeSeconds, 12);
    expect(ce.memoryUtilization).toBeCloseTo((2048 * 60) / (C5_LARGE_MIB * lifeSeconds), 12);
    expect(ce.costUsd).toBeCloseTo(((2 * lifeSeconds) / 3600) * 0.085, 12);
    expect(report.costUsd).toBeCloseTo(ce.costUsd, 12);
    expect(report.wait).toEqual(expect.objectContaining({ count: 2, p50Seconds: 0, maxSeconds: 0, exact: true }));
    expect(report.attempts.map((a) => [a.jobName, a.startSeconds, a.endSeconds, a.outcome])).toEqual([['a', 0, 60, 'SUCCEEDED'], ['b', 0, 60, 'SUCCEEDED']]);
    expect(new Set(report.attempts.map((a) => a.instance)).size).toBe(2);
  });

  test('PLAN-3: with room for one job at a time, the second waits for the first (exact waits and percentiles)', () => {
    // GIVEN a CE that can run one 2-vCPU job at a time
    const runtime = runtimeWith(JobBehavior.succeed({ duration: Duration.seconds(100) }), { maxvCpus: 2 });

    // WHEN three jobs are submitted together
    for (const name of ['a', 'b', 'c']) runtime.submitJob({ jobName: name, jobQueue: 'q', jobDefinition: 'work' });
    runtime.runUntilIdle();
    const report = runtime.report();

    // THEN they wait 0, 100 and 200 s; one instance is busy for 300 s, then idle for 300 s
    expect(report.makespanSeconds).toBe(300);
    expect(report.queues).toHaveLength(1);
    expect(report.queues[0].wait).toEqual({
      count: 3, p50Seconds: 100, p90Seconds: 200, p99Seconds: 200, maxSeconds: 200, meanSeconds: 100, exact: true,
    });
    expect(report.queues[0].waitHistogram.reduce((n, bin) => n + bin.count, 0)).toBe(3);
    const [ce] = report.computeEnvironments;
    expect(ce.peakInstances).toBe(1);
    expect(ce.vcpuUtilization).toBeCloseTo(300 / 600, 12);
    expect(ce.idleInstanceHours).toBeCloseTo(300 / 3600, 12);
  });

  test('PLAN-5: Spot instances are priced at the stated fraction of on-demand, or by the overrides', () => {
    // GIVEN one 1-hour job on a Spot CE
    const runtime = runtimeWith(JobBehavior.succeed({ duration: Duration.hours(1) }), { spot: true });
    runtime.submitJob({ jobName: 'a', jobQueue: 'q', jobDefinition: 'work' });
    runtime.runUntilIdle();

    // WHEN reported with the bundled table and with overrides
    const bundled = runtime.report();
    const overridden = runtime.report({ prices: { spot: { 'c5.large': 0.05 } } });

    // THEN (1 h busy + 5 min idle) × price
    const hours = 1 + IDLE_SECONDS / 3600;
    expect(bundled.computeEnvironments[0].provisioningModel).toBe('SPOT');
    expect(bundled.costUsd).toBeCloseTo(hours * 0.085 * 0.35, 12);
    expect(bundled.priceSource).toContain('0.35');
    expect(overridden.costUsd).toBeCloseTo(hours * 0.05, 12);
  });

  test('PLAN-5, issue #25: Fargate and Fargate Spot are priced per vCPU-hour and GB-hour of each attempt, one minute at least, never a silent zero', () => {
    // GIVEN a Fargate and a Fargate Spot CE, and 0.5 vCPU / 1024 MiB jobs: one of 30 min on each, one of 10 s on Fargate
    const fargateTemplate = {
      Resources: {
        ...Object.fromEntries((['FARGATE', 'FARGATE_SPOT'] as const).flatMap((type) => [
          [`${type}Ce`, {
            Type: 'AWS::Batch::ComputeEnvironment',
            Properties: { ComputeEnvironmentName: type.toLowerCase(), Type: 'MANAGED', ComputeResources: { Type: type, MaxvCpus: 4, Subnets: ['subnet-1'], SecurityGroupIds: ['sg-1'] } },
          }],
          [`${type}Queue`, { Type: 'AWS::Batch::JobQueue', Properties: { JobQueueName: `${type.toLowerCase()}-q`, Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: `${type}Ce` } }] } }],
        ])),
        Definition: {
          Type: 'AWS::Batch::JobDefinition',
          Properties: {
            JobDefinitionName: 'task',
            Type: 'container',
            PlatformCapabilities: ['FARGATE'],
            ContainerProperties: {
              Image: 'busybox',
              Command: ['work'],
              ExecutionRoleArn: 'arn:aws:iam::123456789012:role/exec',
              ResourceRequirements: [{ Type: 'VCPU', Value: '0.5' }, { Type: 'MEMORY', Value: '1024' }],
            },
          },
        },
      },
    };
    const runtime = LocalBatchRuntime.fromTemplate(fargateTemplate, {
      executor: JobExecutor.simulated({
        defaultBehavior: JobBehavior.succeed({ duration: Duration.minutes(30) }),
        byJobName: { short: JobBehavior.succeed({ duration: Duration.seconds(10) }) },
      }),
      collectReport: true,
    });
    runtime.submitJob({ jobName: 'long', jobQueue: 'fargate-q', jobDefinition: 'task' });
    runtime.submitJob({ jobName: 'short', jobQueue: 'fargate-q', jobDefinition: 'task' });
    runtime.submitJob({ jobName: 'long', jobQueue: 'fargate_spot-q', jobDefinition: 'task' });
    runtime.runUntilIdle();

    // WHEN
    const report = runtime.report();
    const overridden = runtime.report({
      prices: { fargate: { usdPerVcpuHour: 1, usdPerGbHour: 0.1 }, fargateSpot: { usdPerVcpuHour: 0.5, usdPerGbHour: 0 } },
    });

    // THEN billed seconds: 1,800 and 60 (the minimum) on Fargate, 1,800 on Fargate Spot; 0.5 vCPU and 1 GB each
    const [fargate, fargateSpot] = report.computeEnvironments;
    expect([fargate.provisioningModel, fargateSpot.provisioningModel]).toEqual(['FARGATE', 'FARGATE_SPOT']);
    expect(fargate.taskVcpuHours).toBeCloseTo((0.5 * (1800 + 60)) / 3600, 12);
    expect(fargate.taskMemoryGbHours).toBeCloseTo((1800 + 60) / 3600, 12);
    expect(fargateSpot.taskVcpuHours).toBeCloseTo((0.5 * 1800) / 3600, 12);
    expect(fargate.costUsd).toBeCloseTo(((0.5 * 1860) / 3600) * 0.04048 + (1860 / 3600) * 0.004445, 12);
    expect(fargateSpot.costUsd).toBeCloseTo((((0.5 * 1800) / 3600) * 0.04048 + (1800 / 3600) * 0.004445) * 0.35, 12);
    expect(report.costUsd).toBeGreaterThan(0);
    expect(report.priceSource).toContain('Fargate Linux/x86 us-east-1 $0.04048/vCPU-hour + $0.004445/GB-hour, Fargate Spot at 0.35 × Fargate');
    expect(overridden.computeEnvironments[0].costUsd).toBeCloseTo(((0.5 * 1860) / 3600) * 1 + (1860 / 3600) * 0.1, 12);
    expect(overridden.computeEnvironments[1].costUsd).toBeCloseTo(((0.5 * 1800) / 3600) * 0.5, 12);
    expect(() => runtime.report({ prices: { fargate: { usdPerVcpuHour: -1, usdPerGbHour: 0 } } })).toThrow('prices.fargate.usdPerVcpuHour: -1 is invalid');
  });

  test('PLAN-4: the timeline averages instances and allocated vCPUs per bucket', () => {
    // GIVEN one instance kept by minvCpus and one 60 s job
    const runtime = runtimeWith(JobBehavior.succeed({ duration: Duration.seconds(60) }), { minvCpus: 2 });
    runtime.submitJob({ jobName: 'a', jobQueue: 'q', jobDefinition: 'work' });

    // WHEN the simulation runs 120 s
    runtime.advance(120);
    const [ce] = runtime.report().computeEnvironments;

    // THEN buckets cover 0..120 s; the first 60 s have 2 vCPUs allocated, the rest none, one instance throughout
    expect(ce.timeline[0].startSeconds).toBe(0);
    expect(ce.timeline[ce.timeline.length - 1].endSeconds).toBe(120);
    for (const point of ce.timeline) {
      expect(point.instances).toBeCloseTo(1, 12);
      expect(point.allocatedVcpus).toBeCloseTo(point.endSeconds <= 60 ? 2 : 0, 12);
    }
    expect(ce.idleInstanceHours).toBeCloseTo(60 / 3600, 12);
  });

  test('PLAN-6: failed attempts that retry count as one job, and each attempt is a Gantt bar', () => {
    // GIVEN a job that fails once then succeeds
    const runtime = runtimeWith(JobBehavior.perAttempt([
      JobBehavior.fail({ duration: Duration.seconds(10) }),
      JobBehavior.succeed({ duration: Duration.seconds(20) }),
    ]));
    runtime.submitJob({ jobName: 'a', jobQueue: 'q', jobDefinition: 'work', retryStrategy: { attempts: 2 } });

    // WHEN
    runtime.runUntilIdle();
    const report = runtime.report();

    // THEN
    expect(report.jobs).toEqual({ total: 1, succeeded: 1, failed: 0, unfinished: 0 });
    expect(report.attempts.map((a) => [a.startSeconds, a.endSeconds, a.outcome])).toEqual([[0, 10, 'RUNNABLE'], [10, 30, 'SUCCEEDED']]);
    expect(report.makespanSeconds).toBe(30);
  });

  test('PLAN-1, PLAN-2: array children count as jobs (not the parent); a job that can never be placed is unfinished', () => {
    // GIVEN a 3-child array of 60 s jobs and a job larger than the CE's maxvCpus
    const runtime = runtimeWith(JobBehavior.succeed({ duration: Duration.seconds(60) }), { maxvCpus: 2 });
    runtime.submitJob({ jobName: 'array', jobQueue: 'q', jobDefinition: 'work', arrayProperties: { size: 3 } });
    runtime.submitJob({ jobName: 'too-big', jobQueue: 'q', jobDefinition: 'huge' });

    // WHEN
    runtime.runUntilIdle();
    const report = runtime.report();

    // THEN the children run one after another on the one instance
    expect(report.jobs).toEqual({ total: 4, succeeded: 3, failed: 0, unfinished: 1 });
    expect(report.makespanSeconds).toBe(180);
    expect(report.wait.count).toBe(3);
    expect(report.attempts.map((a) => a.jobId)).toEqual([0, 1, 2].map((i) => expect.stringMatching(new RegExp(`:${i}$`))));
  });
});

describe('LocalBatchRuntime.report() without collection', () => {
  test('PLAN-1: a runtime created without collectReport says how to get a report, instead of empty figures', () => {
    // GIVEN a runtime that does not collect (the default: collection costs time on large simulations)
    const runtime = LocalBatchRuntime.fromTemplate(template({}), { executor: JobExecutor.simulated() });
    // WHEN / THEN
    expect(() => runtime.report()).toThrow(/collectReport: true/);
  });
});
