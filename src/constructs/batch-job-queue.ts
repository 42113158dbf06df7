import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { Construct } from 'constructs';
import { MAX_JOB_QUEUES, validateComputeEnvironmentOrder, validateQueueComputeEnvironments, validateResourceName } from '../validation';
import { FairShareOptions } from './fair-share-options';
import { computeEnvironmentFacts, ComputeEnvironmentFacts } from './private/compute-environment-facts';
import { checkFairShareSettings, checkShares } from './private/fair-share-checks';
import { checkStackQuota } from './private/quota';
import { isUnresolved, validateAt, validationMessages } from './private/validate';

/**
 * Properties of a `BatchJobQueue`: those of aws-cdk-lib's `JobQueue`, and `fairShare`.
 */
export interface BatchJobQueueProps extends batch.JobQueueProps {
  /**
   * Makes this a fair-share queue (FS-2): an aws-cdk-lib `FairshareSchedulingPolicy` with these
   * settings is created as the queue's child (`fairSharePolicy`). Give either this or
   * `schedulingPolicy`, not both.
   *
   * @default - a FIFO queue, unless `schedulingPolicy` is given
   */
  readonly fairShare?: FairShareOptions;
}

/**
 * A job queue (aws-cdk-lib `JobQueue`) with the limits aws-cdk-lib does not check, verified at
 * synth time because compute environments can still be added after construction:
 * - LIM-2: 1 to 3 compute environments, each `order` and each CE used once;
 * - LIM-3: one architecture across all CEs, and no EC2/SPOT mixed with Fargate;
 * - LIM-8: the queue name;
 * - LIM-1: at most 50 queues (counted in the stack);
 * - FS-1: the limits of its fair-share policy (`fairShare`, or an aws-cdk-lib
 *   `FairshareSchedulingPolicy` given as `schedulingPolicy`), shares checked at synth because
 *   `addShare` can still add to them.
 */
export class BatchJobQueue extends batch.JobQueue {
  /** The fair-share policy created from `fairShare`, if it was given. */
  public readonly fairSharePolicy?: batch.FairshareSchedulingPolicy;

  constructor(scope: Construct, id: string, props: BatchJobQueueProps = {}) {
    super(scope, id, props);
    if (props.jobQueueName !== undefined && !isUnresolved(props.jobQueueName)) {
      validateAt(this, () => validateResourceName('jobQueueName', props.jobQueueName!));
    }
    if (props.fairShare !== undefined) {
      this.fairSharePolicy = this.createFairSharePolicy(props.fairShare, props.schedulingPolicy);
    } else if (props.schedulingPolicy instanceof batch.FairshareSchedulingPolicy) {
      const given = props.schedulingPolicy;
      validateAt(this, () => checkFairShareSettings('schedulingPolicy', given));
    }
    this.node.addValidation({ validate: () => [...this.validateComputeEnvironments(), ...this.validateShares()] });
  }

  /** The scheduling policy of a fair-share queue (FS-2): `fairSharePolicy` or the one given; undefined for FIFO. */
  public get schedulingPolicy(): batch.ISchedulingPolicy | undefined {
    return this.fairSharePolicy ?? super.schedulingPolicy;
  }

  /**
   * The policy is our child, so it can only exist after `super()`: the L1 gets its ARN here and
   * `schedulingPolicy` returns it, which is all aws-cdk-lib's `JobQueue` does with the prop.
   */
  private createFairSharePolicy(options: FairShareOptions, schedulingPolicy?: unknown): batch.FairshareSchedulingPolicy {
    if (schedulingPolicy !== undefined) {
      throw new Error(`${this.node.path}: fairShare and schedulingPolicy are invalid together: give one of them (FS-2)`);
    }
    validateAt(this, () => checkFairShareSettings('fairShare', options));
    const policy = new batch.FairshareSchedulingPolicy(this, 'SchedulingPolicy', {
      shares: options.shares,
      shareDecay: options.shareDecay,
      computeReservation: options.computeReservation,
      schedulingPolicyName: options.schedulingPolicyName,
    });
    (this.node.defaultChild as batch.CfnJobQueue).schedulingPolicyArn = policy.schedulingPolicyArn;
    return policy;
  }

  private validateShares(): string[] {
    const policy = this.schedulingPolicy;
    if (!(policy instanceof batch.FairshareSchedulingPolicy)) {
      return [];
    }
    const field = policy === this.fairSharePolicy ? 'fairShare.shares' : 'schedulingPolicy.shares';
    return validationMessages(() => checkShares(field, policy.shares));
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
