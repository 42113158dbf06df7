import { Duration } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { computeEnvironment, containerJobDefinition, jobQueue, newTestStack, pathsFlaggedBy } from '../nag-fixtures';

/** An L1 rule that submits `jobDefinition` to `queue`, the pairing the stack can show. */
function submitOnSchedule(scope: batch.CfnJobQueue, jobDefinition: batch.CfnJobDefinition, id: string) {
  new events.CfnRule(scope.stack, id, {
    scheduleExpression: 'rate(1 hour)',
    targets: [
      {
        id: 'Target0',
        arn: scope.attrJobQueueArn,
        roleArn: 'arn:aws:iam::123456789012:role/events',
        batchParameters: { jobDefinition: jobDefinition.ref, jobName: 'scheduled' },
      },
    ],
  });
}

describe('Batch-SCHED9 GPU job definition reaches a GPU queue', () => {
  test('SCHED-9: a GPU job definition with a g4dn queue in the stack is compliant', () => {
    // GIVEN a queue whose CE launches g4dn instances
    const { app, stack } = newTestStack();
    jobQueue(stack, 'GpuQueue', [computeEnvironment(stack, 'GpuCe', { instanceTypes: ['g4dn.xlarge'] })]);
    containerJobDefinition(stack, 'Training', 1);

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'SCHED9')).toEqual([]);
  });

  test('SCHED-9: a GPU job definition whose only queue runs optimal is flagged', () => {
    // GIVEN only a CPU queue
    const { app, stack } = newTestStack();
    jobQueue(stack, 'CpuQueue', [computeEnvironment(stack, 'CpuCe', { instanceTypes: ['optimal'] })]);
    containerJobDefinition(stack, 'Training', 1);

    // WHEN / THEN the job definition is flagged
    expect(pathsFlaggedBy(app, 'SCHED9')).toEqual(['Test/Training']);
  });

  test('SCHED-9: a GPU job definition on a Fargate-only queue is flagged', () => {
    // GIVEN Fargate, which has no GPUs
    const { app, stack } = newTestStack();
    jobQueue(stack, 'FargateQueue', [computeEnvironment(stack, 'FargateCe', { type: 'FARGATE' })]);
    containerJobDefinition(stack, 'Training', 1);

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'SCHED9')).toEqual(['Test/Training']);
  });

  test('SCHED-9: a rule submitting the GPU job to a CPU queue is flagged even if a GPU queue exists', () => {
    // GIVEN a GPU queue and a CPU queue, and a schedule that pairs the job with the CPU queue
    const { app, stack } = newTestStack();
    jobQueue(stack, 'GpuQueue', [computeEnvironment(stack, 'GpuCe', { instanceTypes: ['p3'] })]);
    const cpuQueue = jobQueue(stack, 'CpuQueue', [computeEnvironment(stack, 'CpuCe', { instanceTypes: ['c5'] })]);
    const training = containerJobDefinition(stack, 'Training', 1);
    submitOnSchedule(cpuQueue, training, 'Nightly');

    // WHEN / THEN the explicit pairing wins over "some queue of the stack"
    expect(pathsFlaggedBy(app, 'SCHED9')).toEqual(['Test/Training']);
  });

  test('SCHED-9: a rule submitting the GPU job to a GPU queue is compliant', () => {
    // GIVEN the schedule pairs the GPU job with the GPU queue
    const { app, stack } = newTestStack();
    const gpuQueue = jobQueue(stack, 'GpuQueue', [computeEnvironment(stack, 'GpuCe', { instanceTypes: ['g5.2xlarge'] })]);
    const training = containerJobDefinition(stack, 'Training', 1);
    submitOnSchedule(gpuQueue, training, 'Nightly');

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'SCHED9')).toEqual([]);
  });

  test('SCHED-9: an L2 rule with a targets.BatchJob pairing is followed too', () => {
    // GIVEN an aws-events Rule whose BatchJob target submits the GPU job to the CPU queue
    const { app, stack } = newTestStack();
    jobQueue(stack, 'GpuQueue', [computeEnvironment(stack, 'GpuCe', { instanceTypes: ['p3'] })]);
    const cpuQueue = jobQueue(stack, 'CpuQueue', [computeEnvironment(stack, 'CpuCe', { instanceTypes: ['c5'] })]);
    const training = containerJobDefinition(stack, 'Training', 1);
    new events.Rule(stack, 'Hourly', {
      schedule: events.Schedule.rate(Duration.hours(1)),
      targets: [new targets.BatchJob(cpuQueue.attrJobQueueArn, cpuQueue, training.ref, training)],
    });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'SCHED9')).toEqual(['Test/Training']);
  });

  test('SCHED-9: a job definition without GPUs is not judged', () => {
    // GIVEN a CPU job on a CPU queue
    const { app, stack } = newTestStack();
    jobQueue(stack, 'CpuQueue', [computeEnvironment(stack, 'CpuCe')]);
    containerJobDefinition(stack, 'Report');

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'SCHED9')).toEqual([]);
  });
});
