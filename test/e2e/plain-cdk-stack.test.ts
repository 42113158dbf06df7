import { App, Size, Stack } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { JobExecutor, LocalBatchRuntime } from '../../src';
import { TemporaryWorkRoot } from '../temporary-work-root';

let workRoot: TemporaryWorkRoot;
beforeEach(() => { workRoot = new TemporaryWorkRoot('plain-cdk-stack'); });
afterEach(() => workRoot.remove());

/** A stack written only with plain aws-cdk-lib constructs: the runtime is template-driven. */
function plainStack(): { stack: Stack; queue: batch.JobQueue; hello: batch.EcsJobDefinition; failing: batch.EcsJobDefinition } {
  const app = new App();
  const stack = new Stack(app, 'PlainBatch', { env: { account: '111122223333', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const computeEnvironment = new batch.ManagedEc2EcsComputeEnvironment(stack, 'ComputeEnv', { vpc, maxvCpus: 4 });
  const queue = new batch.JobQueue(stack, 'Queue', { computeEnvironments: [{ computeEnvironment, order: 1 }] });
  const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/amazonlinux/amazonlinux:latest');
  const hello = new batch.EcsJobDefinition(stack, 'Hello', {
    container: new batch.EcsEc2ContainerDefinition(stack, 'HelloContainer', {
      image,
      cpu: 1,
      memory: Size.mebibytes(512),
      command: ['sh', '-c', 'echo "hello $WHO from $AWS_BATCH_JQ_NAME"; echo attempt=$AWS_BATCH_JOB_ATTEMPT'],
      environment: { WHO: 'plain cdk' },
    }),
  });
  const failing = new batch.EcsJobDefinition(stack, 'Failing', {
    container: new batch.EcsEc2ContainerDefinition(stack, 'FailingContainer', {
      image, cpu: 1, memory: Size.mebibytes(512), command: ['sh', '-c', 'echo about to fail >&2; exit 3'],
    }),
  });
  return { stack, queue, hello, failing };
}

describe('a stack of plain aws-cdk-lib constructs', () => {
  test('LIFE-2, ENV-1, ENV-2, LOG-1: a job runs as a real process and SUCCEEDS with its log lines', async () => {
    // GIVEN
    const { stack, queue, hello } = plainStack();
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.process({ workRoot: workRoot.path }) });

    // WHEN
    const { jobId } = runtime.submitJob({ jobName: 'hello', jobQueue: queue.jobQueueArn, jobDefinition: hello.jobDefinitionArn });
    const job = await runtime.waitForJob(jobId);

    // THEN
    expect(job.status).toBe('SUCCEEDED');
    expect(job.jobQueue).toMatch(/^arn:aws:batch:eu-west-1:111122223333:job-queue\/PlainBatch-Queue/);
    expect(runtime.getJobLogs(jobId)).toEqual([
      `hello plain cdk from ${job.jobQueue.split('/')[1]}`,
      'attempt=1',
    ]);
    expect(job.container?.logStreamName).toMatch(/^PlainBatch-Hello.*\/default\/[0-9a-f]{32}$/);
    runtime.dispose();
  });

  test('LIFE-2: a non-zero exit FAILS the job with the exit code', async () => {
    // GIVEN
    const { stack, queue, failing } = plainStack();
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.process({ workRoot: workRoot.path }) });

    // WHEN
    const { jobId } = runtime.submitJob({ jobName: 'failing', jobQueue: queue.jobQueueArn, jobDefinition: failing.jobDefinitionArn });
    const job = await runtime.waitForJob(jobId);

    // THEN
    expect(job.status).toBe('FAILED');
    expect(job.container?.exitCode).toBe(3);
    expect(job.attempts).toHaveLength(1);
    expect(runtime.getJobLogs(jobId)).toEqual(['about to fail']);
    runtime.dispose();
  });
});
