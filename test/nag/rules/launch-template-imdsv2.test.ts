import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { NagRuleCompliance } from 'cdk-nag';
import { launchTemplateRequiresImdsv2 } from '../../../src/nag/rules/launch-template-imdsv2';
import { computeEnvironment, newTestStack, pathsFlaggedBy } from '../nag-fixtures';

describe('Batch-LT1 launch template requires IMDSv2', () => {
  test('LT1: a template with HttpTokens required, used by a CE, is compliant', () => {
    // GIVEN an L2 launch template that requires IMDSv2, used by an L2 compute environment
    const { app, stack } = newTestStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const launchTemplate = new ec2.LaunchTemplate(stack, 'Template', { requireImdsv2: true });
    new batch.ManagedEc2EcsComputeEnvironment(stack, 'Ce', { vpc, launchTemplate });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'LT1')).toEqual([]);
  });

  test('LT1: a template without IMDSv2, used by a CE by id, is flagged', () => {
    // GIVEN a template without metadata options, referenced by id
    const { app, stack } = newTestStack();
    const template = new ec2.CfnLaunchTemplate(stack, 'Template', { launchTemplateData: {} });
    computeEnvironment(stack, 'Ce', { launchTemplate: { launchTemplateId: template.ref } });

    // WHEN / THEN the template is the flagged resource
    expect(pathsFlaggedBy(app, 'LT1')).toEqual(['Test/Template']);
  });

  test('LT1: HttpTokens optional on a template referenced by name is flagged', () => {
    // GIVEN IMDSv1 allowed explicitly, referenced by the template's literal name
    const { app, stack } = newTestStack();
    new ec2.CfnLaunchTemplate(stack, 'Template', {
      launchTemplateName: 'batch-hosts',
      launchTemplateData: { metadataOptions: { httpTokens: 'optional' } },
    });
    computeEnvironment(stack, 'Ce', { launchTemplate: { launchTemplateName: 'batch-hosts' } });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'LT1')).toEqual(['Test/Template']);
  });

  test('LT1: a template used only as a per-instance-type override is still judged', () => {
    // GIVEN a compliant main template and a non-compliant override template
    const { app, stack } = newTestStack();
    const main = new ec2.CfnLaunchTemplate(stack, 'Main', {
      launchTemplateData: { metadataOptions: { httpTokens: 'required' } },
    });
    const override = new ec2.CfnLaunchTemplate(stack, 'Override', { launchTemplateData: {} });
    computeEnvironment(stack, 'Ce', {
      launchTemplate: {
        launchTemplateId: main.ref,
        overrides: [{ launchTemplateId: override.ref, targetInstanceTypes: ['c5.large'] }],
      },
    });

    // WHEN / THEN only the override is flagged
    expect(pathsFlaggedBy(app, 'LT1')).toEqual(['Test/Override']);
  });

  test('LT1: a template no compute environment uses is not applicable', () => {
    // GIVEN a lone template without IMDSv2
    const { stack } = newTestStack();
    const template = new ec2.CfnLaunchTemplate(stack, 'Template', { launchTemplateData: {} });

    // WHEN / THEN the rule does not apply (AwsSolutions judges templates of instances and ASGs)
    expect(launchTemplateRequiresImdsv2(template)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
