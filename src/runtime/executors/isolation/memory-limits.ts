import * as fs from 'fs';
import * as path from 'path';
import { CgroupV2Memory } from './cgroup-v2-memory';
import { MemoryLimitMode } from '../process/process-executor-props';

/** The mechanism chosen for a runner, once: probing the system per job would cost more than the job. */
export type MemoryMechanism =
  | { readonly kind: 'cgroup'; readonly cgroups: CgroupV2Memory }
  | { readonly kind: 'rlimit'; readonly resource: 'data' | 'as'; readonly prlimit: string }
  | { readonly kind: 'none' };

export interface MemoryProbe {
  /** Finds a usable cgroup v2 parent, if any. */
  cgroups(): CgroupV2Memory | undefined;
  /** The path of `prlimit`, if installed. */
  prlimit(): string | undefined;
}

/** Picks the memory mechanism for `mode`; an explicit mode that is unavailable is an error, AUTO falls back. */
export function chooseMemoryMechanism(mode: MemoryLimitMode, probe: MemoryProbe): MemoryMechanism {
  switch (mode) {
    case MemoryLimitMode.NONE:
      return { kind: 'none' };
    case MemoryLimitMode.CGROUP_V2: {
      const cgroups = probe.cgroups();
      if (!cgroups) {
        throw new Error('memoryLimit: CGROUP_V2 was asked for, but no writable cgroup v2 with the memory controller was found; use AUTO, DATA_SEGMENT or NONE');
      }
      return { kind: 'cgroup', cgroups };
    }
    case MemoryLimitMode.DATA_SEGMENT:
    case MemoryLimitMode.ADDRESS_SPACE: {
      const prlimit = probe.prlimit();
      if (!prlimit) throw new Error(`memoryLimit: ${mode} needs prlimit (util-linux), which is not on PATH`);
      return { kind: 'rlimit', resource: mode === MemoryLimitMode.DATA_SEGMENT ? 'data' : 'as', prlimit };
    }
    case MemoryLimitMode.AUTO: {
      const cgroups = probe.cgroups();
      if (cgroups) return { kind: 'cgroup', cgroups };
      const prlimit = probe.prlimit();
      return prlimit ? { kind: 'rlimit', resource: 'data', prlimit } : { kind: 'none' };
    }
    default:
      throw new Error(`memoryLimit: unknown mode ${JSON.stringify(mode)}; expected one of ${Object.values(MemoryLimitMode).join(', ')}`);
  }
}

/** The system probe: cgroup v2 from /proc, prlimit from PATH. */
export const SYSTEM_MEMORY_PROBE: MemoryProbe = {
  cgroups: () => CgroupV2Memory.detect(),
  prlimit: () => findOnPath('prlimit'),
};

/** The first executable `name` in PATH, like execvp's search. */
export function findOnPath(name: string, searchPath: string = process.env.PATH ?? ''): string | undefined {
  for (const directory of searchPath.split(path.delimiter)) {
    if (directory === '') continue;
    const candidate = path.join(directory, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
