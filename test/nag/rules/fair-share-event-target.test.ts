import { Duration } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { BatchEnvironment } from '../../../src/constructs';
import { EventTriggeredJob, ScheduledJob } from '../../../src/constructs/events';
import { computeEnvironment, containerJobDefinition, jobQueue, newTestStack, pathsFlaggedBy } from '../nag-fixtures';

/** A FIFO queue and a fair-share queue (its policy an L1 of the same stack) over one CE. */
function queues() {
  const { app, stack } = newTestStack();
  const ce = computeEnvironment(stack, 'Ce');
  const fifo = jobQueue(stack, 'Fifo', [ce]);
  const shared = jobQueue(stack, 'Shared', [ce]);
  const policy = new batch.CfnSchedulingPolicy(stack, 'Policy', { fairsharePolicy: { shareDistribution: [{ shareIdentifier: 'teamA' }] } });
  shared.schedulingPolicyArn = policy.attrArn;
  const jobDefinition = containerJobDefinition(stack, 'Report');
  return { app, stack, fifo, shared, jobDefinition };
}

function hourlyTo(queue: batch.CfnJobQueue, jobDefinition: batch.CfnJobDefinition, id: string): void {
  new events.Rule(queue.stack, id, {
    schedule: events.Schedule.rate(Duration.hours(1)),
    targets: [new targets.BatchJob(queue.attrJobQueueArn, queue, jobDefinition.ref, jobDefinition)],
  });
}

describe('Batch-FS3 EventBridge rules do not submit to fair-share queues', () => {
  test('FS-3: a scheduled rule targeting a fair-share queue is flagged (no way to give shareIdentifier)', () => {
    const { app, shared, jobDefinition } = queues();
    hourlyTo(shared, jobDefinition, 'Hourly');
    expect(pathsFlaggedBy(app, 'FS3')).toEqual(['Test/Hourly/Resource']);
  });

  test('FS-3: a rule targeting a FIFO queue is compliant', () => {
    const { app, fifo, jobDefinition } = queues();
    hourlyTo(fifo, jobDefinition, 'Hourly');
    expect(pathsFlaggedBy(app, 'FS3')).toEqual([]);
  });

  test('FS-3: a queue whose policy lives outside the stack is fair share all the same', () => {
    const { app, fifo, jobDefinition } = queues();
    fifo.schedulingPolicyArn = 'arn:aws:batch:us-east-1:123456789012:scheduling-policy/elsewhere';
    hourlyTo(fifo, jobDefinition, 'Hourly');
    expect(pathsFlaggedBy(app, 'FS3')).toEqual(['Test/Hourly/Resource']);
  });

  test('FS-3: rules without a Batch target, or targeting a queue outside the stack, are not judged', () => {
    const { app, stack, jobDefinition } = queues();
    new events.CfnRule(stack, 'Elsewhere', {
      scheduleExpression: 'rate(1 hour)',
      targets: [{
        id: 'Target0',
        arn: 'arn:aws:batch:us-east-1:123456789012:job-queue/elsewhere',
        roleArn: 'arn:aws:iam::123456789012:role/events',
        batchParameters: { jobDefinition: jobDefinition.ref, jobName: 'elsewhere' },
      }],
    });
    new events.CfnRule(stack, 'NoTargets', { scheduleExpression: 'rate(1 hour)' });
    expect(pathsFlaggedBy(app, 'FS3')).toEqual([]);
  });
});

describe('Batch-FS3 with this library\'s constructs', () => {
  test('FS-3: a ScheduledJob and an EventTriggeredJob submitting to a BatchEnvironment fair-share queue are flagged', () => {
    // GIVEN a fair-share queue of a BatchEnvironment and our two submitting constructs
    const { app, stack } = newTestStack();
    const env = new BatchEnvironment(stack, 'Batch');
    const report = env.addJobDefinition('Report', { command: ['echo', 'report'] });
    const shared = env.addQueue('Shared', { fairShare: { shares: [{ shareIdentifier: 'teamA', weightFactor: 1 }] } });

    // WHEN
    new ScheduledJob(stack, 'Nightly', { schedule: events.Schedule.rate(Duration.days(1)), jobQueue: shared, jobDefinition: report });
    new EventTriggeredJob(stack, 'OnEvent', { eventPattern: { source: ['teams'] }, jobQueue: shared, jobDefinition: report });
    new ScheduledJob(stack, 'Fifo', { schedule: events.Schedule.rate(Duration.days(1)), jobQueue: env.jobQueue, jobDefinition: report });

    // THEN the two rules on the fair-share queue are flagged, the FIFO one is not
    expect(pathsFlaggedBy(app, 'FS3').sort()).toEqual(['Test/Nightly/Resource', 'Test/OnEvent/Resource']);
  });
});
