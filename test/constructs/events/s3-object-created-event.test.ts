import * as cdk from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { S3ObjectCreatedEvent } from '../../../src/constructs/events';

describe('S3ObjectCreatedEvent', () => {
  test('EVT-3: the pattern matches Object Created events of the bucket, optionally under a key prefix', () => {
    // GIVEN
    const stack = new cdk.Stack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'uploads');

    // WHEN
    const everyKey = stack.resolve(S3ObjectCreatedEvent.pattern(bucket));
    const underPrefix = stack.resolve(S3ObjectCreatedEvent.pattern(bucket, 'incoming/'));

    // THEN
    expect(everyKey).toEqual({ source: ['aws.s3'], detailType: ['Object Created'], detail: { bucket: { name: ['uploads'] } } });
    expect(underPrefix.detail).toEqual({ bucket: { name: ['uploads'] }, object: { key: [{ prefix: 'incoming/' }] } });
  });

  test('EVT-3: bucketName and objectKey are event-field tokens over the documented paths', () => {
    // GIVEN / WHEN
    const stack = new cdk.Stack();

    // THEN EventField tokens resolve to their JSON paths
    expect(stack.resolve(S3ObjectCreatedEvent.bucketName())).toBe('$.detail.bucket.name');
    expect(stack.resolve(S3ObjectCreatedEvent.objectKey())).toBe('$.detail.object.key');
  });
});
