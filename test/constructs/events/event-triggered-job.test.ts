import { Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { batchFixture } from './events-fixtures';
import { EventTriggeredJob, S3ObjectCreatedEvent } from '../../../src/constructs/events';

describe('EventTriggeredJob', () => {
  test('EVT-3: S3 Object Created submits the job with an input transformer producing Parameters', () => {
    // GIVEN the seed's echo-parameters job definition and a bucket that sends events to EventBridge
    const { stack, jobQueue, jobDefinition } = batchFixture();
    const bucket = new s3.Bucket(stack, 'Uploads', { eventBridgeEnabled: true });

    // WHEN
    new EventTriggeredJob(stack, 'OnUpload', {
      eventPattern: S3ObjectCreatedEvent.pattern(bucket),
      jobQueue,
      jobDefinition,
      jobName: 'echo-upload',
      parameters: { S3bucket: S3ObjectCreatedEvent.bucketName(), S3key: S3ObjectCreatedEvent.objectKey() },
    });

    // THEN the transformer maps the event fields into {"Parameters": {...}} (Ref::S3bucket, Ref::S3key)
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        'source': ['aws.s3'],
        'detail-type': ['Object Created'],
        'detail': { bucket: { name: [{ Ref: Match.stringLikeRegexp('^Uploads') }] } },
      },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Queue'), 'JobQueueArn'] },
          BatchParameters: Match.objectLike({ JobName: 'echo-upload' }),
          InputTransformer: {
            InputPathsMap: { 'detail-bucket-name': '$.detail.bucket.name', 'detail-object-key': '$.detail.object.key' },
            InputTemplate: '{"Parameters":{"S3bucket":<detail-bucket-name>,"S3key":<detail-object-key>}}',
          },
        }),
      ],
    });
  });

  test('EVT-3: an arbitrary pattern (the seed CloudTrail recipe) on a custom bus is accepted', () => {
    // GIVEN a CloudTrail PutObject pattern and a custom bus
    const { stack, jobQueue, jobDefinition } = batchFixture();
    const bus = new events.EventBus(stack, 'Bus');

    // WHEN
    new EventTriggeredJob(stack, 'OnPut', {
      eventPattern: { source: ['aws.s3'], detailType: ['AWS API Call via CloudTrail'], detail: { eventName: ['PutObject'] } },
      eventBus: bus,
      jobQueue,
      jobDefinition,
      parameters: {
        S3bucket: events.EventField.fromPath('$.detail.requestParameters.bucketName'),
        S3key: events.EventField.fromPath('$.detail.requestParameters.key'),
      },
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: Match.stringLikeRegexp('^Bus') },
      Targets: [
        Match.objectLike({
          InputTransformer: {
            InputPathsMap: {
              'detail-requestParameters-bucketName': '$.detail.requestParameters.bucketName',
              'detail-requestParameters-key': '$.detail.requestParameters.key',
            },
            InputTemplate: '{"Parameters":{"S3bucket":<detail-requestParameters-bucketName>,"S3key":<detail-requestParameters-key>}}',
          },
        }),
      ],
    });
  });

  test('LIM-6: array size 10001 is rejected', () => {
    // GIVEN
    const { stack, jobQueue, jobDefinition } = batchFixture();

    // WHEN / THEN
    expect(
      () =>
        new EventTriggeredJob(stack, 'OnEvent', {
          eventPattern: { source: ['my.app'] },
          jobQueue,
          jobDefinition,
          arraySize: 10001,
        }),
    ).toThrow('Test/OnEvent: arraySize: 10001 is invalid: an integer 2..10000 (LIM-6)');
  });
});
