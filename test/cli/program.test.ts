import * as fs from 'fs';
import * as path from 'path';
import { CommanderError } from 'commander';
import { recordingIo } from './cli-fixture';
import { buildProgram } from '../../src/cli/program';

async function parse(args: string[]): Promise<{ io: ReturnType<typeof recordingIo>; error?: CommanderError; code?: number }> {
  const io = recordingIo();
  let code: number | undefined;
  try {
    await buildProgram(io, (c) => { code = c; }, { exitOverride: true }).parseAsync(['node', 'batch-local', ...args]);
  } catch (error) {
    return { io, error: error as CommanderError, code };
  }
  return { io, code };
}

describe('the batch-local program', () => {
  test('--help lists serve, run and doctor and says --json works everywhere', async () => {
    const { io, error } = await parse(['--help']);
    const text = io.stdout.join('');
    expect(error?.code).toBe('commander.helpDisplayed');
    for (const command of ['serve [options]', 'run [options]', 'doctor [options]']) expect(text).toContain(command);
    expect(text).toContain('Every command takes --json');
  });

  test('each command\'s help shows its options and examples', async () => {
    for (const [command, expected] of [['serve', '--executor <kind>'], ['run', '--array-size <n>'], ['doctor', '--cdk-out <dir>']]) {
      const { io } = await parse([command, '--help']);
      expect(io.stdout.join('')).toContain(expected);
      expect(io.stdout.join('')).toContain('Example');
    }
  });

  test('usage errors are reported by the command line parser: missing required options, invalid choices, both template sources', async () => {
    const missing = await parse(['run', '--template', 'x.json', '--queue', 'q']);
    const choice = await parse(['serve', '--template', 'x.json', '--executor', 'kubernetes']);
    const both = await parse(['doctor', '--template', 'x.json', '--cdk-out', 'cdk.out']);
    expect(missing.error?.code).toBe('commander.missingMandatoryOptionValue');
    expect(missing.io.stderr.join('')).toContain("required option '-d, --definition <definition>' not specified");
    expect(choice.io.stderr.join('')).toContain("argument 'kubernetes' is invalid. Allowed choices are process, docker, simulated.");
    expect(both.io.stderr.join('')).toContain("option '-t, --template <file>' cannot be used with option '-c, --cdk-out <dir>'");
  });

  test('a mistyped option is reported as unknown, with the option it resembles, before any required option is missing', async () => {
    // WHEN
    const run = await parse(['run', '--templte', 'x.json']);
    const plan = await parse(['plan', '--template', 'x.json', '--workloda', 'w.json']);

    // THEN
    expect(run.error?.code).toBe('commander.unknownOption');
    expect(run.io.stderr.join('')).toContain("error: unknown option '--templte'\n(Did you mean --template?)");
    expect(run.io.stderr.join('')).not.toContain('required option');
    expect(plan.io.stderr.join('')).toContain('(Did you mean --workload?)');
  });

  test('doctor through the program sets the exit code', async () => {
    const { code } = await parse(['doctor', '--template', `${__dirname}/fixtures/small-stack.template.json`, '--json']);
    expect(code).toBe(1);
  });

  test('--help documents the exit codes; --version prints the version of package.json', async () => {
    // GIVEN
    const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));

    // WHEN
    const help = await parse(['--help']);
    const runHelp = await parse(['run', '--help']);
    const printed = await parse(['--version']);

    // THEN
    for (const text of [help.io.stdout.join(''), runHelp.io.stdout.join('')]) {
      expect(text).toMatch(/Exit codes:\n {2}0 +the job SUCCEEDED[^\n]*\n {2}1 +the job FAILED[^\n]*\n {2}2 +usage or input error[^\n]*\n {2}124 +run --timeout ran out[^\n]*\n {2}130 +run was interrupted/);
    }
    expect(printed.error?.code).toBe('commander.version');
    expect(printed.io.stdout).toEqual([`${version}\n`]);
  });
});
