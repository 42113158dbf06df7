import * as cdk from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { BatchLaunchTemplate, UserDataPart } from '../../../src/constructs';
import { parseUserData } from '../../../src/constructs/private/mime';
import { newStack } from '../test-stack';

/** The launch template's user data, decoded from the template's Fn::Base64. */
function decodedUserData(template: Template): string {
  const [resource] = Object.values(template.findResources('AWS::EC2::LaunchTemplate'));
  const userData = resource.Properties.LaunchTemplateData.UserData;
  expect(Object.keys(userData)).toEqual(['Fn::Base64']);
  return userData['Fn::Base64'];
}

describe('BatchLaunchTemplate', () => {
  test('CE-4: user data decodes to a valid MIME multipart document containing every part added', () => {
    // GIVEN
    const stack = newStack();
    const lt = new BatchLaunchTemplate(stack, 'Lt', {
      existingUserData: '#!/bin/bash\necho existing',
      userDataParts: [UserDataPart.ecsReservedMemory(cdk.Size.mebibytes(128)), UserDataPart.efsMount({ fileSystemId: 'fs-1234' })],
    });

    // WHEN
    lt.addUserDataPart(UserDataPart.cloudBoothook(['echo early']));
    const document = decodedUserData(Template.fromStack(stack));

    // THEN the MIME structure: header, version, opening and closing boundaries
    const header = /^Content-Type: multipart\/mixed; boundary="([^"]+)"\nMIME-Version: 1\.0\n\n/.exec(document);
    expect(header).not.toBeNull();
    const boundary = header![1];
    expect(document.split('\n').filter((line) => line === `--${boundary}`)).toHaveLength(4);
    expect(document.trimEnd().endsWith(`--${boundary}--`)).toBe(true);
    // AND every part, in order, with its content type
    const parts = parseUserData(document).parts;
    expect(parts.map((part) => part.contentType.split(';')[0])).toEqual([
      'text/x-shellscript', 'text/x-shellscript', 'text/cloud-config', 'text/cloud-boothook',
    ]);
    expect(parts[0].body).toBe('#!/bin/bash\necho existing');
    expect(parts[1].body).toContain('ECS_RESERVED_MEMORY=128');
    expect(parts[2].body).toContain('fs-1234:/ /mnt/efs efs tls,_netdev');
    expect(parts[3].body).toBe('#cloud-boothook\necho early');
  });

  test('CE-3: IMDSv2 is required by default, with a hop limit containers can use', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new BatchLaunchTemplate(stack, 'Lt');

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({
        MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 2 },
        UserData: Match.absent(),
      }),
    });
  });

  test('CE-3: IMDSv2 can be made optional on request', () => {
    const stack = newStack();
    new BatchLaunchTemplate(stack, 'Lt', { requireImdsv2: false });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({ MetadataOptions: Match.objectLike({ HttpTokens: 'optional' }) }),
    });
  });

  test('CE-3: root and Docker volumes are encrypted (the guide\'s /dev/xvdcz example)', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new BatchLaunchTemplate(stack, 'Lt', { dockerVolumeSize: cdk.Size.gibibytes(100) });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({
        BlockDeviceMappings: [
          { DeviceName: '/dev/xvda', Ebs: Match.objectLike({ Encrypted: true, VolumeSize: 30 }) },
          { DeviceName: '/dev/xvdcz', Ebs: Match.objectLike({ Encrypted: true, VolumeSize: 100 }) },
        ],
      }),
    });
  });

  test('CE-3: the pinned version is the version this deployment creates', () => {
    const stack = newStack();
    const lt = new BatchLaunchTemplate(stack, 'Lt');
    expect(stack.resolve(lt.pinnedVersion)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(lt.node.defaultChild as cdk.CfnElement), 'LatestVersionNumber'] });
  });
});
