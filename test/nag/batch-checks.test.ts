import * as cdk from 'aws-cdk-lib';
import { Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { batchViolations, computeEnvironment, newTestStack } from './nag-fixtures';
import { BatchChecks } from '../../src/nag';
import { BATCH_RULES } from '../../src/nag/rule-catalog';

describe('BatchChecks pack', () => {
  test('names itself BatchChecks and reports findings as Batch-<id>', () => {
    // GIVEN a CE whose service role is a bare name (IAM-1)
    const { app, stack } = newTestStack();
    computeEnvironment(stack, 'Ce', { serviceRole: 'AWSBatchServiceRole' });

    // WHEN
    const pack = new BatchChecks(app);
    const report = pack.validateScope(app);

    // THEN
    expect(pack.name).toBe('BatchChecks');
    expect(pack.readPackName).toBe('Batch');
    expect(report.success).toBe(false);
    expect(report.violations.map((v) => v.ruleName)).toEqual(['Batch-IAM1']);
  });

  test('lists every rule id of the catalog in ruleIds', () => {
    // GIVEN / WHEN
    const pack = new BatchChecks();

    // THEN
    expect(pack.ruleIds).toEqual(BATCH_RULES.map((rule) => `Batch-${rule.id}`));
  });

  test('a clean stack passes', () => {
    // GIVEN an EC2 CE outside any finding
    const { app, stack } = newTestStack();
    computeEnvironment(stack, 'Ce');

    // WHEN / THEN
    expect(new BatchChecks(app).validateScope(app)).toEqual({ success: true, violations: [] });
  });

  test('registered as a validation plugin, an unacknowledged finding fails synth', () => {
    // GIVEN the pack registered the cdk-nag 3 way, and a LIM-2 violation (two CEs with order 1)
    const { app, stack } = newTestStack();
    Validations.of(app).addPlugins(new BatchChecks(app));
    const first = computeEnvironment(stack, 'First');
    const second = computeEnvironment(stack, 'Second');
    new cdk.aws_batch.CfnJobQueue(stack, 'Queue', {
      priority: 1,
      computeEnvironmentOrder: [
        { computeEnvironment: first.attrComputeEnvironmentArn, order: 1 },
        { computeEnvironment: second.attrComputeEnvironmentArn, order: 1 },
      ],
    });

    // WHEN / THEN
    expect(() => app.synth()).toThrow(/Batch-LIM2/);
  });

  test('an acknowledgment with a reason on an ancestor clears the finding at synth', () => {
    // GIVEN a launch template without IMDSv2 used by a CE, acknowledged on the stack
    const { app, stack } = newTestStack();
    Validations.of(app).addPlugins(new BatchChecks(app));
    const template = new ec2.CfnLaunchTemplate(stack, 'Template', {
      launchTemplateData: { blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: true } }] },
    });
    computeEnvironment(stack, 'Ce', { launchTemplate: { launchTemplateId: template.ref } });
    Validations.of(stack).acknowledge({ id: 'Batch-LT1', reason: 'Legacy AMI whose agent needs IMDSv1; tracked in OPS-12.' });

    // WHEN / THEN
    expect(() => app.synth()).not.toThrow();
    expect(batchViolations(app)).toEqual([]);
  });
});
