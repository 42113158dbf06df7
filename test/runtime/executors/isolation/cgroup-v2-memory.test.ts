import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CgroupV2Memory } from '../../../../src/runtime/executors/isolation/cgroup-v2-memory';

/** A directory laid out like a cgroup v2 hierarchy: the kernel's files are plain files here. */
function fakeHierarchy(subtreeControl: string): { root: string; procSelf: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cgroup-'));
  const own = path.join(root, 'mnt', 'user.slice');
  fs.mkdirSync(own, { recursive: true });
  fs.writeFileSync(path.join(own, 'cgroup.subtree_control'), subtreeControl);
  const procSelf = path.join(root, 'proc');
  fs.mkdirSync(procSelf);
  fs.writeFileSync(path.join(procSelf, 'mounts'), `proc /proc proc rw 0 0\ncgroup2 ${path.join(root, 'mnt')} cgroup2 rw,nosuid 0 0\n`);
  fs.writeFileSync(path.join(procSelf, 'cgroup'), '0::/user.slice\n');
  return { root, procSelf };
}

describe('CgroupV2Memory', () => {
  let root: string;
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test('detect finds the runtime\'s cgroup from /proc and makes its own parent with the memory controller', () => {
    // GIVEN
    const hierarchy = fakeHierarchy('cpu memory pids\n');
    root = hierarchy.root;
    // WHEN
    const cgroups = CgroupV2Memory.detect(hierarchy.procSelf);
    // THEN
    expect(cgroups?.base).toBe(path.join(root, 'mnt', 'user.slice', `cdk-batch-kit-${process.pid}`));
    expect(fs.readFileSync(path.join(cgroups!.base, 'cgroup.subtree_control'), 'utf8')).toBe('+memory');
  });

  test('detect gives up when the memory controller cannot be enabled (memory then falls back to rlimits)', () => {
    const hierarchy = fakeHierarchy('cpu pids\n');
    root = hierarchy.root;
    expect(CgroupV2Memory.detect(hierarchy.procSelf)).toBeUndefined();
  });

  test('detect gives up without a cgroup2 mount', () => {
    const hierarchy = fakeHierarchy('memory\n');
    root = hierarchy.root;
    fs.writeFileSync(path.join(hierarchy.procSelf, 'mounts'), 'proc /proc proc rw 0 0\n');
    expect(CgroupV2Memory.detect(hierarchy.procSelf)).toBeUndefined();
  });

  test('a leaf per attempt: memory.max = the job\'s memory, no swap, its cgroup.procs file, OOM kills read back', () => {
    // GIVEN
    const hierarchy = fakeHierarchy('memory\n');
    root = hierarchy.root;
    const cgroups = CgroupV2Memory.detect(hierarchy.procSelf)!;
    // WHEN
    const leaf = cgroups.createLeaf('job-1', 256 * 1024 * 1024);
    // THEN
    const read = (file: string): string => fs.readFileSync(path.join(leaf.directory, file), 'utf8');
    expect(read('memory.max')).toBe('268435456');
    expect(read('memory.swap.max')).toBe('0');
    expect(leaf.procsFile).toBe(path.join(leaf.directory, 'cgroup.procs'));
    expect(leaf.oomKilled()).toBe(false);
    fs.writeFileSync(path.join(leaf.directory, 'memory.events'), 'low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n');
    expect(leaf.oomKilled()).toBe(true);
    expect(leaf.killAll()).toBe(false); // no cgroup.kill file: an older kernel
    leaf.remove();
    expect(fs.existsSync(leaf.directory)).toBe(false);
  });
});
