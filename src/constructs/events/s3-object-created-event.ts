import * as events from 'aws-cdk-lib/aws-events';
import * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * The "Object Created" events S3 sends to EventBridge, for EventTriggeredJob. The bucket must
 * send its events to EventBridge (`eventBridgeEnabled: true`). This replaces the seed's
 * CloudTrail data-event recipe (`$.detail.requestParameters.bucketName`), which needs a trail.
 */
export class S3ObjectCreatedEvent {
  /** JSON path of the bucket name in the event. */
  public static readonly BUCKET_NAME_PATH = '$.detail.bucket.name';
  /** JSON path of the object key in the event. */
  public static readonly OBJECT_KEY_PATH = '$.detail.object.key';

  /**
   * The pattern of objects created in `bucket`, optionally only under `keyPrefix`.
   *
   * @param bucket the bucket whose uploads trigger the job
   * @param keyPrefix only keys starting with this prefix (default: every key)
   */
  public static pattern(bucket: s3.IBucket, keyPrefix?: string): events.EventPattern {
    return {
      source: ['aws.s3'],
      detailType: ['Object Created'],
      detail: {
        bucket: { name: [bucket.bucketName] },
        ...(keyPrefix === undefined ? {} : { object: { key: events.Match.prefix(keyPrefix) } }),
      },
    };
  }

  /** The bucket name of the triggering event, for `parameters`. */
  public static bucketName(): string {
    return events.EventField.fromPath(S3ObjectCreatedEvent.BUCKET_NAME_PATH);
  }

  /** The object key of the triggering event, for `parameters`. */
  public static objectKey(): string {
    return events.EventField.fromPath(S3ObjectCreatedEvent.OBJECT_KEY_PATH);
  }

  private constructor() {}
}
