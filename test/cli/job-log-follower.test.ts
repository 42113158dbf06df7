import { JobLogFollower } from '../../src/cli/job-log-follower';
import { BatchBackend } from '../../src/runtime/core/backend';
import { DEFAULT_VIRTUAL_EPOCH_MS, VirtualClock } from '../../src/runtime/core/clock';
import { SeededIdGenerator } from '../../src/runtime/core/id-generator';
import { JobExecutor } from '../../src/runtime/executors/job-executor';
import { JobBehavior } from '../../src/runtime/executors/simulated/job-behavior';
import { loadTemplate } from '../../src/runtime/template/template-loader';

/** A virtual-time backend whose one definition (Def, 2 attempts) fails once with line a1, then succeeds with b1, b2. */
function backendWithRetryingJob(): BatchBackend {
  const behavior = JobBehavior.perAttempt([JobBehavior.fail({ logLines: ['a1'] }), JobBehavior.succeed({ logLines: ['b1', 'b2'] })]);
  const backend = new BatchBackend({
    clock: new VirtualClock(DEFAULT_VIRTUAL_EPOCH_MS),
    ids: new SeededIdGenerator(1),
    runner: JobExecutor.simulated({ defaultBehavior: behavior })._createRunner(),
  });
  loadTemplate(backend, {
    Resources: {
      Ce: { Type: 'AWS::Batch::ComputeEnvironment', Properties: { Type: 'MANAGED', ComputeResources: { Type: 'EC2', MaxvCpus: 4, InstanceTypes: ['optimal'], Subnets: ['s'] } } },
      Q: { Type: 'AWS::Batch::JobQueue', Properties: { JobQueueName: 'q', Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'Ce' } }] } },
      Def: {
        Type: 'AWS::Batch::JobDefinition',
        Properties: { JobDefinitionName: 'def', Type: 'container', RetryStrategy: { Attempts: 2 }, ContainerProperties: { Image: 'i', Vcpus: 1, Memory: 64, Command: ['true'] } },
      },
    },
  }, 'S');
  return backend;
}

describe('JobLogFollower', () => {
  test('LOG-1, RETRY-3: each line is printed once, in order, and a retry\'s new log stream is followed from its first line', () => {
    // GIVEN: the follower looks at every state change, as batch-local run does
    const backend = backendWithRetryingJob();
    const { jobId } = backend.submitJob({ jobName: 'j', jobQueue: 'q', jobDefinition: 'def' });
    const printed: string[] = [];
    const follower = new JobLogFollower(backend, { line: (id, line) => printed.push(`${id === jobId ? 'job' : id}: ${line}`) });
    backend.addJobStateListener({ onJobStateChange: (job) => follower.jobChanged(job.jobId) });

    // WHEN
    backend.loop.runUntilIdle(10_000);
    follower.poll();
    follower.stop();

    // THEN
    expect(backend.job(jobId)!.status).toBe('SUCCEEDED');
    expect(printed).toEqual(['job: a1', 'job: b1', 'job: b2']);
  });

  test('a job without an attempt yet prints nothing; only running jobs are polled', () => {
    // GIVEN
    const backend = backendWithRetryingJob();
    const { jobId } = backend.submitJob({ jobName: 'j', jobQueue: 'q', jobDefinition: 'def' });
    const printed: string[] = [];
    const follower = new JobLogFollower(backend, { line: (_, line) => printed.push(line) });

    // WHEN: told of the job before it has an attempt, then polled after it ran without being told
    follower.jobChanged(jobId);
    backend.loop.runUntilIdle(10_000);
    follower.poll();

    // THEN: nothing, as it was not seen running; told of its end, it prints the last attempt's lines
    expect(printed).toEqual([]);
    follower.jobChanged(jobId);
    expect(printed).toEqual(['b1', 'b2']);
  });
});
