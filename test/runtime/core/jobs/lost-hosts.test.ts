import { Duration } from 'aws-cdk-lib';
import { BatchBackend } from '../../../../src/runtime/core/backend';
import { VirtualClock } from '../../../../src/runtime/core/clock';
import { SeededIdGenerator } from '../../../../src/runtime/core/id-generator';
import { livePlacements } from '../../../../src/runtime/core/jobs/lost-hosts';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { SimulatedRunner } from '../../../../src/runtime/executors/simulated/simulated-runner';
import { T0, testBackend } from '../fixtures';

/** A backend on the instance capacity model (the default), jobs of 60 s. */
function instanceBackend(): BatchBackend {
  const backend = new BatchBackend({
    clock: new VirtualClock(T0),
    ids: new SeededIdGenerator(3),
    runner: new SimulatedRunner({ behaviorFor: () => JobBehavior.succeed({ duration: Duration.seconds(60) }) }),
  });
  backend.createComputeEnvironment({
    computeEnvironmentName: 'ce',
    type: 'MANAGED',
    computeResources: { type: 'EC2', maxvCpus: 8, minvCpus: 0, instanceTypes: ['optimal'], subnets: ['subnet-1'], instanceRole: 'ecsInstanceRole' },
  });
  backend.createJobQueue({ jobQueueName: 'queue', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] });
  backend.registerJobDefinition({ jobDefinitionName: 'job', type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 1024 } });
  return backend;
}

describe('lost hosts on restart', () => {
  test('#11 §3, RETRY-3: recoverLostHosts fails every RUNNING attempt as a terminated host, retries those with attempts left, and leaves the rest alone', () => {
    // GIVEN two running jobs (one with a retry), one array with running children, one finished job
    const backend = instanceBackend();
    const done = backend.submitJob({ jobName: 'done', jobQueue: 'queue', jobDefinition: 'job' }).jobId;
    backend.loop.runUntil(T0 + 120_000);
    const retried = backend.submitJob({ jobName: 'retried', jobQueue: 'queue', jobDefinition: 'job', retryStrategy: { attempts: 2 } }).jobId;
    const failed = backend.submitJob({ jobName: 'failed', jobQueue: 'queue', jobDefinition: 'job' }).jobId;
    const array = backend.submitJob({ jobName: 'array', jobQueue: 'queue', jobDefinition: 'job', arrayProperties: { size: 2 }, retryStrategy: { attempts: 2 } }).jobId;
    backend.loop.runUntil(T0 + 150_000);
    const running = [retried, failed, `${array}:0`, `${array}:1`].map((id) => backend.job(id)!.status);

    // WHEN
    const lost = backend.recoverLostHosts();
    backend.loop.runUntilIdle();

    // THEN
    expect(running).toEqual(['RUNNING', 'RUNNING', 'RUNNING', 'RUNNING']);
    expect(lost).toBe(4);
    const [retriedJob, failedJob, child] = backend.describeJobs([retried, failed, `${array}:0`]);
    expect(retriedJob.status).toBe('SUCCEEDED');
    expect(retriedJob.attempts!.map((a) => a.statusReason)).toEqual([expect.stringMatching(/^Host EC2 \(instance i-[0-9a-f]+\) terminated\.$/), 'Essential container in task exited']);
    expect(failedJob.status).toBe('FAILED');
    expect(failedJob.attempts![0].statusReason).toMatch(/^Host EC2 \(instance i-[0-9a-f]+\) terminated\.$/);
    expect(child.attempts).toHaveLength(2);
    expect(backend.describeJobs([done])[0].attempts).toHaveLength(1);
  });

  test('#11 §3, RETRY-3: on pooled capacity (no instances) the attempts end alike; with nothing running it does nothing', () => {
    // GIVEN
    const { backend } = testBackend();
    const idle = backend.recoverLostHosts();
    const jobId = backend.submitJob({ jobName: 'j', jobQueue: 'queue', jobDefinition: 'job', retryStrategy: { attempts: 2 } }).jobId;
    backend.loop.runUntil(T0 + 100);
    const placements = livePlacements(backend.allJobs()).length;

    // WHEN
    const lost = backend.recoverLostHosts();
    backend.loop.runUntilIdle();

    // THEN
    expect(idle).toBe(0);
    expect(placements).toBe(1);
    expect(lost).toBe(1);
    const job = backend.describeJobs([jobId])[0];
    expect(job.attempts![0].statusReason).toMatch(/^Host EC2 \(instance .+\) terminated\.$/);
    expect(job.status).toBe('SUCCEEDED');
  });
});
