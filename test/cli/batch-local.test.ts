import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SLEEPER_STACK, SMALL_STACK } from './cli-fixture';
import { TS_NODE_REGISTER } from '../ts-node-cache/ts-node-register';

const ROOT = path.join(__dirname, '..', '..');

/** The batch-local process (ts-node, from this checkout), in its own process group as a terminal's foreground job is. */
function batchLocal(args: string[]): { child: ReturnType<typeof spawn>; stdout: () => string; stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [...TS_NODE_REGISTER, 'src/cli/batch-local.ts', ...args], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => { stdout += chunk; });
  child.stderr!.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits (bounded by the test's timeout, not by speed) until `condition` holds or the process exits. */
async function until(condition: () => boolean, child: ReturnType<typeof spawn>): Promise<void> {
  while (!condition() && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
}

describe('the batch-local process', () => {
  test('LIFE-7, LOG-1: run streams the log line while the job runs; Ctrl-C terminates the job, prints "interrupted", exits 130 and leaves no process', async () => {
    // GIVEN: a job that prints its pid and sleeps 600 s
    const cli = batchLocal(['run', '--template', SLEEPER_STACK, '--queue', 'Queue', '--definition', 'Sleeper']);
    await until(() => /sleeping as pid \d+/.test(cli.stdout()), cli.child);
    const sleepPid = Number(/sleeping as pid (\d+)/.exec(cli.stdout())![1]);
    const aliveWhileRunning = isAlive(sleepPid);

    // WHEN: Ctrl-C at a terminal signals the whole foreground process group
    process.kill(-cli.child.pid!, 'SIGINT');
    const code = await cli.exited;

    // THEN
    expect(aliveWhileRunning).toBe(true);
    expect(code).toBe(130);
    expect(cli.stdout()).toBe(`sleeping as pid ${sleepPid}\n`);
    expect(cli.stderr()).toMatch(/batch-local-run \([0-9a-f-]{36}\): FAILED - batch-local run was interrupted \(SIGINT\)/);
    expect(cli.stderr()).toMatch(/batch-local: interrupted; job [0-9a-f-]{36} was terminated \(exit code 130\)\n$/);
    expect(isAlive(sleepPid)).toBe(false);
  }, 90_000);

  test('a usage or input error exits 2, a failed job 1, a succeeded job 0', async () => {
    // GIVEN
    const usage = batchLocal(['run', '--template', SMALL_STACK, '--queue', 'Queue']);
    const input = batchLocal(['doctor', '--template', path.join(__dirname, 'fixtures', 'missing.template.json')]);
    const failed = batchLocal(['run', '--template', SMALL_STACK, '--queue', 'Queue', '--definition', 'Failing']);
    const succeeded = batchLocal(['run', '--template', SMALL_STACK, '--queue', 'Queue', '--definition', 'Hello']);

    // WHEN
    const codes = await Promise.all([usage.exited, input.exited, failed.exited, succeeded.exited]);

    // THEN
    expect(codes).toEqual([2, 2, 1, 0]);
    expect(usage.stderr()).toContain("required option '-d, --definition <definition>' not specified");
    expect(input.stderr()).toMatch(/^batch-local: .*missing\.template\.json: no such file or directory\n$/);
    expect(failed.stdout()).toBe('about to fail\n');
    expect(succeeded.stdout()).toBe('hello nobody from child none\n');
  }, 90_000);

  test('DIAG-2: run of a job that can never be placed ends with exit 1, its status and the reason, in text and --json; a file that is not a template exits 2 in doctor as in run', async () => {
    // GIVEN: a 64-vCPU job on a queue whose only CE has maxvCpus 4; a file holding `{}`
    const notATemplate = path.join(__dirname, 'fixtures', 'not-a-template.json');
    const text = batchLocal(['run', '--template', SMALL_STACK, '--queue', 'Queue', '--definition', 'Huge', '--executor', 'simulated']);
    const json = batchLocal(['run', '--template', SMALL_STACK, '--queue', 'Queue', '--definition', 'Huge', '--executor', 'simulated', '--json']);
    const doctor = batchLocal(['doctor', '--template', notATemplate]);
    const run = batchLocal(['run', '--template', notATemplate, '--queue', 'q', '--definition', 'd']);

    // WHEN
    const codes = await Promise.all([text.exited, json.exited, doctor.exited, run.exited]);

    // THEN
    expect(codes).toEqual([1, 1, 2, 2]);
    expect(text.stderr()).toMatch(/batch-local-run \([0-9a-f-]{36}\): RUNNABLE/);
    expect(text.stderr()).toMatch(/batch-local: nothing left can change job [0-9a-f-]{36} \(RUNNABLE\).*can never be placed/);
    expect(JSON.parse(json.stdout())).toMatchObject({ job: { status: 'RUNNABLE' }, stalledReason: expect.stringContaining('COMPUTE_ENVIRONMENT_MAX_RESOURCE') });
    expect(doctor.stderr()).toBe(run.stderr());
    expect(doctor.stderr()).toMatch(/^batch-local: .*no Resources section; is it a CloudFormation template\?\n$/);
  }, 90_000);

  test('--version prints the version in package.json whatever the working directory', async () => {
    // GIVEN
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const child = spawn(process.execPath, [...TS_NODE_REGISTER, path.join(ROOT, 'src/cli/batch-local.ts'), '--version'], {
      cwd: path.join(ROOT, 'test', 'cli', 'fixtures'), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    // THEN
    expect(code).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  }, 90_000);
});
