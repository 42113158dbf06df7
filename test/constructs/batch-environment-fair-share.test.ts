import * as cdk from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { newStack, synthError, unacknowledgedFindings } from './test-stack';
import { BatchEnvironment } from '../../src/constructs';

/**
 * BatchEnvironment's fair-share shortcuts (addQueue with `fairShare`, grantSubmitJob with
 * `shareIdentifiers`), apart from batch-environment.test.ts to keep both files short.
 */
function teamsEnvironment(stack: cdk.Stack): BatchEnvironment {
  const env = new BatchEnvironment(stack, 'Batch');
  env.addJobDefinition('Work', { command: ['echo', 'work'] });
  env.addQueue('Shared', {
    fairShare: {
      shareDecay: cdk.Duration.hours(1),
      computeReservation: 20,
      shares: [{ shareIdentifier: 'teamA', weightFactor: 1 }, { shareIdentifier: 'teamB*', weightFactor: 3 }],
    },
  });
  return env;
}

describe('BatchEnvironment fair share', () => {
  test('FS-2: addQueue with fairShare makes a fair-share queue on the environment\'s compute environments', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    const env = teamsEnvironment(stack);

    // THEN the second queue has the policy, the default queue stays FIFO
    const [fifo, shared] = env.jobQueues;
    expect(fifo.schedulingPolicy).toBeUndefined();
    expect(shared.schedulingPolicy).toBeDefined();
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Batch::SchedulingPolicy', 1);
    template.resourceCountIs('AWS::Batch::JobQueue', 2);
    template.hasResourceProperties('AWS::Batch::JobQueue', {
      SchedulingPolicyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('BatchSharedSchedulingPolicy'), 'Arn'] },
      ComputeEnvironmentOrder: [Match.objectLike({ Order: 1 })],
    });
    expect(synthError(stack)).toBe('');
  });

  test('FS-1: an overlapping share in addQueue fails synthesis, naming the queue', () => {
    const stack = newStack();
    const env = new BatchEnvironment(stack, 'Batch');
    env.addQueue('Shared', { fairShare: { shares: [{ shareIdentifier: 'team*', weightFactor: 1 }, { shareIdentifier: 'teamA', weightFactor: 1 }] } });
    expect(synthError(stack)).toMatch(/\[TestStack\/Batch\/Shared\] fairShare\.shares\[1\]\.shareIdentifier: "teamA" is invalid/);
  });

  test('FS-3, IAM-4: grantSubmitJob with shareIdentifiers covers only the fair-share queues, with the condition', () => {
    // GIVEN
    const stack = newStack();
    const env = teamsEnvironment(stack);

    // WHEN
    env.grantSubmitJob(new iam.User(stack, 'TeamA'), { shareIdentifiers: ['teamA'] });

    // THEN one queue (the fair-share one) and the share identifier condition
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({
          Action: 'batch:SubmitJob',
          Resource: [
            { 'Fn::Join': [':', Match.arrayWith(['*'])] },
            { 'Fn::GetAtt': [Match.stringLikeRegexp('BatchShared'), 'JobQueueArn'] },
          ],
          Condition: { StringEquals: { 'batch:ShareIdentifier': ['teamA'] } },
        })],
      }),
    });
  });

  test('FS-3: grantSubmitJob without shareIdentifiers keeps covering every queue, with no condition', () => {
    const stack = newStack();
    const env = teamsEnvironment(stack);
    env.grantSubmitJob(new iam.User(stack, 'Anyone'));
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Users: [{ Ref: Match.stringLikeRegexp('Anyone') }],
      PolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({
          Action: 'batch:SubmitJob',
          Resource: [
            Match.anyValue(),
            { 'Fn::GetAtt': [Match.stringLikeRegexp('BatchJobQueue'), 'JobQueueArn'] },
            { 'Fn::GetAtt': [Match.stringLikeRegexp('BatchShared'), 'JobQueueArn'] },
          ],
          Condition: Match.absent(),
        })],
      }),
    });
  });

  test('FS-3: shareIdentifiers on an environment without a fair-share queue is rejected', () => {
    const stack = newStack();
    const env = new BatchEnvironment(stack, 'Batch');
    expect(() => env.grantSubmitJob(new iam.User(stack, 'TeamA'), { shareIdentifiers: ['teamA'] }))
      .toThrow(/TestStack\/Batch: shareIdentifiers is invalid: \["teamA"\] needs a fair-share queue.*FS-3/);
  });

  test('FS-6: a fair-share queue with a moderate computeReservation is clean under AwsSolutions and BatchChecks', () => {
    const stack = newStack();
    teamsEnvironment(stack);
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});
