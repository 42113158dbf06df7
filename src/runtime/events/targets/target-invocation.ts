/** The kind of resource an EventBridge rule target points at, told from its ARN. */
export enum TargetKind {
  /** An SNS topic: the input is recorded as the published message. */
  SNS_TOPIC = 'SNS_TOPIC',
  /** A Lambda function: recorded, and passed to a registered local handler if there is one. */
  LAMBDA_FUNCTION = 'LAMBDA_FUNCTION',
  /** An SQS queue: the input is recorded as the message body. */
  SQS_QUEUE = 'SQS_QUEUE',
  /** An AWS Batch job queue: the runtime submits a job (SubmitJob with the target's BatchParameters). */
  BATCH_JOB_QUEUE = 'BATCH_JOB_QUEUE',
  /** Any other target type (Step Functions, Kinesis, ...): recorded only. */
  OTHER = 'OTHER',
}

/** What one rule delivered to one of its targets for one event. */
export interface TargetInvocation {
  /** The rule's name (its `Name`, or the physical name the runtime gave it). */
  readonly ruleName: string;
  /** The rule's ARN. */
  readonly ruleArn: string;
  /** The rule's logical id in the template. */
  readonly ruleLogicalId: string;
  /** The target's `Id` within the rule. */
  readonly targetId: string;
  /** The target's ARN, as the template resolves it. */
  readonly targetArn: string;
  /** What kind of resource the target is. */
  readonly kind: TargetKind;
  /** The logical id of the target resource when it is part of the template. @default - not in the template */
  readonly targetLogicalId?: string;
  /**
   * The text the target received: the whole event as JSON, or the result of the target's
   * `Input`, `InputPath` or `InputTransformer`. Empty when the input could not be produced.
   */
  readonly input: string;
  /** The id of the event that matched. */
  readonly eventId: string;
  /** When the event was delivered, epoch milliseconds of the runtime's clock. */
  readonly time: number;
  /** Whether the delivery succeeded (for a Batch target: the job was submitted). */
  readonly succeeded: boolean;
  /** Why the delivery failed. @default - it did not fail */
  readonly error?: string;
  /** For a Batch target: the id of the job it submitted. @default - no job was submitted */
  readonly submittedJobId?: string;
}
