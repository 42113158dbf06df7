import { Template, Match } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { batchFixture } from './events-fixtures';
import { BatchJobStatus, JobStateChangeRule } from '../../../src/constructs/events';
import { unacknowledgedFindings } from '../test-stack';

describe('JobStateChangeRule', () => {
  test('EVT-1: without filters it matches every Batch job state change', () => {
    // GIVEN
    const { stack } = batchFixture();

    // WHEN
    new JobStateChangeRule(stack, 'AllJobs');

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { 'source': ['aws.batch'], 'detail-type': ['Batch Job State Change'], 'detail': Match.absent() },
      State: 'ENABLED',
    });
  });

  test('EVT-3: the seed failed-job pattern filters detail.status FAILED', () => {
    // GIVEN
    const { stack } = batchFixture();

    // WHEN
    new JobStateChangeRule(stack, 'Failed', { statuses: [BatchJobStatus.FAILED, BatchJobStatus.FAILED] });

    // THEN the pattern is the tutorial's, duplicates removed
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { 'source': ['aws.batch'], 'detail-type': ['Batch Job State Change'], 'detail': { status: ['FAILED'] } },
    });
  });

  test('EVT-3: queue and job definition filters match the queue ARN and every revision of the definition', () => {
    // GIVEN
    const { stack, jobQueue, jobDefinition } = batchFixture();

    // WHEN
    new JobStateChangeRule(stack, 'Filtered', { jobQueues: [jobQueue], jobDefinitions: [jobDefinition] });

    // THEN jobQueue is the queue ARN and jobDefinition a prefix "arn:...:job-definition/<name>:"
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        detail: {
          jobQueue: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Queue'), 'JobQueueArn'] }],
          jobDefinition: [
            {
              prefix: {
                'Fn::Join': [
                  '',
                  [
                    'arn:',
                    { Ref: 'AWS::Partition' },
                    ':batch:us-east-1:123456789012:job-definition/',
                    Match.objectLike({ 'Fn::Select': Match.anyValue() }),
                    ':',
                  ],
                ],
              },
            },
          ],
        },
      },
    });
  });

  test('EVT-3: addSnsAlert targets the topic and lets EventBridge publish to it', () => {
    // GIVEN
    const { stack } = batchFixture();
    const topic = new sns.Topic(stack, 'JobFailedAlert');
    const rule = new JobStateChangeRule(stack, 'Failed', { statuses: [BatchJobStatus.FAILED] });

    // WHEN
    rule.addSnsAlert(topic, { message: events.RuleTargetInput.fromText(`Job ${events.EventField.fromPath('$.detail.jobName')} failed`) });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('^JobFailedAlert') }, InputTransformer: Match.anyValue() })],
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'sns:Publish', Principal: { Service: 'events.amazonaws.com' } }),
        ]),
      },
    });
  });

  test('EVT-3: addLambda targets the function and grants EventBridge invoke permission', () => {
    // GIVEN the seed's listener function
    const { stack } = batchFixture();
    const handler = new lambda.Function(stack, 'Listener', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'index.handler',
      code: lambda.Code.fromInline('import json\ndef handler(event, context):\n    print(json.dumps(event))\n'),
    });
    const rule = new JobStateChangeRule(stack, 'AllJobs');

    // WHEN
    rule.addLambda(handler);

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Listener'), 'Arn'] } })],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
    });
  });

  test('EVT-1: the rule and its SNS alert target add no finding of either pack', () => {
    // GIVEN
    const { stack, jobQueue } = batchFixture();
    const topic = new sns.Topic(stack, 'Alerts', { enforceSSL: true });

    // WHEN
    const rule = new JobStateChangeRule(stack, 'Failed', { statuses: [BatchJobStatus.FAILED], jobQueues: [jobQueue] });
    rule.addSnsAlert(topic);

    // THEN
    expect(unacknowledgedFindings(rule)).toEqual([]);
  });
});
