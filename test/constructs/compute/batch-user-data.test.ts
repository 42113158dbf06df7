import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { BatchUserData, UserDataPart } from '../../../src/constructs';
import { parseUserData } from '../../../src/constructs/private/mime';

describe('BatchUserData', () => {
  test('CE-4: renders a MIME multipart document with every part, in order', () => {
    // GIVEN
    const userData = BatchUserData.fromParts([UserDataPart.shellScript(['echo one']), UserDataPart.cloudConfig('packages: [jq]')]);

    // WHEN
    const rendered = userData.render();

    // THEN
    const lines = rendered.split('\n');
    expect(lines[0]).toBe('Content-Type: multipart/mixed; boundary="+AWS+CDK+User+Data+Separator=="');
    expect(lines[1]).toBe('MIME-Version: 1.0');
    expect(rendered.trimEnd().endsWith('--+AWS+CDK+User+Data+Separator==--')).toBe(true);
    expect(parseUserData(rendered).parts.map((part) => part.body)).toEqual(['#!/bin/bash\necho one', 'packages: [jq]']);
    expect(userData.partCount).toBe(2);
  });

  test('CE-4: existing multipart user data keeps its parts and takes more', () => {
    // GIVEN
    const existing = 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="X"\n\n--X\nContent-Type: text/cloud-boothook\n\necho boot\n--X--\n';

    // WHEN
    const userData = BatchUserData.fromExisting(existing);
    userData.addBatchPart(UserDataPart.shellScript(['echo mine']));

    // THEN
    const parts = parseUserData(userData.render()).parts;
    expect(parts.map((part) => part.contentType)).toEqual(['text/cloud-boothook', 'text/x-shellscript; charset="us-ascii"']);
    expect(parts.map((part) => part.body)).toEqual(['echo boot', '#!/bin/bash\necho mine']);
  });

  test('CE-4: an existing plain script is wrapped as a part', () => {
    // GIVEN / WHEN
    const userData = BatchUserData.fromExisting('#!/bin/bash\nyum install -y jq\n');

    // THEN
    expect(userData.userDataParts.map((part) => part.body)).toEqual(['#!/bin/bash\nyum install -y jq']);
  });

  test('CE-4: an ec2.UserData object is taken over; addCommands still works', () => {
    // GIVEN
    const linux = ec2.UserData.forLinux();
    linux.addCommands('echo from-linux');

    // WHEN
    const userData = BatchUserData.fromUserData(linux);
    userData.addCommands('echo added');

    // THEN
    const rendered = new cdk.Stack().resolve(userData.render()) as string;
    const bodies = parseUserData(rendered).parts.map((part) => part.body);
    expect(bodies).toEqual(['#!/bin/bash\necho from-linux', '#!/bin/bash\necho added']);
  });

  test('CE-4: a token is refused by fromExisting', () => {
    expect(() => BatchUserData.fromExisting('${Token[TOKEN.1]}')).toThrow(/userData is a token/);
  });
});
