import { LaunchFailure } from '../common/launch-failure';

/** A container ulimit, as job definitions give it (`ulimits[]`). */
export interface Ulimit {
  readonly name: string;
  readonly softLimit: number;
  readonly hardLimit: number;
}

/** The ulimit names Docker and ECS accept; each is also a `prlimit` option of the same name. */
export const ULIMIT_NAMES: readonly string[] = [
  'core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice',
  'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack',
];

/** Reads and checks the container's `ulimits`: known names, integer limits, soft <= hard (-1 = unlimited). */
export function readUlimits(value: unknown): Ulimit[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new LaunchFailure(`ulimits: ${JSON.stringify(value)} is not a list`);
  return value.map((entry, index) => {
    const { name, softLimit, hardLimit } = (entry ?? {}) as Partial<Ulimit>;
    const field = `ulimits[${index}]`;
    if (typeof name !== 'string' || !ULIMIT_NAMES.includes(name)) {
      throw new LaunchFailure(`${field}.name: ${JSON.stringify(name)} is not a ulimit name; expected one of ${ULIMIT_NAMES.join(', ')}`);
    }
    for (const [key, limit] of [['softLimit', softLimit], ['hardLimit', hardLimit]] as const) {
      if (!Number.isInteger(limit) || limit! < -1) {
        throw new LaunchFailure(`${field}.${key}: ${JSON.stringify(limit)} for ${name} must be an integer >= 0 (or -1 for unlimited)`);
      }
    }
    if (hardLimit !== -1 && (softLimit === -1 || softLimit! > hardLimit!)) {
      throw new LaunchFailure(`${field}.softLimit: ${softLimit} for ${name} is above its hardLimit ${hardLimit}`);
    }
    return { name, softLimit: softLimit!, hardLimit: hardLimit! };
  });
}

/** `--nofile=1024:4096` style options of `prlimit` (`docker run --ulimit` takes `nofile=1024:4096`). */
export function ulimitValue(ulimit: Ulimit): string {
  const show = (limit: number): string => (limit === -1 ? 'unlimited' : String(limit));
  return `${show(ulimit.softLimit)}:${show(ulimit.hardLimit)}`;
}
