import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AttemptWorkspace } from '../../../../src/runtime/executors/workspace/attempt-workspace';

describe('AttemptWorkspace', () => {
  let root: string;
  beforeEach(() => { root = fs.mkdtempSync(path.join(os.tmpdir(), 'workspace-')); });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test('LIFE-6: one directory per job and attempt; array and node ids make valid names', () => {
    const first = new AttemptWorkspace(root, 'job:3', 1);
    const second = new AttemptWorkspace(root, 'job:3', 2);
    expect(first.workDirectory).toBe(path.join(root, 'job_3.1', 'work'));
    expect(second.directory).not.toBe(first.directory);
    expect(first.scratch('data')).toBe(path.join(root, 'job_3.1', 'volumes', 'data'));
    expect(first.efs('fs-1')).toBe(path.join(root, 'efs', 'fs-1'));
    expect(first.ownDirectories).toEqual([path.join(root, 'job_3.1'), path.join(root, 'job_3.1', 'work')]);
  });

  test('PLAT-2: GIVEN two containers of one multi-container attempt WHEN they get workspaces THEN each has its own directory', () => {
    // GIVEN
    const app = new AttemptWorkspace(root, 'job', 1, 'app');
    const sidecar = new AttemptWorkspace(root, 'job', 1, 'side/car');

    // THEN
    expect(app.directory).toBe(path.join(root, 'job.1.app'));
    expect(sidecar.directory).not.toBe(app.directory);
    expect(path.dirname(sidecar.directory)).toBe(root);
  });

  test('PLAT-3: GIVEN two containers of one pod attempt WHEN they mount an emptyDir THEN they share one directory outside their own, which removePodDirectory removes', () => {
    // GIVEN
    const init = new AttemptWorkspace(root, 'job:1', 2, 'init');
    const main = new AttemptWorkspace(root, 'job:1', 2, 'main');
    const mount = { containerPath: '/shared', hostPath: init.pod('shared'), readOnly: false, kind: 'pod' as const };
    init.create([mount], undefined);
    fs.writeFileSync(path.join(init.pod('shared'), 'note'), 'left by init');
    init.remove();

    // WHEN
    const shared = main.pod('shared');
    main.create([{ ...mount, hostPath: shared }], undefined);

    // THEN
    expect(shared).toBe(path.join(AttemptWorkspace.podDirectory(root, 'job:1', 2), 'pod-volumes', 'shared'));
    expect(shared.startsWith(main.directory)).toBe(false);
    expect(fs.readFileSync(path.join(shared, 'note'), 'utf8')).toBe('left by init');
    AttemptWorkspace.removePodDirectory(root, 'job:1', 2);
    expect(fs.existsSync(AttemptWorkspace.podDirectory(root, 'job:1', 2))).toBe(false);
  });

  test('create makes the working, scratch and EFS directories; remove takes the attempt\'s away and keeps EFS', async () => {
    // GIVEN
    const workspace = new AttemptWorkspace(root, 'job', 1);
    const efs = path.join(workspace.efs('fs-1'), 'sub');
    // WHEN
    workspace.create([
      { containerPath: '/scratch', hostPath: workspace.scratch('s'), readOnly: false, kind: 'scratch' },
      { containerPath: '/efs', hostPath: efs, readOnly: false, kind: 'efs' },
    ], undefined);
    // THEN
    expect(fs.statSync(workspace.workDirectory).isDirectory()).toBe(true);
    expect(fs.statSync(workspace.scratch('s')).isDirectory()).toBe(true);
    expect((fs.statSync(efs).mode % 0o10000).toString(8)).toBe('1777');
    await new Promise<void>((resolve) => workspace.remove(resolve));
    expect(fs.existsSync(workspace.directory)).toBe(false);
    expect(fs.existsSync(efs)).toBe(true);
  });

  test('PLAT-3: GIVEN a claim WHEN two jobs\' attempts mount it THEN they share one directory of the claims directory, world-writable and kept after both', async () => {
    // GIVEN
    const claims = path.join(root, 'claims');
    const sources = { persistentVolumesDirectory: claims };
    const first = new AttemptWorkspace(root, 'job-1', 1, 'main', sources);
    const second = new AttemptWorkspace(root, 'job-2', 1, 'main', sources);
    const mount = { containerPath: '/cache', hostPath: first.claim('model-cache'), readOnly: false, kind: 'claim' as const };

    // WHEN
    first.create([mount], undefined);
    fs.writeFileSync(path.join(mount.hostPath, 'weights'), 'w');
    await new Promise<void>((resolve) => first.remove(resolve));
    second.create([{ ...mount, hostPath: second.claim('model-cache') }], undefined);
    await new Promise<void>((resolve) => second.remove(resolve));

    // THEN
    expect(second.claim('model-cache')).toBe(path.join(claims, 'model-cache'));
    expect(fs.readFileSync(path.join(claims, 'model-cache', 'weights'), 'utf8')).toBe('w');
    expect((fs.statSync(path.join(claims, 'model-cache')).mode % 0o10000).toString(8)).toBe('1777');
  });

  test('PLAT-3: GIVEN no claims directory WHEN a claim is mounted THEN it lives under the work root; a secret\'s directory is left as it is', () => {
    // GIVEN
    const workspace = new AttemptWorkspace(root, 'job', 1, 'main');
    const secret = path.join(root, 'secrets', 'db-creds');
    fs.mkdirSync(secret, { recursive: true, mode: 0o700 });
    fs.chmodSync(secret, 0o700);

    // WHEN
    workspace.create([{ containerPath: '/creds', hostPath: secret, readOnly: true, kind: 'secret' }], undefined, true);

    // THEN
    expect(workspace.claim('c')).toBe(path.join(root, 'persistent-volumes', 'c'));
    expect(workspace.secretsDirectory).toBeUndefined();
    expect((fs.statSync(secret).mode % 0o10000).toString(8)).toBe('700');
  });

  test('LIFE-6: remove takes away an attempt that left only its empty working directory', async () => {
    // GIVEN
    const workspace = new AttemptWorkspace(root, 'job', 1);
    workspace.create([], undefined);
    // WHEN
    await new Promise<void>((resolve) => workspace.remove(resolve));
    // THEN
    expect(fs.existsSync(workspace.directory)).toBe(false);
  });

  test('LIFE-6: remove takes away whatever the job left in its working directory, nested too', async () => {
    // GIVEN files and directories the job wrote
    const workspace = new AttemptWorkspace(root, 'job', 1);
    workspace.create([], undefined);
    fs.mkdirSync(path.join(workspace.workDirectory, 'out', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(workspace.workDirectory, 'out', 'deep', 'result.csv'), 'a,b\n');
    fs.writeFileSync(path.join(workspace.directory, 'beside-work.txt'), 'x');
    // WHEN
    await new Promise<void>((resolve) => workspace.remove(resolve));
    // THEN
    expect(fs.existsSync(workspace.directory)).toBe(false);
    expect(fs.readdirSync(root)).toEqual([]);
  });

  test('a host source path that does not exist is created, as docker run -v does', () => {
    const workspace = new AttemptWorkspace(root, 'job', 1);
    const source = path.join(root, 'host', 'data');
    workspace.create([{ containerPath: '/data', hostPath: source, readOnly: false, kind: 'host' }], undefined);
    expect(fs.statSync(source).isDirectory()).toBe(true);
  });

  (process.getuid?.() === 0 ? test : test.skip)('the attempt\'s directories belong to the job\'s user', () => {
    const workspace = new AttemptWorkspace(root, 'job', 1);
    workspace.create([{ containerPath: '/s', hostPath: workspace.scratch('s'), readOnly: false, kind: 'scratch' }], { uid: 65534, gid: 65534 });
    expect(fs.statSync(workspace.workDirectory).uid).toBe(65534);
    expect(fs.statSync(workspace.scratch('s')).gid).toBe(65534);
  });
});
