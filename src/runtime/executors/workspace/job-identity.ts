import * as fs from 'fs';
import { LaunchFailure } from '../common/launch-failure';

/** A numeric user and group to run a job process as. */
export interface JobIdentity {
  readonly uid: number;
  readonly gid: number;
}

export interface IdentityRequest {
  /** The container's `user`: `name`, `uid`, `name:group` or `uid:gid`. */
  readonly user?: string;
  readonly privileged: boolean;
}

export interface IdentityPolicy {
  /** Whether the runtime runs as root (only root can run a process as another user). */
  readonly runtimeIsRoot: boolean;
  /** Who jobs without `user` run as when the runtime is root; 'root' = the runtime's user. */
  readonly defaultUser: string;
  readonly passwdFile?: string;
  readonly groupFile?: string;
}

/**
 * Decides the user a job process runs as; undefined = the runtime's own user. The job's `user` is
 * honoured only when the runtime runs as root; a root runtime runs jobs without `user` as the default
 * user ('nobody'), so nothing runs as root unless the job asked for it (`user: root`, or an allowed
 * `privileged`).
 */
export function chooseIdentity(request: IdentityRequest, policy: IdentityPolicy): JobIdentity | undefined {
  if (!policy.runtimeIsRoot) return undefined;
  const wanted = request.user ?? (request.privileged ? 'root' : policy.defaultUser);
  const identity = resolveUser(wanted, policy.passwdFile ?? '/etc/passwd', policy.groupFile ?? '/etc/group');
  return identity.uid === 0 && identity.gid === 0 ? undefined : identity;
}

/** `name`, `uid`, `name:group`, `uid:gid` to numbers, from the passwd and group files. */
export function resolveUser(spec: string, passwdFile: string, groupFile: string): JobIdentity {
  const [userPart, groupPart, ...extra] = spec.split(':');
  if (extra.length > 0 || userPart === '') {
    throw new LaunchFailure(`user: ${JSON.stringify(spec)} is not of the form user, uid, user:group or uid:gid`);
  }
  const users = readDatabase(passwdFile);
  const byUser = /^\d+$/.test(userPart)
    ? users.find((entry) => entry[2] === userPart)
    : users.find((entry) => entry[0] === userPart);
  if (!byUser && !/^\d+$/.test(userPart)) {
    throw new LaunchFailure(`user: ${JSON.stringify(spec)}: no user named ${userPart} in ${passwdFile}`);
  }
  const uid = Number(byUser ? byUser[2] : userPart);
  let gid: number;
  if (groupPart === undefined || groupPart === '') {
    // A uid without a passwd entry gets its own number as gid rather than Docker's 0: never the root group by accident.
    gid = byUser ? Number(byUser[3]) : uid;
  } else if (/^\d+$/.test(groupPart)) {
    gid = Number(groupPart);
  } else {
    const group = readDatabase(groupFile).find((entry) => entry[0] === groupPart);
    if (!group) throw new LaunchFailure(`user: ${JSON.stringify(spec)}: no group named ${groupPart} in ${groupFile}`);
    gid = Number(group[2]);
  }
  return { uid, gid };
}

const databases = new Map<string, string[][]>();

/** The colon-separated entries of /etc/passwd or /etc/group, read once per file. */
function readDatabase(file: string): string[][] {
  let entries = databases.get(file);
  if (!entries) {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      // No such file: only numeric ids can be resolved.
    }
    entries = text.split('\n').filter((line) => line !== '' && !line.startsWith('#')).map((line) => line.split(':'));
    databases.set(file, entries);
  }
  return entries;
}
