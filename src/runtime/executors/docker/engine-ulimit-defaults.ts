import * as fs from 'fs';
import { Ulimit } from '../isolation/ulimits';

/** The limits Podman fills in for itself when a `--ulimit` is given, with their `/proc/<pid>/limits` rows. */
const FILLED_IN: ReadonlyArray<readonly [string, string]> = [['nofile', 'Max open files'], ['nproc', 'Max processes']];

/** containers.conf files Podman reads, most specific first (CONTAINERS_CONF replaces them all). */
const CONTAINERS_CONF = ['/etc/containers/containers.conf', '/usr/share/containers/containers.conf'];

/** Where the engine's own limits come from: its containers.conf, else this process's limits. */
export interface LimitSources {
  /** Text of the containers.conf in effect, if any. */
  readonly containersConf?: string;
  /** Text of `/proc/self/limits`, if any. */
  readonly processLimits?: string;
}

/**
 * The job's ulimits plus `nofile` and `nproc` where the job sets other ulimits but not these. Why:
 * once a `--ulimit` is given, Podman 4.3 drops containers.conf's `default_ulimits` and asks for its own
 * maximum of the missing ones, which a host without CAP_SYS_RESOURCE refuses ("error setting rlimit
 * type 6: operation not permitted"). We pass the engine's configured defaults again (its conmon runs
 * with those, so they can be set), else this process's hard limits. Without job ulimits the engine's
 * defaults apply untouched.
 */
export function withEngineUlimitDefaults(ulimits: readonly Ulimit[], sources: LimitSources): Ulimit[] {
  if (ulimits.length === 0) return [...ulimits];
  const configured = configuredUlimits(sources.containersConf ?? '');
  const result = [...ulimits];
  for (const [name, row] of FILLED_IN) {
    if (ulimits.some((ulimit) => ulimit.name === name)) continue;
    const fromConf = configured.find((ulimit) => ulimit.name === name);
    const hard = sources.processLimits === undefined ? undefined : hardLimitOf(sources.processLimits, row);
    if (fromConf) result.push(fromConf);
    else if (hard !== undefined) result.push({ name, softLimit: hard, hardLimit: hard });
  }
  return result;
}

/** `default_ulimits = ["nofile=1024:2048", ...]` of a containers.conf; entries it cannot read are left out. */
export function configuredUlimits(containersConf: string): Ulimit[] {
  const list = /^\s*default_ulimits\s*=\s*\[([^\]]*)\]/m.exec(containersConf)?.[1] ?? '';
  const result: Ulimit[] = [];
  for (const [, name, soft, hard] of list.matchAll(/"(\w+)=(-?\d+)(?::(-?\d+))?"/g)) {
    result.push({ name, softLimit: Number(soft), hardLimit: Number(hard ?? soft) });
  }
  return result;
}

/** The hard limit of one `/proc/self/limits` row; -1 for unlimited, undefined when absent. */
export function hardLimitOf(limitsText: string, row: string): number | undefined {
  const line = limitsText.split('\n').find((candidate) => candidate.startsWith(row));
  const hard = line?.slice(row.length).trim().split(/\s+/)[1];
  if (hard === undefined) return undefined;
  if (hard === 'unlimited') return -1;
  return /^\d+$/.test(hard) ? Number(hard) : undefined;
}

/** The sources on this machine: the first containers.conf that exists, and /proc/self/limits (Linux). */
export function hostLimitSources(): LimitSources {
  const files = process.env.CONTAINERS_CONF ? [process.env.CONTAINERS_CONF] : CONTAINERS_CONF;
  return { containersConf: files.map(readIfPresent).find((text) => text !== undefined), processLimits: readIfPresent('/proc/self/limits') };
}

function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
