import { spawnSync } from 'child_process';
import { SpawnHelperProgram } from './process-executor-props';
import { SPAWN_HELPER_PERL_SOURCE } from './spawn-helper-perl-source';
import { SPAWN_HELPER_SOURCE } from './spawn-helper-source';
import { LaunchFailure } from '../common/launch-failure';
import { findOnPath } from '../isolation/memory-limits';

const MiB = 1024 * 1024;

/** A spawn helper program: how to start it, and what it needs. Both speak spawn-helper-protocol.ts. */
export interface HelperProgram {
  readonly kind: 'perl' | 'node';
  /** The argv that starts the helper. */
  readonly argv: readonly string[];
  /**
   * The least RLIMIT_DATA the helper itself runs well under (RlimitHelperPools starts helpers under
   * their jobs' limit): a Perl helper maps about 5 MiB and holds at most a few lines of each job's
   * output; a Node.js helper about 75 MiB of data segment after 3,000 spawns.
   */
  readonly minimumDataLimitBytes: number;
}

/** The Node.js helper, run by this process's own `node`. */
export function nodeHelperProgram(): HelperProgram {
  return { kind: 'node', argv: [process.execPath, '-e', SPAWN_HELPER_SOURCE], minimumDataLimitBytes: 256 * MiB };
}

/** The Perl helper, run by `perl` at the given path. */
export function perlHelperProgram(perl: string): HelperProgram {
  return { kind: 'perl', argv: [perl, '-e', SPAWN_HELPER_PERL_SOURCE], minimumDataLimitBytes: 64 * MiB };
}

/** How a helper program is found (replaceable in tests). */
export interface HelperProgramProbe {
  /** The path of a `perl` that has the modules the helper uses, or undefined. */
  usablePerl(): string | undefined;
}

/** Looks for `perl` on PATH and checks, once, that it loads what the helper uses. */
export const DEFAULT_HELPER_PROGRAM_PROBE: HelperProgramProbe = {
  usablePerl: () => {
    const perl = findOnPath('perl');
    if (!perl) return undefined;
    // What the helper loads: POSIX's compiled part (perl-base has it; a partial Perl may not).
    const check = spawnSync(perl, ['-e', 'require XSLoader; XSLoader::load("POSIX"); exit(defined(&POSIX::setsid) ? 0 : 1)'], { stdio: 'ignore', env: {}, timeout: 10_000 });
    return check.status === 0 ? perl : undefined;
  },
};

/**
 * The helper program for `choice`: AUTO takes Perl when a usable one is installed (it is on every
 * Debian and Ubuntu, as perl-base) and the Node.js helper otherwise; PERL without a usable Perl is an
 * error that says what is missing.
 */
export function chooseHelperProgram(choice: SpawnHelperProgram, probe: HelperProgramProbe = DEFAULT_HELPER_PROGRAM_PROBE): HelperProgram {
  if (choice === SpawnHelperProgram.NODE) return nodeHelperProgram();
  const perl = probe.usablePerl();
  if (perl) return perlHelperProgram(perl);
  if (choice === SpawnHelperProgram.PERL) {
    throw new LaunchFailure('spawnHelper PERL: no usable perl on PATH (it needs the POSIX module of perl-base); use SpawnHelperProgram.AUTO or NODE');
  }
  return nodeHelperProgram();
}
