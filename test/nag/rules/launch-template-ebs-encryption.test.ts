import { Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { computeEnvironment, newTestStack, pathsFlaggedBy } from '../nag-fixtures';

function templateUsedByCe(blockDeviceMappings?: ec2.CfnLaunchTemplate.BlockDeviceMappingProperty[]) {
  const { app, stack } = newTestStack();
  const template = new ec2.CfnLaunchTemplate(stack, 'Template', {
    launchTemplateData: { metadataOptions: { httpTokens: 'required' }, blockDeviceMappings },
  });
  computeEnvironment(stack, 'Ce', { launchTemplate: { launchTemplateId: template.ref } });
  return { app, template };
}

describe('Batch-LT2 launch template encrypts EBS volumes', () => {
  test('LT2: root and Docker volumes mapped with Encrypted true are compliant', () => {
    // GIVEN the root volume and the seed's /dev/xvdcz Docker volume, both encrypted
    const { app } = templateUsedByCe([
      { deviceName: '/dev/xvda', ebs: { volumeSize: 30, encrypted: true } },
      { deviceName: '/dev/xvdcz', ebs: { volumeSize: 50, encrypted: true } },
    ]);

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'LT2')).toEqual([]);
  });

  test('LT2: one unencrypted EBS volume is flagged', () => {
    // GIVEN an encrypted root volume and an unencrypted Docker volume
    const { app } = templateUsedByCe([
      { deviceName: '/dev/xvda', ebs: { volumeSize: 30, encrypted: true } },
      { deviceName: '/dev/xvdcz', ebs: { volumeSize: 50 } },
    ]);

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'LT2')).toEqual(['Test/Template']);
  });

  test('LT2: a template with no EBS mapping is flagged (AMI root volume is unencrypted)', () => {
    // GIVEN only an instance-store mapping
    const { app } = templateUsedByCe([{ deviceName: '/dev/sdb', virtualName: 'ephemeral0' }]);

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'LT2')).toEqual(['Test/Template']);
  });

  test('LT2: an acknowledgment with a reason clears the finding', () => {
    // GIVEN a template without mappings in an account that encrypts EBS by default
    const { app, template } = templateUsedByCe(undefined);
    Validations.of(template).acknowledge({ id: 'Batch-LT2', reason: 'Account-level EBS encryption by default is on.' });

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'LT2')).toEqual([]);
  });
});
