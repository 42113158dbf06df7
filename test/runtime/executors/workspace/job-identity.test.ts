import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chooseIdentity, resolveUser } from '../../../../src/runtime/executors/workspace/job-identity';

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'job-identity-'));
const passwd = path.join(directory, 'passwd');
const group = path.join(directory, 'group');
fs.writeFileSync(passwd, 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\nalice:x:1000:1001::/home/alice:/bin/sh\n');
fs.writeFileSync(group, 'root:x:0:\nstaff:x:50:\nalice:x:1001:\n');
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

const policy = (runtimeIsRoot: boolean, defaultUser = 'nobody') => ({ runtimeIsRoot, defaultUser, passwdFile: passwd, groupFile: group });

describe('resolveUser', () => {
  test.each([
    ['alice', { uid: 1000, gid: 1001 }],
    ['1000', { uid: 1000, gid: 1001 }],
    ['alice:staff', { uid: 1000, gid: 50 }],
    ['1000:50', { uid: 1000, gid: 50 }],
    ['4242', { uid: 4242, gid: 4242 }],
  ])('user %p resolves to %p', (spec, expected) => {
    expect(resolveUser(spec, passwd, group)).toEqual(expected);
  });

  test.each([
    ['bob', 'no user named bob'],
    ['alice:wheel', 'no group named wheel'],
    ['a:b:c', 'is not of the form user, uid, user:group or uid:gid'],
  ])('user %p is refused: %s', (spec, message) => {
    expect(() => resolveUser(spec, passwd, group)).toThrow(message);
  });
});

describe('chooseIdentity', () => {
  test('a root runtime honours the job\'s user', () => {
    expect(chooseIdentity({ user: 'alice', privileged: false }, policy(true))).toEqual({ uid: 1000, gid: 1001 });
  });

  test('a root runtime runs a job without user as the default user, never as root by accident', () => {
    expect(chooseIdentity({ privileged: false }, policy(true))).toEqual({ uid: 65534, gid: 65534 });
  });

  test('root only when asked: user root, an allowed privileged job, or defaultUser root', () => {
    expect(chooseIdentity({ user: 'root', privileged: false }, policy(true))).toBeUndefined();
    expect(chooseIdentity({ privileged: true }, policy(true))).toBeUndefined();
    expect(chooseIdentity({ privileged: false }, policy(true, 'root'))).toBeUndefined();
  });

  test('a runtime that is not root runs every job as itself (user cannot be honoured)', () => {
    expect(chooseIdentity({ user: 'alice', privileged: false }, policy(false))).toBeUndefined();
  });
});
