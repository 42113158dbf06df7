import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findOnPath } from '../../../../src/runtime/executors/isolation/memory-limits';
import { HostProcessOutcome } from '../../../../src/runtime/executors/process/host-process';
import { ProcessLauncher } from '../../../../src/runtime/executors/process/process-launcher';
import { hardDataLimit, RlimitHelperPools } from '../../../../src/runtime/executors/process/rlimit-helper-pools';
import { SpawnHelperPool } from '../../../../src/runtime/executors/process/spawn-helper-pool';

const prlimit = findOnPath('prlimit');
const MiB = 1024 * 1024;

function run(launcher: ProcessLauncher, file: string, args: string[]): Promise<{ outcome: HostProcessOutcome; lines: string[] }> {
  const lines: string[] = [];
  return new Promise((resolve) => {
    launcher.launch({
      file, args, env: { PATH: process.env.PATH! }, onLine: (line) => lines.push(line), onExit: (outcome) => resolve({ outcome, lines }),
    });
  });
}

describe('RlimitHelperPools', () => {
  test('LIM-9: below the minimum, or above the hard limit the runtime runs under, a job sets its own limit (no launcher)', () => {
    // GIVEN
    const pools = new RlimitHelperPools({ prlimit: '/usr/bin/prlimit', helpersPerLimit: 1, hardLimitBytes: 4096 * MiB });
    // THEN
    expect(pools.launcherFor(128 * MiB)).toBeUndefined();
    expect(pools.launcherFor(8192 * MiB)).toBeUndefined();
    expect(pools.launcherFor(256 * MiB)).toBeDefined();
    expect(pools.limits).toEqual([256 * MiB]);
  });

  test('LIM-9: one pool per limit, reused; beyond the maximum an idle pool makes room, least recently used first', () => {
    // GIVEN
    const pools = new RlimitHelperPools({ prlimit: '/usr/bin/prlimit', helpersPerLimit: 1, maximumLimits: 2, hardLimitBytes: Number.POSITIVE_INFINITY });
    const first = pools.launcherFor(512 * MiB);
    pools.launcherFor(1024 * MiB);
    // WHEN the first limit is used again, then a third one comes
    expect(pools.launcherFor(512 * MiB)).toBe(first);
    pools.launcherFor(2048 * MiB);
    // THEN the least recently used (1024 MiB) made room
    expect(pools.limits).toEqual([512 * MiB, 2048 * MiB]);
  });

  (prlimit ? test : test.skip)('LIM-9: a job started by a limited helper runs under the limit (soft and hard), with no prlimit of its own; a busy pool is not closed', async () => {
    // GIVEN
    const pools = new RlimitHelperPools({ prlimit: prlimit!, helpersPerLimit: 1, maximumLimits: 1, hardLimitBytes: Number.POSITIVE_INFINITY });
    const launcher = pools.launcherFor(300 * MiB)!;
    // WHEN a long job holds the pool, another limit finds no room
    const sleeper = run(launcher, 'sleep', ['20']);
    expect(pools.launcherFor(400 * MiB)).toBeUndefined();
    // THEN a job of the pool sees the limit
    const { outcome, lines } = await run(launcher, 'cat', ['/proc/self/limits']);
    expect(outcome).toEqual({ exitCode: 0 });
    expect(lines.find((line) => line.startsWith('Max data size'))?.split(/\s+/).slice(3, 5)).toEqual([String(300 * MiB), String(300 * MiB)]);
    // AND a job that allocates more than the limit fails inside the job
    const over = await run(launcher, process.execPath, ['-e', 'const a = []; for (let i = 0; i < 40; i++) a.push(Buffer.alloc(10 * 1024 * 1024, 1)); console.log("allocated")']);
    expect(over.outcome.exitCode).not.toBe(0);
    expect(over.lines).not.toContain('allocated');
    // AND a helper that dies fails its running job clearly
    for (const pid of (launcher as SpawnHelperPool).helperPids) process.kill(pid, 'SIGKILL');
    expect((await sleeper).outcome.lostReason).toMatch(/spawn helper process exited/);
  });

  test('hardDataLimit: reads the hard column of Max data size; unreadable is 0 (never inherit)', () => {
    // GIVEN
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'limits-'));
    const file = path.join(directory, 'limits');
    try {
      fs.writeFileSync(file, 'Limit                     Soft Limit           Hard Limit           Units\nMax data size             unlimited            unlimited            bytes\n');
      expect(hardDataLimit(file)).toBe(Number.POSITIVE_INFINITY);
      fs.writeFileSync(file, 'Max data size             1048576              2097152              bytes\n');
      expect(hardDataLimit(file)).toBe(2097152);
      expect(hardDataLimit(path.join(directory, 'missing'))).toBe(0);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
