import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MAX_LOG_LINE_LENGTH } from '../../../../src/runtime/executors/common/line-splitter';
import { HostProcessOutcome } from '../../../../src/runtime/executors/process/host-process';
import { LaunchOptions } from '../../../../src/runtime/executors/process/process-launcher';
import { SpawnHelper } from '../../../../src/runtime/executors/process/spawn-helper';
import { DEFAULT_HELPER_PROGRAM_PROBE, HelperProgram, nodeHelperProgram, perlHelperProgram } from '../../../../src/runtime/executors/process/spawn-helper-program';

// Both helper programs speak one protocol and must behave the same: every test runs on each. Perl is
// on every machine this project builds on (perl-base is essential on Debian); CI=true makes its
// absence a failure rather than a skip.
const perl = DEFAULT_HELPER_PROGRAM_PROBE.usablePerl();
if (!perl && process.env.CI === 'true') throw new Error('no usable perl on PATH: the Perl spawn helper cannot be tested');
const programs: Array<[string, () => HelperProgram]> = [['Node.js', nodeHelperProgram]];
if (perl) programs.unshift(['Perl', () => perlHelperProgram(perl)]);

function launch(helper: SpawnHelper, file: string, args: string[], extra: Partial<LaunchOptions> = {}) {
  const lines: Array<[string, string]> = [];
  let done: (outcome: HostProcessOutcome) => void = () => undefined;
  const outcome = new Promise<HostProcessOutcome>((resolve) => { done = resolve; });
  const launched = helper.launch({
    file, args, env: { PATH: process.env.PATH! }, onLine: (line, stream) => lines.push([stream, line]), onExit: done, ...extra,
  });
  return { lines, process: launched, outcome };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
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

describe.each(programs)('SpawnHelper (%s helper)', (_name, program) => {
  let directory: string;
  let helper: SpawnHelper;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'spawn-helper-'));
    helper = new SpawnHelper(program());
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('LOG-1, LIFE-2: lines of both streams as written, then the exit code; one helper serves every job', async () => {
    // WHEN
    const first = launch(helper, 'sh', ['-c', 'echo out; echo err >&2; printf "no newline"; exit 5']);
    const second = launch(helper, 'printf', ['%s|', 'a b', '$HOME']);
    // THEN
    expect(await first.outcome).toEqual({ exitCode: 5 });
    expect(first.lines).toEqual(expect.arrayContaining([['stdout', 'out'], ['stderr', 'err'], ['stdout', 'no newline']]));
    await second.outcome;
    expect(second.lines).toEqual([['stdout', 'a b|$HOME|']]);
  });

  test('TIME-2: a signal reaches the whole process group; a signal exit is 128 + the signal', async () => {
    // GIVEN a shell with a background sleeper
    const pidFile = path.join(directory, 'child.pid');
    const run = launch(helper, 'sh', ['-c', `sleep 300 & echo $! > ${pidFile}; echo ready; wait`]);
    await until(() => run.lines.some(([, line]) => line === 'ready'));
    const grandchild = Number(fs.readFileSync(pidFile, 'utf8'));
    // WHEN
    run.process.signalGroup('SIGTERM');
    // THEN
    expect(await run.outcome).toEqual({ exitCode: 143, signal: 'SIGTERM' });
    await until(() => !alive(grandchild));
    expect(alive(grandchild)).toBe(false);
  });

  test('what the main process leaves behind is killed when it exits', async () => {
    const pidFile = path.join(directory, 'orphan.pid');
    const run = launch(helper, 'sh', ['-c', `sleep 300 & echo $! > ${pidFile}; exit 0`]);
    expect(await run.outcome).toEqual({ exitCode: 0 });
    const orphan = Number(fs.readFileSync(pidFile, 'utf8'));
    await until(() => !alive(orphan));
    expect(alive(orphan)).toBe(false);
  });

  test('a program that cannot be started is a spawn error with its errno code', async () => {
    const outcome = await launch(helper, 'definitely-not-a-program-here', []).outcome;
    expect((outcome.spawnError as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  test('the process is written into its cgroup.procs file right after it starts', async () => {
    // GIVEN a stand-in for a cgroup's procs file
    const procs = path.join(directory, 'cgroup.procs');
    // WHEN
    const run = launch(helper, 'sh', ['-c', 'echo $$'], { cgroupProcs: procs });
    await run.outcome;
    // THEN
    expect(fs.readFileSync(procs, 'utf8')).toBe(run.lines[0][1]);
  });

  test('a cgroup that cannot be joined fails the start', async () => {
    const outcome = await launch(helper, 'sleep', ['300'], { cgroupProcs: path.join(directory, 'missing', 'cgroup.procs') }).outcome;
    expect(outcome.setupFailure).toMatch(/^cannot join its cgroup: ENOENT/);
  });

  test('LIFE-2: the attempt\'s directories are created before the process starts (its own when it has a user) and removed after it ends', async () => {
    // GIVEN
    const attempt = path.join(directory, 'nested', 'job.1');
    const work = path.join(attempt, 'work');
    const owner = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    // WHEN
    const run = launch(helper, 'sh', ['-c', 'pwd; stat -c %u .; touch file; rm file'], {
      cwd: work, ...owner, directories: { create: [attempt, work], removeAtEnd: true },
    });
    // THEN
    expect(await run.outcome).toEqual({ exitCode: 0 });
    expect(run.lines).toEqual([['stdout', work], ['stdout', String(owner.uid ?? process.getuid?.())]]);
    await until(() => !fs.existsSync(attempt));
    expect(fs.existsSync(attempt)).toBe(false);
  });

  test('what a job left in its directories is removed with them; directories to keep stay', async () => {
    // GIVEN
    const littered = path.join(directory, 'littered');
    const kept = path.join(directory, 'kept');
    // WHEN
    const first = launch(helper, 'sh', ['-c', 'mkdir -p deep/er && touch deep/er/file && ln -s / link'], { cwd: littered, directories: { create: [littered], removeAtEnd: true } });
    const second = launch(helper, 'true', [], { cwd: kept, directories: { create: [kept], removeAtEnd: false } });
    expect(await first.outcome).toEqual({ exitCode: 0 });
    await second.outcome;
    await until(() => !fs.existsSync(littered));
    // THEN
    expect(fs.existsSync(littered)).toBe(false);
    expect(fs.existsSync(kept)).toBe(true);
    expect(fs.existsSync('/bin')).toBe(true); // the symbolic link was removed, not followed
  });

  test('a directory that cannot be created fails the start with the path and the reason; the command is not run', async () => {
    // GIVEN a file where a parent directory should be
    const blocker = path.join(directory, 'blocker');
    fs.writeFileSync(blocker, '');
    const marker = path.join(directory, 'ran');
    // WHEN
    const outcome = await launch(helper, 'touch', [marker], { directories: { create: [path.join(blocker, 'job.1')], removeAtEnd: true } }).outcome;
    // THEN
    expect(outcome.setupFailure).toMatch(/^cannot create its directory: ENOTDIR: .*blocker\/job\.1/);
    expect(fs.existsSync(marker)).toBe(false);
  });

  test('if the helper dies, its running jobs end without an exit code, and the next launch starts a new helper', async () => {
    // GIVEN
    const run = launch(helper, 'sh', ['-c', 'echo ready; sleep 300']);
    await until(() => run.lines.length > 0);
    const firstHelper = helper.helperPid!;
    // WHEN
    process.kill(firstHelper, 'SIGKILL');
    // THEN
    expect(await run.outcome).toEqual({ lostReason: 'the spawn helper process exited while the job ran' });
    const next = launch(helper, 'true', []);
    expect(await next.outcome).toEqual({ exitCode: 0 });
    expect(helper.helperPid).not.toBe(firstHelper);
  });

  test('LIFE-7: a Ctrl-C at the terminal (SIGINT to the helper) neither kills the helper nor its jobs: the runtime decides', async () => {
    // GIVEN
    const run = launch(helper, 'sh', ['-c', 'echo ready; sleep 300']);
    await until(() => run.lines.length > 0);
    const helperPid = helper.helperPid!;

    // WHEN
    process.kill(helperPid, 'SIGINT');
    const after = launch(helper, 'echo', ['still serving']);
    await after.outcome;
    run.process.signalGroup('SIGTERM');

    // THEN
    expect(after.lines).toEqual([['stdout', 'still serving']]);
    expect(helper.helperPid).toBe(helperPid);
    expect(await run.outcome).toEqual({ exitCode: 143, signal: 'SIGTERM' });
  });

  (process.getuid?.() === 0 ? test : test.skip)('jobs run as the user and group they are given', async () => {
    const run = launch(helper, 'id', ['-u'], { uid: 65534, gid: 65534 });
    await run.outcome;
    expect(run.lines).toEqual([['stdout', '65534']]);
  });
  test('LOG-1: a line longer than MAX_LOG_LINE_LENGTH arrives in pieces of that length, nothing lost', async () => {
    // GIVEN a job writing one line of 2.5 maximum lengths, then a short one
    const length = Math.floor(MAX_LOG_LINE_LENGTH * 2.5);
    // WHEN
    const run = launch(helper, process.execPath, ['-e', `process.stdout.write('x'.repeat(${length}) + '\\nend\\n')`]);
    // THEN
    expect(await run.outcome).toEqual({ exitCode: 0 });
    expect(run.lines.map(([, line]) => line.length)).toEqual([MAX_LOG_LINE_LENGTH, MAX_LOG_LINE_LENGTH, length - 2 * MAX_LOG_LINE_LENGTH, 3]);
  });

  test('closeIfIdle stops an idle helper, not a busy one; the next launch starts a new one', async () => {
    // GIVEN
    const run = launch(helper, 'sh', ['-c', 'echo ready; exec sleep 20']);
    await until(() => run.lines.length > 0);
    const first = helper.helperPid!;
    // WHEN / THEN
    expect(helper.closeIfIdle()).toBe(false);
    run.process.signalGroup('SIGKILL');
    await run.outcome;
    expect(helper.closeIfIdle()).toBe(true);
    await until(() => !alive(first));
    expect(alive(first)).toBe(false);
    expect(await launch(helper, 'true', []).outcome).toEqual({ exitCode: 0 });
    expect(helper.helperPid).not.toBe(first);
  });
});
