import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { Construct } from 'constructs';
import { MAX_JOB_QUEUES, validateComputeEnvironmentOrder, validateQueueComputeEnvironments, validateResourceName } from '../validation';
import { computeEnvironmentFacts, ComputeEnvironmentFacts } from './private/compute-environment-facts';
import { checkStackQuota } from './private/quota';
import { isUnresolved, validateAt, validationMessages } from './private/validate';

/**
 * Properties of a `BatchJobQueue`: those of aws-cdk-lib's `JobQueue`. Declared so the construct
 * follows the `FooProps` rule of docs/construct-shape.md and later additions have a home.
 */
export interface BatchJobQueueProps extends batch.JobQueueProps {}

/**
 * A job queue (aws-cdk-lib `JobQueue`) with the limits aws-cdk-lib does not check, verified at
 * synth time because compute environments can still be added after construction:
 * - LIM-2: 1 to 3 compute environments, each `order` and each CE used once;
 * - LIM-3: one architecture across all CEs, and no EC2/SPOT mixed with Fargate;
 * - LIM-8: the queue name;
 * - LIM-1: at most 50 queues (counted in the stack).
 */
export class BatchJobQueue extends batch.JobQueue {
  constructor(scope: Construct, id: string, props: BatchJobQueueProps = {}) {
    super(scope, id, props);
    if (props.jobQueueName !== undefined && !isUnresolved(props.jobQueueName)) {
      validateAt(this, () => validateResourceName('jobQueueName', props.jobQueueName!));
    }
    this.node.addValidation({ validate: () => this.validateComputeEnvironments() });
  }

  private validateComputeEnvironments(): string[] {
    const stack = cdk.Stack.of(this);
    const entries = this.computeEnvironments.map((entry) => ({
      order: entry.order,
      // Compare by the rendered ARN: one CE listed twice renders the same token.
      computeEnvironment: JSON.stringify(stack.resolve(entry.computeEnvironment.computeEnvironmentRef.computeEnvironmentArn)),
    }));
    return validationMessages(() => {
      checkStackQuota(this.node.defaultChild as cdk.CfnResource, 'jobQueues', 'job queues', MAX_JOB_QUEUES);
      validateComputeEnvironmentOrder('computeEnvironmentOrder', entries.filter((entry) => !isUnresolved(entry.order)));
      const facts = this.computeEnvironments
        .map((entry) => computeEnvironmentFacts(entry.computeEnvironment))
        .filter((fact): fact is ComputeEnvironmentFacts => fact !== undefined);
      validateQueueComputeEnvironments('computeEnvironmentOrder', facts);
    });
  }
}
