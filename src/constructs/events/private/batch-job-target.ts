import { Token } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { IConstruct } from 'constructs';
import { ValidationError, validateArraySize, validateJobName, validateRetryStrategy } from '../../../validation';
import { JobSubmissionProps } from '../job-submission-props';

/**
 * The `targets.BatchJob` for a submission, after checking the submission's limits. aws-cdk-lib
 * creates the events role (EVT-5: trusts events.amazonaws.com, may `batch:SubmitJob` on this
 * queue and job definition) next to the job definition.
 */
export function batchJobTarget(scope: IConstruct, props: JobSubmissionProps): targets.BatchJob {
  validateSubmission(scope, props);
  return new targets.BatchJob(
    props.jobQueue.jobQueueArn,
    props.jobQueue,
    props.jobDefinition.jobDefinitionArn,
    props.jobDefinition,
    {
      jobName: props.jobName,
      size: props.arraySize,
      attempts: props.attempts,
      event: props.parameters === undefined ? undefined : events.RuleTargetInput.fromObject({ Parameters: props.parameters }),
    },
  );
}

/** LIM-6, LIM-8, LIM-10 at construction, with the construct path in the message. */
function validateSubmission(scope: IConstruct, props: JobSubmissionProps): void {
  try {
    if (props.jobName !== undefined && !Token.isUnresolved(props.jobName)) {
      validateJobName('jobName', props.jobName);
    }
    if (props.arraySize !== undefined && !Token.isUnresolved(props.arraySize)) {
      validateArraySize('arraySize', props.arraySize);
    }
    if (props.attempts !== undefined && !Token.isUnresolved(props.attempts)) {
      validateRetryStrategy('retryStrategy', { attempts: props.attempts });
    }
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new ValidationError(error.field, error.value, error.limit, error.rule, `${scope.node.path}: ${error.message}`);
    }
    throw error;
  }
}
