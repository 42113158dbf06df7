import * as cdk from 'aws-cdk-lib';
import { UserDataContentType, UserDataPart } from '../../../src/constructs';

describe('UserDataPart', () => {
  test('CE-4: shell scripts get a shebang and the x-shellscript type', () => {
    // GIVEN / WHEN
    const part = UserDataPart.shellScript(['echo one', 'echo two']);

    // THEN
    expect(part.contentType).toBe(UserDataContentType.SHELL_SCRIPT);
    expect(part.body).toBe('#!/bin/bash\necho one\necho two');
    expect(UserDataPart.shellScript(['#!/bin/sh', 'true']).body).toBe('#!/bin/sh\ntrue');
  });

  test('CE-4: cloud-config and boothook parts', () => {
    expect(UserDataPart.cloudConfig('packages: [jq]').contentType).toBe(UserDataContentType.CLOUD_CONFIG);
    expect(UserDataPart.cloudBoothook(['echo early']).body).toBe('#cloud-boothook\necho early');
  });

  test('SCHED-8: ECS_RESERVED_MEMORY goes to /etc/ecs/ecs.config', () => {
    expect(UserDataPart.ecsReservedMemory(cdk.Size.mebibytes(256)).body)
      .toBe('#!/bin/bash\necho ECS_RESERVED_MEMORY=256 >> /etc/ecs/ecs.config');
  });

  test('SCHED-8: a fractional reserved memory is rejected', () => {
    expect(() => UserDataPart.ecsReservedMemory(cdk.Size.kibibytes(1536))).toThrow(/whole number of mebibytes/);
  });

  test('CE-4: ECS agent settings are written in sorted order and names are checked', () => {
    // GIVEN / WHEN
    const part = UserDataPart.ecsAgentSettings({ ECS_B: '2', ECS_A: '1' });

    // THEN
    expect(part.body).toBe('#!/bin/bash\necho ECS_A=1 >> /etc/ecs/ecs.config\necho ECS_B=2 >> /etc/ecs/ecs.config');
    expect(() => UserDataPart.ecsAgentSettings({ 'rm -rf': 'x' })).toThrow(/"rm -rf" is invalid: an ECS agent variable name/);
    expect(() => UserDataPart.ecsAgentSettings({})).toThrow(/settings is empty/);
  });

  test('CE-4: the guide\'s image-cleanup example', () => {
    expect(UserDataPart.ecsImageCleanup().body).toBe([
      '#!/bin/bash',
      'echo ECS_IMAGE_CLEANUP_INTERVAL=60m >> /etc/ecs/ecs.config',
      'echo ECS_IMAGE_MINIMUM_CLEANUP_AGE=60m >> /etc/ecs/ecs.config',
    ].join('\n'));
  });

  test('CE-4: the guide\'s EFS mount example, through /etc/fstab with TLS', () => {
    // GIVEN / WHEN
    const part = UserDataPart.efsMount({ fileSystemId: 'fs-abcdef123' });

    // THEN
    expect(part.contentType).toBe(UserDataContentType.CLOUD_CONFIG);
    expect(part.body).toContain('- amazon-efs-utils');
    expect(part.body).toContain('- echo "fs-abcdef123:/ /mnt/efs efs tls,_netdev" >> /etc/fstab');
    expect(part.body).toContain('- mount -a -t efs defaults');
  });

  test('CE-4: the guide\'s FSx for Lustre example with a mount name', () => {
    // GIVEN / WHEN
    const part = UserDataPart.fsxLustreMount({ dnsName: 'fs-1.fsx.us-east-2.amazonaws.com', mountName: 'abcdefgh' });

    // THEN
    expect(part.body).toContain('- amazon-linux-extras install -y lustre');
    expect(part.body).toContain('- mount -t lustre -o relatime,flock fs-1.fsx.us-east-2.amazonaws.com@tcp:/abcdefgh /scratch');
  });

  test('CE-2: registration with an unmanaged compute environment\'s ECS cluster', () => {
    expect(UserDataPart.ecsCluster('arn:aws:ecs:us-east-1:123456789012:cluster/ce_Batch_1').body)
      .toBe('#!/bin/bash\necho "ECS_CLUSTER=arn:aws:ecs:us-east-1:123456789012:cluster/ce_Batch_1" >> /etc/ecs/ecs.config');
  });

  test('CE-4: a part renders as a raw MIME body part', () => {
    expect(UserDataPart.of('text/x-shellscript', 'IyEK', 'base64').toMultipartBody().renderBodyPart())
      .toEqual(['Content-Type: text/x-shellscript', 'Content-Transfer-Encoding: base64', '', 'IyEK']);
  });
});
