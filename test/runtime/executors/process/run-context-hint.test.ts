import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JobExecutor, MemoryLimitMode, ProcessExecutorProps } from '../../../../src';
import { ContainerLaunch } from '../../../../src/runtime/core/executor';
import { describeRunContext, looksLikeRunContextFailure, runContextFailureKind } from '../../../../src/runtime/executors/process/run-context-hint';
import { containerLaunch, RecordingSink } from '../fixtures/recording-sink';

const isRoot = process.getuid?.() === 0;
/** Who a job without `user` runs as by default: nobody under a root runtime, else the runtime's own user. */
const DEFAULT_USER = isRoot ? /user nobody \(uid \d+\)/ : /user \S+ \(the runtime's own\)/;

let workRoot: string;
beforeEach(() => {
  workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'run-context-'));
  fs.chmodSync(workRoot, 0o755); // a root runtime runs jobs as nobody: they must reach their directories
});
afterEach(() => fs.rmSync(workRoot, { recursive: true, force: true }));

async function run(launch: Partial<ContainerLaunch>, props: ProcessExecutorProps = {}): Promise<RecordingSink> {
  const sink = new RecordingSink();
  JobExecutor.process({ workRoot, memoryLimit: MemoryLimitMode.NONE, ...props })._createRunner().start(containerLaunch(launch), sink);
  await sink.exit();
  return sink;
}

const sh = (script: string): string[] => ['sh', '-c', script];

describe('describeRunContext', () => {
  test('names the user, the working directory, that it is the attempt\'s own, and how local development gets its own', () => {
    const text = describeRunContext({ identity: { uid: 65534, gid: 65534, name: 'nobody' }, workingDirectory: '/w/job.1/work', scratchWorkingDirectory: true });
    expect(text).toBe('the job ran as user nobody (uid 65534) in /w/job.1/work, the attempt\'s own empty directory (relative paths such as ./out.txt are there, '
      + 'not where the runtime was started); for local development, batch-local --run-here (or ProcessExecutorProps.workingDirectory with defaultUser \'root\') '
      + 'runs jobs in your directory as your own user');
  });

  test('in a chosen directory as the runtime\'s user there is no advice to give', () => {
    expect(describeRunContext({ workingDirectory: '/home/me/project', scratchWorkingDirectory: false })).toMatch(/^the job ran as user \S+ \(the runtime's own\) in \/home\/me\/project$/);
  });

  test('exits 126 and 127, and any failure after "Permission denied", are the ones worth explaining', () => {
    expect([126, 127, 1, 2, 0, undefined].map((code) => looksLikeRunContextFailure(code, false))).toEqual([true, true, false, false, false, false]);
    expect([1, 0].map((code) => looksLikeRunContextFailure(code, true))).toEqual([true, false]);
    expect([runContextFailureKind(127, false), runContextFailureKind(126, false), runContextFailureKind(2, true)])
      .toEqual(['Command not found', 'Command not executable', 'Permission denied']);
  });
});

describe('the process executor says where and as whom a job ran when that may be why it failed (#25)', () => {
  test('a relative command that is not in the attempt\'s directory fails to start, naming the user and the directory', async () => {
    // WHEN
    const sink = await run({ command: ['./my-script.sh'] });

    // THEN
    const [exit] = sink.exits;
    expect(exit.statusReason).toMatch(/^Task failed to start: command: "\.\/my-script\.sh": no such file or directory; the job ran as /);
    expect(exit.statusReason).toMatch(DEFAULT_USER);
    expect(exit.statusReason).toContain(`in ${workRoot}${path.sep}`);
    expect(exit.statusReason).toContain('batch-local --run-here');
  });

  test('exit 127 from a shell that found no ./my-script.sh gets a container reason naming the user and the working directory', async () => {
    // WHEN
    const sink = await run({ command: sh('./my-script.sh') });

    // THEN
    expect(sink.exits[0].exitCode).toBe(127);
    expect(sink.exits[0].reason).toMatch(new RegExp(`^Command not found: the job ran as user .* in ${workRoot}/.*/work, the attempt's own empty directory`));
    expect(sink.exits[0].reason).toMatch(DEFAULT_USER);
  });

  test('a failure after "Permission denied" (a file the job\'s user may not create) names them too; a plain failure gets no reason', async () => {
    // GIVEN a directory nobody may write in (not even its owner)
    const readOnly = path.join(workRoot, 'read-only');
    fs.mkdirSync(readOnly, { mode: 0o555 });

    // WHEN
    const denied = await run({ command: sh(`echo hi > ${readOnly}/out.txt`) });
    const plain = await run({ command: sh('exit 3') });

    // THEN
    expect(denied.exits[0].exitCode).not.toBe(0);
    expect(denied.exits[0].reason).toMatch(/^Permission denied: the job ran as user /);
    expect(plain.exits).toEqual([{ exitCode: 3 }]);
  });

  test('workingDirectory runs the job in that directory, which is neither re-owned nor removed; with defaultUser root, as the runtime\'s user', async () => {
    // GIVEN a project directory with a script
    const project = fs.mkdtempSync(path.join(workRoot, 'project-'));
    fs.writeFileSync(path.join(project, 'my-script.sh'), '#!/bin/sh\necho "in $(pwd) as $(id -u)"; echo hi > ./out.txt\n', { mode: 0o755 });

    // WHEN
    const sink = await run({ command: ['./my-script.sh'] }, { workingDirectory: project, defaultUser: 'root' });

    // THEN
    expect(sink.exits).toEqual([{ exitCode: 0 }]);
    expect(sink.lines).toEqual([`in ${project} as ${process.getuid?.()}`]);
    expect(fs.readFileSync(path.join(project, 'out.txt'), 'utf8')).toBe('hi\n');
  });

  test('workingDirectory must be an existing directory, named in the error', () => {
    expect(() => JobExecutor.process({ workingDirectory: path.join(workRoot, 'missing') })).toThrow(/^workingDirectory: ".*missing" is not an existing directory/);
  });
});
