import { CfnResource } from 'aws-cdk-lib';
import { NagPack, NagPackProps } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { BATCH_PACK_NAME, BATCH_RULES } from './rule-catalog';

/**
 * Options for the BatchChecks pack.
 */
export interface BatchChecksProps extends NagPackProps {}

/**
 * cdk-nag rules for AWS Batch that AwsSolutions does not cover: launch templates used by compute
 * environments (IMDSv2, EBS encryption), Spot fleet roles, service role ARNs, job queue limits,
 * GPU and multi-node job definitions on queues that cannot run them, subnets without a way
 * to the ECS endpoint, and fair-share queues (EventBridge targets that cannot give a share
 * identifier, compute reservations that idle capacity). Findings are named `Batch-<id>` (e.g. `Batch-NET1`).
 *
 * @example
 * Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new BatchChecks(app));
 */
export class BatchChecks extends NagPack {
  /** The pack's name in the policy validation report. */
  public readonly name = 'BatchChecks';

  /** Every rule id this pack can report, for the validation report. */
  public readonly ruleIds?: string[] = BATCH_RULES.map((rule) => `${BATCH_PACK_NAME}-${rule.id}`);

  constructor(scope?: IConstruct, props?: BatchChecksProps) {
    super(scope, props);
    this.packName = BATCH_PACK_NAME;
  }

  protected checkResource(node: CfnResource): void {
    for (const rule of BATCH_RULES) {
      this.applyRule({
        ruleSuffixOverride: rule.id,
        info: rule.info,
        explanation: rule.explanation,
        level: rule.level,
        rule: rule.check,
        node,
      });
    }
  }
}
