import { App, Duration, NestedStack, Stack } from 'aws-cdk-lib';
import { BatchEnvironment, JobBehavior, JobExecutor, LocalBatchRuntime } from '../../../src';
import { constructPathsOf } from '../../../src/runtime/template/construct-paths';

describe('constructPathsOf', () => {
  test('issue #15: maps the logical id of each CloudFormation resource of the stack to its construct path', () => {
    // GIVEN an App without path metadata (the default outside the CDK CLI)
    const stack = new Stack(new App(), 'Batch');
    const batch = new BatchEnvironment(stack, 'Batch');
    new NestedStack(stack, 'Nested');

    // WHEN
    const paths = constructPathsOf(stack);

    // THEN
    expect(paths.get(stack.resolve((batch.jobQueue.node.defaultChild as any).logicalId))).toBe('Batch/Batch/JobQueue/Resource');
    expect([...paths.values()]).toContain('Batch/Batch/ComputeEnvironment/Resource/Resource');
    expect([...paths.values()].some((path) => path.startsWith('Batch/Nested/'))).toBe(false);
  });

  test('issue #15: a runtime from a stack takes construct ids and paths wherever it takes a queue, job definition or compute environment', () => {
    // GIVEN a default BatchEnvironment
    const stack = new Stack(new App(), 'Batch');
    const batch = new BatchEnvironment(stack, 'Batch');
    batch.addJobDefinition('render', { command: ['render'] });
    const executor = JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.minutes(10) }) });
    const runtime = LocalBatchRuntime.fromStack(stack, { executor });

    // WHEN
    const byId = runtime.submitJob({ jobName: 'a', jobQueue: 'JobQueue', jobDefinition: 'render' });
    const byPath = runtime.submitJob({ jobName: 'b', jobQueue: 'Batch/Batch/JobQueue', jobDefinition: 'Batch/Batch/render' });
    runtime.advance(1);

    // THEN
    expect(runtime.describeJob(byId.jobId).jobQueue).toBe(runtime.describeJob(byPath.jobId).jobQueue);
    expect(runtime.describeJob(byPath.jobId).jobDefinition).toBe(runtime.describeJob(byId.jobId).jobDefinition);
    expect(runtime.instances('ComputeEnvironment')).toEqual(runtime.instances('Batch/Batch/ComputeEnvironment'));
    expect(runtime.instances('ComputeEnvironment').length).toBeGreaterThan(0);
    expect(runtime.listJobs({ jobQueue: 'JobQueue', jobStatus: 'RUNNING' }).jobSummaryList).toHaveLength(2);
  });

  test('issue #15: an unknown reference lists the names, logical ids and construct paths it could have been', () => {
    // GIVEN the README's old names
    const stack = new Stack(new App(), 'Batch');
    new BatchEnvironment(stack, 'Batch');
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.simulated() });

    // WHEN / THEN
    expect(() => runtime.submitJob({ jobName: 'a', jobQueue: 'Queue', jobDefinition: 'render' }))
      .toThrow(/jobQueue: unknown job queue "Queue"; known: Batch-BatchJobQueue\w+-\w+; or by logical id \(construct path\): BatchJobQueue\w+ \(Batch\/Batch\/JobQueue\)/);
    expect(() => runtime.instances('Batch/ComputeEnv'))
      .toThrow(/computeEnvironment: unknown compute environment "Batch\/ComputeEnv"; known: .*; or by logical id \(construct path\): BatchComputeEnvironment\w+ \(Batch\/Batch\/ComputeEnvironment\)/);
  });
});
