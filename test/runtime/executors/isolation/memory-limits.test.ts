import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MemoryLimitMode } from '../../../../src';
import { CgroupV2Memory } from '../../../../src/runtime/executors/isolation/cgroup-v2-memory';
import { chooseMemoryMechanism, findOnPath, MemoryProbe } from '../../../../src/runtime/executors/isolation/memory-limits';

const cgroups = {} as CgroupV2Memory;
const probe = (hasCgroups: boolean, prlimit?: string): MemoryProbe => ({ cgroups: () => (hasCgroups ? cgroups : undefined), prlimit: () => prlimit });

describe('chooseMemoryMechanism', () => {
  test('AUTO prefers a cgroup v2, then RLIMIT_DATA with prlimit, then nothing', () => {
    expect(chooseMemoryMechanism(MemoryLimitMode.AUTO, probe(true, '/usr/bin/prlimit'))).toEqual({ kind: 'cgroup', cgroups });
    expect(chooseMemoryMechanism(MemoryLimitMode.AUTO, probe(false, '/usr/bin/prlimit'))).toEqual({ kind: 'rlimit', resource: 'data', prlimit: '/usr/bin/prlimit' });
    expect(chooseMemoryMechanism(MemoryLimitMode.AUTO, probe(false))).toEqual({ kind: 'none' });
  });

  test('an explicit mode gives that mechanism or an error saying what is missing', () => {
    expect(chooseMemoryMechanism(MemoryLimitMode.ADDRESS_SPACE, probe(true, '/p'))).toEqual({ kind: 'rlimit', resource: 'as', prlimit: '/p' });
    expect(chooseMemoryMechanism(MemoryLimitMode.NONE, probe(true, '/p'))).toEqual({ kind: 'none' });
    expect(() => chooseMemoryMechanism(MemoryLimitMode.CGROUP_V2, probe(false, '/p'))).toThrow('no writable cgroup v2 with the memory controller');
    expect(() => chooseMemoryMechanism(MemoryLimitMode.DATA_SEGMENT, probe(true))).toThrow('DATA_SEGMENT needs prlimit');
  });
});

describe('findOnPath', () => {
  test('finds the first executable file of that name, skipping directories and non-executables', () => {
    // GIVEN
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'find-on-path-'));
    const [a, b, c] = ['a', 'b', 'c'].map((d) => path.join(root, d));
    fs.mkdirSync(path.join(a, 'tool'), { recursive: true });
    fs.mkdirSync(b);
    fs.writeFileSync(path.join(b, 'tool'), '', { mode: 0o644 });
    fs.mkdirSync(c);
    fs.writeFileSync(path.join(c, 'tool'), '#!/bin/sh\n', { mode: 0o755 });
    // WHEN / THEN
    try {
      if (process.getuid?.() !== 0) expect(findOnPath('tool', [a, b, c].join(path.delimiter))).toBe(path.join(c, 'tool'));
      expect(findOnPath('tool', [a, c].join(path.delimiter))).toBe(path.join(c, 'tool'));
      expect(findOnPath('missing-tool', [a, b, c].join(path.delimiter))).toBeUndefined();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
