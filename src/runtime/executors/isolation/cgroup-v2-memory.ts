import * as fs from 'fs';
import * as path from 'path';

/** One attempt's cgroup: the job's whole process tree, limited to its memory. */
export interface CgroupLeaf {
  readonly directory: string;
  /** The `cgroup.procs` file: writing a pid there moves that process (and its future children) in. */
  readonly procsFile: string;
  /** Whether the kernel OOM-killed a process of the cgroup (memory.events `oom_kill`). */
  oomKilled(): boolean;
  /** Kills every process of the cgroup (cgroup.kill, Linux >= 5.14); false where unsupported. */
  killAll(): boolean;
  /** Removes the cgroup once it is empty. */
  remove(): void;
}

/**
 * Memory limits through cgroup v2: a parent cgroup for this runtime process under its own cgroup,
 * with the memory controller enabled for its children, and one child per attempt with
 * `memory.max` = the job's memory and `memory.swap.max` = 0 (a Batch container's memory is a hard
 * limit). Needs write access to the runtime's cgroup (root, or a delegated systemd scope).
 */
export class CgroupV2Memory {
  /** A usable cgroup v2 parent for this process, or undefined (no cgroup2 mount, no memory controller, no write access). */
  static detect(procSelf: string = '/proc/self'): CgroupV2Memory | undefined {
    try {
      const mount = fs.readFileSync(path.join(procSelf, 'mounts'), 'utf8').split('\n')
        .map((line) => line.split(' ')).find((fields) => fields[2] === 'cgroup2');
      const own = fs.readFileSync(path.join(procSelf, 'cgroup'), 'utf8').split('\n').find((line) => line.startsWith('0::'));
      if (!mount || own === undefined) return undefined;
      const parent = path.join(mount[1], own.slice(3).trim());
      return CgroupV2Memory.prepare(parent, `cdk-batch-kit-${process.pid}`);
    } catch {
      return undefined;
    }
  }

  /** Creates `name` under `parent` with the memory controller for its children, or undefined if the kernel refuses. */
  static prepare(parent: string, name: string): CgroupV2Memory | undefined {
    const base = path.join(parent, name);
    try {
      if (!controllers(path.join(parent, 'cgroup.subtree_control')).includes('memory')) {
        fs.writeFileSync(path.join(parent, 'cgroup.subtree_control'), '+memory');
        if (!controllers(path.join(parent, 'cgroup.subtree_control')).includes('memory')) return undefined;
      }
      fs.mkdirSync(base, { recursive: true });
      fs.writeFileSync(path.join(base, 'cgroup.subtree_control'), '+memory');
      process.once('exit', () => removeQuietly(base));
      return new CgroupV2Memory(base);
    } catch {
      removeQuietly(base);
      return undefined;
    }
  }

  private constructor(readonly base: string) {}

  /** A cgroup for one attempt, limited to `memoryBytes` with no swap. */
  createLeaf(name: string, memoryBytes: number): CgroupLeaf {
    const directory = path.join(this.base, name);
    fs.mkdirSync(directory);
    fs.writeFileSync(path.join(directory, 'memory.max'), String(memoryBytes));
    try {
      fs.writeFileSync(path.join(directory, 'memory.swap.max'), '0');
    } catch {
      // Swap accounting is off: there is no swap to forbid.
    }
    return {
      directory,
      procsFile: path.join(directory, 'cgroup.procs'),
      oomKilled: () => {
        try {
          const events = fs.readFileSync(path.join(directory, 'memory.events'), 'utf8');
          return /^oom_kill (\d+)$/m.test(events) && Number(/^oom_kill (\d+)$/m.exec(events)![1]) > 0;
        } catch {
          return false;
        }
      },
      killAll: () => {
        const killFile = path.join(directory, 'cgroup.kill');
        if (!fs.existsSync(killFile)) return false;
        fs.writeFileSync(killFile, '1');
        return true;
      },
      remove: () => removeQuietly(directory),
    };
  }
}

function controllers(file: string): string[] {
  return fs.readFileSync(file, 'utf8').trim().split(/\s+/);
}

/** rmdir: a cgroup directory is removed with rmdir (its control files go with it); a fake one may hold files. */
function removeQuietly(directory: string): void {
  try {
    fs.rmdirSync(directory);
  } catch {
    try {
      // Not a real cgroup (tests use a plain directory), or not empty yet: leave real cgroups alone.
      if (!fs.existsSync(path.join(directory, 'cgroup.events'))) fs.rmSync(directory, { recursive: true, force: true });
    } catch {
      // Nothing more to do: a leftover empty cgroup costs nothing.
    }
  }
}
