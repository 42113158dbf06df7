import * as batch from 'aws-cdk-lib/aws-batch';

/**
 * What an EventBridge rule submits to AWS Batch: the fields of the console's "Batch job queue"
 * target (guide p.91) plus the `Parameters` that replace `Ref::name` placeholders (PARAM-1).
 */
export interface JobSubmissionProps {
  /**
   * The queue the job is submitted to: a FIFO queue. An EventBridge target cannot give the
   * `shareIdentifier` a fair-share queue requires, so AWS Batch would refuse every submission
   * (FS-3; BatchChecks reports it as `Batch-FS3`).
   */
  readonly jobQueue: batch.IJobQueue;

  /** The job definition of the submitted job (this exact revision). */
  readonly jobDefinition: batch.IJobDefinition;

  /**
   * The job name (LIM-8: 1..128 letters, digits, `-` and `_`, starting with a letter or digit).
   *
   * @default - a unique name derived from the rule's construct path
   */
  readonly jobName?: string;

  /**
   * Submit an array job of this size (LIM-6: 2..10000).
   *
   * @default - a single job
   */
  readonly arraySize?: number;

  /**
   * Attempts per job (LIM-10: 1..10), overriding the job definition's retry strategy (RETRY-2).
   *
   * @default - the job definition's retry strategy
   */
  readonly attempts?: number;

  /**
   * SubmitJob `parameters`. Values may be `events.EventField.fromPath('$.detail...')` tokens:
   * the target then gets an input transformer that copies those event fields into the
   * parameters, as in the seed's S3 example (`Ref::S3bucket`, `Ref::S3key`).
   *
   * @default - the job definition's default parameters
   */
  readonly parameters?: Record<string, string>;
}
