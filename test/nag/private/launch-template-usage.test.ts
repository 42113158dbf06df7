import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { isUsedByComputeEnvironment } from '../../../src/nag/private/launch-template-usage';
import { computeEnvironment, newTestStack } from '../nag-fixtures';

describe('launch template usage', () => {
  test('CE-3: a template referenced by id, by name or as an override is used; a lone one is not', () => {
    // GIVEN four templates, three of them referenced by a CE in different ways
    const { stack } = newTestStack();
    const byId = new ec2.CfnLaunchTemplate(stack, 'ById', { launchTemplateData: {} });
    const byName = new ec2.CfnLaunchTemplate(stack, 'ByName', { launchTemplateName: 'named', launchTemplateData: {} });
    const asOverride = new ec2.CfnLaunchTemplate(stack, 'AsOverride', { launchTemplateData: {} });
    const unused = new ec2.CfnLaunchTemplate(stack, 'Unused', { launchTemplateData: {} });
    computeEnvironment(stack, 'Ce1', {
      launchTemplate: { launchTemplateId: byId.ref, overrides: [{ launchTemplateId: asOverride.ref }] },
    });
    computeEnvironment(stack, 'Ce2', { launchTemplate: { launchTemplateName: 'named' } });

    // WHEN / THEN
    expect(isUsedByComputeEnvironment(byId)).toBe(true);
    expect(isUsedByComputeEnvironment(byName)).toBe(true);
    expect(isUsedByComputeEnvironment(asOverride)).toBe(true);
    expect(isUsedByComputeEnvironment(unused)).toBe(false);
  });
});
