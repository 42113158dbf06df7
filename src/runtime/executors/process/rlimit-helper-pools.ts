import * as fs from 'fs';
import { ProcessLauncher } from './process-launcher';
import { SpawnHelperPool } from './spawn-helper-pool';
import { HelperProgram, nodeHelperProgram } from './spawn-helper-program';

/** Launchers whose jobs start under a memory rlimit without a `prlimit` exec of their own. */
export interface InheritedLimitLaunchers {
  /** A launcher whose jobs inherit RLIMIT_DATA = `bytes`, or undefined where the job must set it itself. */
  launcherFor(bytes: number): ProcessLauncher | undefined;
}

export interface RlimitHelperPoolsOptions {
  /** The path of `prlimit`. */
  readonly prlimit: string;
  /** Helpers per limit (see SpawnHelperPool). */
  readonly helpersPerLimit: number;
  /** The helper program. @default - the Node.js helper */
  readonly program?: HelperProgram;
  /**
   * Below this limit jobs get their own `prlimit`: the helper must live under the limit it passes on.
   * @default - the program's minimumDataLimitBytes (256 MiB for the Node.js helper, 64 MiB for Perl's)
   */
  readonly minimumBytes?: number;
  /**
   * How many distinct limits have helpers at once; a new limit takes the place of the least recently
   * used idle one, and with none idle its jobs get their own `prlimit`.
   * @default 4
   */
  readonly maximumLimits?: number;
  /** The hard RLIMIT_DATA the runtime runs under (helpers cannot raise it; prlimit would fail). */
  readonly hardLimitBytes?: number;
}

/**
 * Spawn helper pools keyed by memory limit, each helper started as `prlimit --data=N -- <helper>`:
 * an rlimit survives fork and exec, so every job the helper starts runs under N with no exec of
 * `prlimit` per job (which, on a host without a writable cgroup v2, doubled the cost of a short job).
 * Only RLIMIT_DATA: V8 reserves about 1 GiB of address space at start, so an RLIMIT_AS helper would
 * not start under a job-sized limit.
 */
export class RlimitHelperPools implements InheritedLimitLaunchers {
  /** In order of last use, least recent first (a Map keeps insertion order). */
  private readonly pools = new Map<number, SpawnHelperPool>();
  private readonly minimumBytes: number;
  private readonly maximumLimits: number;
  private readonly hardLimitBytes: number;
  private readonly program: HelperProgram;

  constructor(private readonly options: RlimitHelperPoolsOptions) {
    this.program = options.program ?? nodeHelperProgram();
    this.minimumBytes = options.minimumBytes ?? this.program.minimumDataLimitBytes;
    this.maximumLimits = options.maximumLimits ?? 4;
    this.hardLimitBytes = options.hardLimitBytes ?? hardDataLimit();
  }

  /** The limits that have helpers now, least recently used first (diagnostics). */
  get limits(): number[] {
    return [...this.pools.keys()];
  }

  launcherFor(bytes: number): ProcessLauncher | undefined {
    if (!Number.isSafeInteger(bytes) || bytes < this.minimumBytes || bytes > this.hardLimitBytes) return undefined;
    let pool = this.pools.get(bytes);
    if (pool) {
      this.pools.delete(bytes);
    } else {
      if (this.pools.size >= this.maximumLimits && !this.closeOneIdle()) return undefined;
      pool = new SpawnHelperPool(this.options.helpersPerLimit, this.program, [this.options.prlimit, `--data=${bytes}`, '--']);
    }
    this.pools.set(bytes, pool);
    return pool;
  }

  private closeOneIdle(): boolean {
    for (const [bytes, pool] of this.pools) {
      if (pool.closeIfIdle()) {
        this.pools.delete(bytes);
        return true;
      }
    }
    return false;
  }
}

/** The hard RLIMIT_DATA of this process from /proc/self/limits; 0 (never inherit) where unreadable. */
export function hardDataLimit(limitsFile = '/proc/self/limits'): number {
  try {
    const line = fs.readFileSync(limitsFile, 'utf8').split('\n').find((l) => l.startsWith('Max data size'));
    const hard = line?.slice('Max data size'.length).trim().split(/\s+/)[1];
    if (hard === 'unlimited') return Number.POSITIVE_INFINITY;
    return hard !== undefined && /^\d+$/.test(hard) ? Number(hard) : 0;
  } catch {
    return 0;
  }
}
