import { HostProcessOutcome } from '../../../../src/runtime/executors/process/host-process';
import { LaunchOptions } from '../../../../src/runtime/executors/process/process-launcher';
import { SpawnHelperPool } from '../../../../src/runtime/executors/process/spawn-helper-pool';

function launch(pool: SpawnHelperPool, file: string, args: string[], extra: Partial<LaunchOptions> = {}) {
  const lines: Array<[string, string]> = [];
  let done: (outcome: HostProcessOutcome) => void = () => undefined;
  const outcome = new Promise<HostProcessOutcome>((resolve) => { done = resolve; });
  const launched = pool.launch({
    file, args, env: { PATH: process.env.PATH! }, onLine: (line, stream) => lines.push([stream, line]), onExit: done, ...extra,
  });
  return { lines, process: launched, outcome };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('SpawnHelperPool', () => {
  test('LIFE-2: jobs that run at the same time start from different helpers, each with its own lines and exit code', async () => {
    // GIVEN a pool of two
    const pool = new SpawnHelperPool(2);

    // WHEN two jobs run at once
    const first = launch(pool, 'sh', ['-c', 'echo first; sleep 300']);
    const second = launch(pool, 'sh', ['-c', 'echo second; exit 4']);

    // THEN
    expect(await second.outcome).toEqual({ exitCode: 4 });
    expect(second.lines).toEqual([['stdout', 'second']]);
    expect(pool.helperPids).toHaveLength(2);
    await until(() => first.lines.length > 0); // on a busy machine the first job may not have echoed yet: signal it after
    first.process.signalGroup('SIGTERM');
    expect(await first.outcome).toEqual({ exitCode: 143, signal: 'SIGTERM' });
    expect(first.lines).toEqual([['stdout', 'first']]);
  });

  test('one job at a time uses one helper: idle helpers are never started', async () => {
    // GIVEN
    const pool = new SpawnHelperPool(4);

    // WHEN jobs run one after the other
    for (const code of [0, 1, 2]) {
      expect(await launch(pool, 'sh', ['-c', `exit ${code}`]).outcome).toEqual({ exitCode: code });
    }

    // THEN
    expect(pool.helperPids).toHaveLength(1);
  });

  test('TIME-2: a signal goes to the job it was sent for, through the helper that started it', async () => {
    // GIVEN two running jobs on two helpers
    const pool = new SpawnHelperPool(2);
    const a = launch(pool, 'sh', ['-c', 'echo ready; sleep 300']);
    const b = launch(pool, 'sh', ['-c', 'echo ready; sleep 300']);
    await until(() => a.lines.length > 0 && b.lines.length > 0);

    // WHEN only b is killed
    b.process.signalGroup('SIGKILL');

    // THEN b ends by that signal and a still runs until it is killed too
    expect(await b.outcome).toEqual({ exitCode: 137, signal: 'SIGKILL' });
    let aDone = false;
    void a.outcome.then(() => { aDone = true; });
    await new Promise((resolve) => setImmediate(resolve));
    expect(aDone).toBe(false);
    a.process.signalGroup('SIGKILL');
    expect(await a.outcome).toEqual({ exitCode: 137, signal: 'SIGKILL' });
  });

  test('a pool size that is not a positive integer is rejected with the value', () => {
    expect(() => new SpawnHelperPool(0)).toThrow('spawn helper pool size is invalid: 0; expected an integer >= 1');
    expect(() => new SpawnHelperPool(1.5)).toThrow(/invalid: 1.5/);
  });
});
