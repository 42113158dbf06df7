import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import { batchFixture } from './events-fixtures';
import { ScheduledJob } from '../../../src/constructs/events';

describe('ScheduledJob', () => {
  test('EVT-4: an hourly rate submits the job to the queue with name, array size and attempts', () => {
    // GIVEN
    const { stack, jobQueue, jobDefinition } = batchFixture();

    // WHEN
    new ScheduledJob(stack, 'Hourly', {
      schedule: events.Schedule.rate(Duration.hours(1)),
      jobQueue,
      jobDefinition,
      jobName: 'hourly-report',
      arraySize: 10,
      attempts: 3,
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Targets: [
        {
          Id: Match.anyValue(),
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Queue'), 'JobQueueArn'] },
          RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EchoParametersEventsRole'), 'Arn'] },
          BatchParameters: {
            JobDefinition: { Ref: Match.stringLikeRegexp('^EchoParameters') },
            JobName: 'hourly-report',
            ArrayProperties: { Size: 10 },
            RetryStrategy: { Attempts: 3 },
          },
        },
      ],
    });
  });

  test('EVT-4: a six-field cron expression is rendered as given', () => {
    // GIVEN
    const { stack, jobQueue, jobDefinition } = batchFixture();

    // WHEN the seed's "low-usage hours" case: 03:00 UTC every day
    new ScheduledJob(stack, 'Nightly', {
      schedule: events.Schedule.cron({ minute: '0', hour: '3' }),
      jobQueue,
      jobDefinition,
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 3 * * ? *)',
      Targets: [Match.objectLike({ BatchParameters: Match.objectLike({ JobName: Match.anyValue() }) })],
    });
  });

  test('EVT-5: the target role trusts events.amazonaws.com and may submit to this queue and definition', () => {
    // GIVEN
    const { stack, jobQueue, jobDefinition } = batchFixture();

    // WHEN
    new ScheduledJob(stack, 'Hourly', { schedule: events.Schedule.rate(Duration.hours(1)), jobQueue, jobDefinition });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Action: 'sts:AssumeRole', Principal: { Service: 'events.amazonaws.com' } })],
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: 'batch:SubmitJob',
            Resource: [{ Ref: Match.stringLikeRegexp('^EchoParameters') }, { 'Fn::GetAtt': [Match.stringLikeRegexp('^Queue'), 'JobQueueArn'] }],
          }),
        ],
      },
    });
  });

  test('PARAM-1: static parameters become the target input', () => {
    // GIVEN
    const { stack, jobQueue, jobDefinition } = batchFixture();

    // WHEN
    new ScheduledJob(stack, 'Hourly', {
      schedule: events.Schedule.rate(Duration.hours(1)),
      jobQueue,
      jobDefinition,
      parameters: { S3bucket: 'reports', S3key: 'daily.csv' },
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ Input: '{"Parameters":{"S3bucket":"reports","S3key":"daily.csv"}}' })],
    });
  });

  test('LIM-6: array size 1 is rejected with the path, the value and the limit', () => {
    // GIVEN
    const { stack, jobQueue, jobDefinition } = batchFixture();

    // WHEN / THEN
    expect(
      () =>
        new ScheduledJob(stack, 'Hourly', { schedule: events.Schedule.rate(Duration.hours(1)), jobQueue, jobDefinition, arraySize: 1 }),
    ).toThrow('Test/Hourly: arraySize: 1 is invalid: an integer 2..10000 (LIM-6)');
  });

  test('LIM-10: 11 attempts are rejected', () => {
    // GIVEN
    const { stack, jobQueue, jobDefinition } = batchFixture();

    // WHEN / THEN
    expect(
      () =>
        new ScheduledJob(stack, 'Hourly', { schedule: events.Schedule.rate(Duration.hours(1)), jobQueue, jobDefinition, attempts: 11 }),
    ).toThrow(/Test\/Hourly: retryStrategy.attempts: 11 is invalid: an integer 1..10 \(LIM-10\)/);
  });

  test('LIM-8: a job name starting with a dash is rejected', () => {
    // GIVEN
    const { stack, jobQueue, jobDefinition } = batchFixture();

    // WHEN / THEN
    expect(
      () =>
        new ScheduledJob(stack, 'Hourly', { schedule: events.Schedule.rate(Duration.hours(1)), jobQueue, jobDefinition, jobName: '-report' }),
    ).toThrow(/Test\/Hourly: jobName: "-report" is invalid.*\(LIM-8\)/);
  });
});
