import { parseUserData } from '../../../src/constructs/private/mime';

describe('parseUserData', () => {
  test('CE-4: the user guide EFS example (boundary=="MYBOUNDARY==") splits into its part', () => {
    // GIVEN the guide's document, quirky boundary parameter included
    const doc = [
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary=="MYBOUNDARY=="',
      '',
      '--==MYBOUNDARY==',
      'Content-Type: text/cloud-config; charset="us-ascii"',
      '',
      'packages:',
      '- amazon-efs-utils',
      '',
      '--==MYBOUNDARY==--',
    ].join('\n');

    // WHEN
    const parsed = parseUserData(doc);

    // THEN
    expect(parsed.boundary).toBe('==MYBOUNDARY==');
    expect(parsed.parts).toEqual([
      { contentType: 'text/cloud-config; charset="us-ascii"', transferEncoding: undefined, body: 'packages:\n- amazon-efs-utils' },
    ]);
  });

  test('CE-4: several parts keep their order, headers and base64 encoding', () => {
    // GIVEN
    const doc = 'Content-Type: multipart/mixed; boundary="B"\r\nMIME-Version: 1.0\r\n\r\n--B\r\nContent-Type: text/x-shellscript\r\n\r\n#!/bin/bash\r\necho one\r\n--B\r\nContent-Type: text/x-shellscript\r\nContent-Transfer-Encoding: base64\r\n\r\nIyEvYmluL2Jhc2gK\r\n--B--\r\n';

    // WHEN
    const parsed = parseUserData(doc);

    // THEN
    expect(parsed.parts.map((part) => part.body)).toEqual(['#!/bin/bash\necho one', 'IyEvYmluL2Jhc2gK']);
    expect(parsed.parts[1].transferEncoding).toBe('base64');
  });

  test('CE-4: a plain script becomes one shell-script part', () => {
    // GIVEN / WHEN
    const parsed = parseUserData('#!/bin/bash\necho hi\n');

    // THEN
    expect(parsed.boundary).toBeUndefined();
    expect(parsed.parts).toEqual([{ contentType: 'text/x-shellscript; charset="us-ascii"', body: '#!/bin/bash\necho hi' }]);
  });

  test('CE-4: cloud-config and boothook are typed by their first line', () => {
    expect(parseUserData('#cloud-config\npackages: [jq]').parts[0].contentType).toMatch(/^text\/cloud-config/);
    expect(parseUserData('#cloud-boothook\necho early').parts[0].contentType).toMatch(/^text\/cloud-boothook/);
  });

  test('CE-4: commands without a shebang get #!/bin/bash so cloud-init runs them', () => {
    expect(parseUserData('echo hi').parts[0].body).toBe('#!/bin/bash\necho hi');
  });

  test('CE-4: base64 user data (as EC2 stores it) is decoded first', () => {
    // GIVEN
    const encoded = Buffer.from('#!/bin/bash\necho from-base64\n').toString('base64');

    // WHEN / THEN
    expect(parseUserData(encoded).parts[0].body).toBe('#!/bin/bash\necho from-base64');
  });

  test('CE-4: a multipart document without a closing boundary is rejected', () => {
    expect(() => parseUserData('Content-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/x-shellscript\n\necho\n'))
      .toThrow(/no closing boundary "--B--"/);
  });

  test('CE-4: a multipart Content-Type without a boundary is rejected', () => {
    expect(() => parseUserData('Content-Type: multipart/mixed\n\n--B--\n')).toThrow(/needs a boundary parameter/);
  });
});
