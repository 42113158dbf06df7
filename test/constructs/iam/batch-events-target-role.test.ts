import { Match, Template } from 'aws-cdk-lib/assertions';
import * as batch from 'aws-cdk-lib/aws-batch';
import { BatchEventsTargetRole } from '../../../src/constructs';
import { newStack } from '../test-stack';

describe('BatchEventsTargetRole', () => {
  test('EVT-5: trusted by events.amazonaws.com with AWSBatchServiceEventTargetRole', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new BatchEventsTargetRole(stack, 'Role');

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'events.amazonaws.com' } })] }),
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSBatchServiceEventTargetRole']] }],
    });
  });

  test('EVT-5: limited to given queues, it gets a SubmitJob statement instead of the managed policy', () => {
    // GIVEN
    const stack = newStack();
    const queue = batch.JobQueue.fromJobQueueArn(stack, 'Q', 'arn:aws:batch:us-east-1:123456789012:job-queue/q1');

    // WHEN
    new BatchEventsTargetRole(stack, 'Role', { jobQueues: [queue] });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.objectLike({
        Statement: [{
          Action: 'batch:SubmitJob',
          Effect: 'Allow',
          Resource: [
            { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':batch:us-east-1:123456789012:job-definition/*']] },
            'arn:aws:batch:us-east-1:123456789012:job-queue/q1',
          ],
        }],
      }),
    });
  });
});
