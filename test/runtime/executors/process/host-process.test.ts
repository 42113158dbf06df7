import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HostProcess, HostProcessOutcome } from '../../../../src/runtime/executors/process/host-process';

function start(file: string, args: string[]): { lines: string[]; process: HostProcess; outcome: Promise<HostProcessOutcome> } {
  const lines: string[] = [];
  let done: (outcome: HostProcessOutcome) => void = () => undefined;
  const outcome = new Promise<HostProcessOutcome>((resolve) => { done = resolve; });
  const hostProcess = new HostProcess({ file, args, env: { PATH: process.env.PATH! }, onLine: (line) => lines.push(line), onExit: done });
  return { lines, process: hostProcess, outcome };
}

/** Whether the process still runs; a killed process waiting to be reaped by init (a zombie) does not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  return !fs.existsSync(stat) || fs.readFileSync(stat, 'utf8').split(' ')[2] !== 'Z';
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('HostProcess', () => {
  let directory: string;
  beforeEach(() => { directory = fs.mkdtempSync(path.join(os.tmpdir(), 'host-process-')); });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('LIFE-2: reports the exit code after the last line', async () => {
    const run = start('sh', ['-c', 'echo one; echo two >&2; exit 7']);
    expect(await run.outcome).toEqual({ exitCode: 7 });
    expect(run.lines.sort()).toEqual(['one', 'two']);
  });

  test('TIME-2: a signal reaches every process of the group, grandchildren included', async () => {
    // GIVEN a shell that starts a background sleeper and waits
    const pidFile = path.join(directory, 'child.pid');
    const run = start('sh', ['-c', `sleep 300 & echo $! > ${pidFile}; echo ready; wait`]);
    await until(() => run.lines.includes('ready'));
    const grandchild = Number(fs.readFileSync(pidFile, 'utf8'));
    // WHEN
    run.process.signalGroup('SIGTERM');
    // THEN
    expect(await run.outcome).toEqual({ exitCode: 143, signal: 'SIGTERM' });
    await until(() => !alive(grandchild));
    expect(alive(grandchild)).toBe(false);
  });

  test('what the main process leaves behind is killed when it exits, as at the end of a container', async () => {
    // GIVEN a main process that exits while its background child would sleep on with the output pipe
    const pidFile = path.join(directory, 'orphan.pid');
    const run = start('sh', ['-c', `sleep 300 & echo $! > ${pidFile}; exit 0`]);
    // WHEN
    const outcome = await run.outcome;
    // THEN
    expect(outcome).toEqual({ exitCode: 0 });
    const orphan = Number(fs.readFileSync(pidFile, 'utf8'));
    await until(() => !alive(orphan));
    expect(alive(orphan)).toBe(false);
  });

  test('a program that does not exist is a spawn error, not an exit code', async () => {
    const outcome = await start('definitely-not-a-program-here', []).outcome;
    expect(outcome.exitCode).toBeUndefined();
    expect((outcome.spawnError as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  test('the argv reaches the program as it is: no shell expands it', async () => {
    const run = start('printf', ['%s|', '$HOME', '*', 'a b; echo injected']);
    await run.outcome;
    expect(run.lines).toEqual(['$HOME|*|a b; echo injected|']);
  });
});
