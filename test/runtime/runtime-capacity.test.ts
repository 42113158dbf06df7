import { Duration } from 'aws-cdk-lib';
import { JobBehavior, JobExecutor, LocalBatchRuntime } from '../../src';

function template(type: 'MANAGED' | 'UNMANAGED'): unknown {
  return {
    Resources: {
      ComputeEnvironment: {
        Type: 'AWS::Batch::ComputeEnvironment',
        Properties: type === 'MANAGED'
          ? { Type: 'MANAGED', ComputeResources: { Type: 'SPOT', AllocationStrategy: 'SPOT_CAPACITY_OPTIMIZED', MinvCpus: 0, MaxvCpus: 4, InstanceTypes: ['c5.large'], Subnets: ['subnet-1'], InstanceRole: 'ecsInstanceRole' } }
          : { Type: 'UNMANAGED', UnmanagedvCpus: 4 },
      },
      Queue: { Type: 'AWS::Batch::JobQueue', Properties: { Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'ComputeEnvironment' } }] } },
      Definition: { Type: 'AWS::Batch::JobDefinition', Properties: { JobDefinitionName: 'work', Type: 'container', ContainerProperties: { Image: 'busybox', Vcpus: 1, Memory: 1024, Command: ['work'] } } },
    },
  };
}

describe('runtime capacity facade', () => {
  test('RETRY-3: a terminated instance (Spot reclaim) fails its attempts, which retry on a new instance', () => {
    // GIVEN a one-hour job with two attempts, running on a Spot instance
    const runtime = LocalBatchRuntime.fromTemplate(template('MANAGED'), {
      executor: JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.hours(1) }) }),
    });
    const { jobId } = runtime.submitJob({ jobName: 'work', jobQueue: 'Queue', jobDefinition: 'work', retryStrategy: { attempts: 2 } });
    runtime.advance(60);
    const [instance] = runtime.instances('ComputeEnvironment');

    // WHEN
    runtime.terminateInstance('ComputeEnvironment', instance.instanceId);
    runtime.runUntilIdle();

    // THEN
    const job = runtime.describeJob(jobId);
    expect(job.status).toBe('SUCCEEDED');
    expect(job.attempts![0].statusReason).toBe(`Host EC2 (instance ${instance.instanceId}) terminated.`);
    expect(job.attempts).toHaveLength(2);
    expect(runtime.peakInstances()).toBeGreaterThanOrEqual(1);
  });

  test('SCHED-7: an unmanaged compute environment runs on the instances given to the runtime, and only those', () => {
    // GIVEN one m5.large (2 vCPUs) registered to the unmanaged CE
    const runtime = LocalBatchRuntime.fromTemplate(template('UNMANAGED'), {
      executor: JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.minutes(10) }) }),
      unmanagedInstances: [{ computeEnvironment: 'ComputeEnvironment', instanceType: 'm5.large' }],
    });

    // WHEN three 1-vCPU jobs are submitted
    const ids = [0, 1, 2].map((i) => runtime.submitJob({ jobName: `w${i}`, jobQueue: 'Queue', jobDefinition: 'work' }).jobId);
    runtime.advance(60);

    // THEN two run, the third waits for the instance
    expect(ids.map((id) => runtime.describeJob(id).status)).toEqual(['RUNNING', 'RUNNING', 'RUNNABLE']);
    expect(runtime.instances('ComputeEnvironment')).toEqual([expect.objectContaining({ instanceType: 'm5.large', registeredvCpus: 2, freevCpus: 0, runningJobs: 2 })]);
  });
});
