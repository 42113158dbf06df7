import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { logicalIdOf, referencedLogicalId, resolveValue, stackResourcesOfType } from './cfn-references';

/**
 * True when a compute environment of the same stack launches instances from `launchTemplate`,
 * by id or by name, as its main template or as a per-instance-type override.
 *
 * The launch-template rules only judge templates that AWS Batch uses: AwsSolutions already
 * checks templates of instances and Auto Scaling groups, and a template nobody uses launches nothing.
 */
export function isUsedByComputeEnvironment(launchTemplate: ec2.CfnLaunchTemplate): boolean {
  const templateId = logicalIdOf(launchTemplate);
  const templateName = resolveValue(launchTemplate, launchTemplate.launchTemplateName);
  return stackResourcesOfType(launchTemplate, batch.CfnComputeEnvironment).some((ce) => {
    const resources = resolveValue(ce, ce.computeResources);
    const main = resources?.launchTemplate;
    const overrides: unknown[] = Array.isArray(main?.overrides) ? main.overrides : [];
    return [main, ...overrides].some((specification: any) => {
      if (specification === undefined || specification === null) {
        return false;
      }
      const { launchTemplateId, launchTemplateName } = specification;
      return (
        referencedLogicalId(launchTemplateId) === templateId ||
        referencedLogicalId(launchTemplateName) === templateId ||
        (typeof templateName === 'string' && launchTemplateName === templateName)
      );
    });
  });
}
