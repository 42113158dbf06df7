import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { Construct } from 'constructs';
import { validateConsumableQuantity, validateConsumableResourceName } from '../validation';
import { isUnresolved, validateAt } from './private/validate';

/** Whether a consumable resource's units come back when a job that used them ends (PLAT-4). */
export enum ConsumableResourceType {
  /** Units come back when the job ends (licences, connections). */
  REPLENISHABLE = 'REPLENISHABLE',
  /** Units are used up by each job (tokens, a budget). */
  NON_REPLENISHABLE = 'NON_REPLENISHABLE',
}

/** Properties of a `BatchConsumableResource`. */
export interface BatchConsumableResourceProps {
  /** How many units there are in all (an integer, 0 or more). */
  readonly totalQuantity: number;

  /**
   * Whether units come back when a job ends.
   *
   * @default ConsumableResourceType.REPLENISHABLE
   */
  readonly resourceType?: ConsumableResourceType;

  /**
   * The resource's name (1..128 letters, digits, `-`, `_`), unique in the account.
   *
   * @default - a name CloudFormation generates
   */
  readonly consumableResourceName?: string;
}

/**
 * A consumable resource (PLAT-4): something outside the compute environments that only so many
 * jobs may use at once, such as licences. Jobs whose definitions need it wait RUNNABLE until
 * enough units are free (`ContainerJobDefinitionProps.consumableResources`).
 */
export class BatchConsumableResource extends Construct {
  /** The ARN, which job definitions name the resource by. */
  public readonly consumableResourceArn: string;
  /** How many units there are in all, as declared. */
  public readonly totalQuantity: number;
  /** The CloudFormation resource. */
  public readonly resource: batch.CfnConsumableResource;

  constructor(scope: Construct, id: string, props: BatchConsumableResourceProps) {
    super(scope, id);
    validateAt(this, () => {
      if (!isUnresolved(props.totalQuantity)) validateConsumableQuantity('totalQuantity', props.totalQuantity);
      if (props.consumableResourceName !== undefined && !cdk.Token.isUnresolved(props.consumableResourceName)) {
        validateConsumableResourceName('consumableResourceName', props.consumableResourceName);
      }
    });
    this.totalQuantity = props.totalQuantity;
    this.resource = new batch.CfnConsumableResource(this, 'Resource', {
      consumableResourceName: props.consumableResourceName,
      resourceType: props.resourceType ?? ConsumableResourceType.REPLENISHABLE,
      totalQuantity: props.totalQuantity,
    });
    this.consumableResourceArn = this.resource.attrConsumableResourceArn;
  }
}

/** One consumable resource a job definition's jobs need, and how many units each job takes (PLAT-4). */
export interface ConsumableResourceNeed {
  /** The resource. */
  readonly resource: BatchConsumableResource;
  /** Units each job (each array child) takes while it runs: an integer, 1 or more. */
  readonly quantity: number;
}
