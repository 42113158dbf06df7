import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HostProcessOutcome } from '../../../../src/runtime/executors/process/host-process';
import { DirectLauncher } from '../../../../src/runtime/executors/process/process-launcher';

describe('DirectLauncher', () => {
  const options = (extra: { cgroupProcs?: string } = {}) => {
    let done: (outcome: HostProcessOutcome) => void = () => undefined;
    const outcome = new Promise<HostProcessOutcome>((resolve) => { done = resolve; });
    return { outcome, options: { file: 'sleep', args: ['300'], env: { PATH: process.env.PATH! }, onLine: () => undefined, onExit: done, ...extra } };
  };

  test('moves the started process into its cgroup with the given pid', async () => {
    // GIVEN
    const moves: Array<[string, number]> = [];
    const launcher = new DirectLauncher((file, pid) => moves.push([file, pid]));
    const { outcome, options: launchOptions } = options({ cgroupProcs: '/fake/cgroup.procs' });
    // WHEN
    const launched = launcher.launch(launchOptions);
    // THEN
    expect(moves).toHaveLength(1);
    expect(moves[0][0]).toBe('/fake/cgroup.procs');
    expect(moves[0][1]).toBeGreaterThan(0);
    launched.signalGroup('SIGKILL');
    expect(await outcome).toEqual({ exitCode: 137, signal: 'SIGKILL' });
  });

  test('a process that cannot join its cgroup is killed and the launch throws', async () => {
    // GIVEN
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'launcher-'));
    const launcher = new DirectLauncher((file, pid) => fs.writeFileSync(file, String(pid)));
    const { outcome, options: launchOptions } = options({ cgroupProcs: path.join(directory, 'missing', 'cgroup.procs') });
    // WHEN / THEN
    expect(() => launcher.launch(launchOptions)).toThrow(/ENOENT/);
    expect(await outcome).toEqual({ exitCode: 137, signal: 'SIGKILL' });
    fs.rmSync(directory, { recursive: true, force: true });
  });
});
