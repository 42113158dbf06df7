import * as fs from 'fs';
import * as path from 'path';
import { run } from '../../../src/cli/commands/run';
import { TemporaryWorkRoot } from '../../temporary-work-root';
import { PLATFORMS_STACK, recordingIo, SLEEPER_STACK, SMALL_STACK } from '../cli-fixture';

// `run` has no work-root option: the process executor's default work root is under os.tmpdir(), which
// follows TMPDIR, so each test gets its own instead of the machine-wide <tmpdir>/cdk-batch-kit.
let workRoot: TemporaryWorkRoot;
const originalTmpdir = process.env.TMPDIR;
beforeEach(() => {
  workRoot = new TemporaryWorkRoot('batch-local-run');
  process.env.TMPDIR = workRoot.path;
});
afterEach(() => {
  if (originalTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = originalTmpdir;
  workRoot.remove();
});

describe('batch-local run', () => {
  test('ARR-1, ARR-2, PARAM-1: an array job runs as processes; each child\'s log lines are printed with its index; exit code 0', async () => {
    // GIVEN
    const io = recordingIo();

    // WHEN
    const { exitCode, result } = await run({ template: SMALL_STACK, queue: 'Queue', definition: 'Hello', param: ['who=tests'], arraySize: 3, executor: 'process' }, io);

    // THEN
    expect(exitCode).toBe(0);
    expect(result.job.status).toBe('SUCCEEDED');
    // Lines are printed as they arrive, so children that run at once may interleave.
    expect([...io.stdout].sort()).toEqual(['[0] hello tests from child 0', '[1] hello tests from child 1', '[2] hello tests from child 2']);
    expect(io.stderr[io.stderr.length - 1]).toMatch(/^batch-local-run \([0-9a-f-]{36}\): SUCCEEDED$/);
    expect(io.stderr).toContain('batch-local-run: SUCCEEDED (SUCCEEDED 3)');
  }, 60_000);

  test('issue #25: --behaviors drives the simulated executor; a key that matches nothing is a warning, or an error with --strict-behaviors', async () => {
    // GIVEN a behaviour for Hello (a logical id) and one for a definition of another stack
    const behaviors = path.join(workRoot.path, 'behaviors.json');
    fs.writeFileSync(behaviors, JSON.stringify({ byJobDefinition: { 'Hello': { exitCode: 4, logLines: ['simulated'] }, 'other-stack-job': {} } }));
    const io = recordingIo();

    // WHEN
    const { exitCode, result } = await run({ template: SMALL_STACK, queue: 'Queue', definition: 'Hello', executor: 'simulated', behaviors }, io);

    // THEN
    expect(exitCode).toBe(1);
    expect(result.job.container?.exitCode).toBe(4);
    expect(io.stdout).toEqual(['simulated']);
    expect(io.stderr.filter((line) => line.startsWith('warning: '))).toEqual([expect.stringContaining('byJobDefinition["other-stack-job"]')]);
    await expect(run({ template: SMALL_STACK, queue: 'Queue', definition: 'Hello', executor: 'simulated', behaviors, strictBehaviors: true }, recordingIo()))
      .rejects.toThrow('byJobDefinition["other-stack-job"]');
    await expect(run({ template: SMALL_STACK, queue: 'Queue', definition: 'Hello', executor: 'process', behaviors }, recordingIo()))
      .rejects.toThrow('--behaviors and --strict-behaviors apply to the simulated executor only (--executor simulated)');
  });

  test('LIFE-2: a failing job exits 1 and says why; --json prints the job and its logs', async () => {
    // GIVEN
    const io = recordingIo();

    // WHEN
    const { exitCode } = await run({ template: SMALL_STACK, queue: 'first-run-job-queue', definition: 'failing', executor: 'process', json: true, jobName: 'will-fail' }, io);
    const printed = JSON.parse(io.stdout.join(''));

    // THEN
    expect(exitCode).toBe(1);
    expect(printed.job).toMatchObject({ jobName: 'will-fail', status: 'FAILED', container: { exitCode: 3 } });
    expect(Object.values(printed.logs)).toEqual([['about to fail']]);
    expect(io.stderr).toEqual([]); // --json: no progress lines
  }, 60_000);

  test('an interactive terminal gets a progress bar instead of lines', async () => {
    // GIVEN
    const io = recordingIo(true);
    let drawn = '';
    io.progressStream.on('data', (chunk) => { drawn += chunk; });

    // WHEN
    await run({ template: SMALL_STACK, queue: 'Queue', definition: 'Hello', arraySize: 2, executor: 'simulated' }, io);

    // THEN
    expect(drawn).toContain('children finished');
    expect(io.stderr.filter((line) => line.startsWith('batch-local-run: '))).toEqual([]);
  }, 60_000);

  test('LIM-6, LIFE-8: a SubmitJob the API would reject is an error with the API\'s message', async () => {
    await expect(run({ template: SMALL_STACK, queue: 'Queue', definition: 'Hello', arraySize: 1, executor: 'simulated' }, recordingIo())).rejects.toThrow('LIM-6');
    await expect(run({ template: SMALL_STACK, queue: 'NoQueue', definition: 'Hello', executor: 'simulated' }, recordingIo())).rejects.toThrow('unknown job queue "NoQueue"');
  });

  test('LOG-1, LIFE-7: log lines are printed while the job runs; an interrupt terminates it, the run says so and exits 130', async () => {
    // GIVEN: a job that prints one line and sleeps 600 s; the interrupt comes with its first printed line
    const interrupt = new AbortController();
    const recorded = recordingIo();
    const io = { ...recorded, out: (text: string) => { recorded.stdout.push(text); interrupt.abort(); } };

    // WHEN
    const { exitCode, result } = await run({ template: SLEEPER_STACK, queue: 'Queue', definition: 'Sleeper', executor: 'process' }, io, interrupt.signal);

    // THEN
    expect(exitCode).toBe(130);
    expect(result.interrupted).toBe(true);
    expect(result.job).toMatchObject({ status: 'FAILED', statusReason: 'batch-local run was interrupted (SIGINT)' });
    expect(recorded.stdout).toEqual([expect.stringMatching(/^sleeping as pid \d+$/)]);
    expect(recorded.stderr[recorded.stderr.length - 1]).toMatch(/^batch-local: interrupted; job [0-9a-f-]{36} was terminated \(exit code 130\)$/);
  }, 60_000);

  test('--json prints nothing before the JSON document and reports that the run was not interrupted', async () => {
    // GIVEN
    const io = recordingIo();

    // WHEN
    await run({ template: SMALL_STACK, queue: 'Queue', definition: 'Hello', executor: 'process', json: true }, io);

    // THEN
    expect(io.stdout).toHaveLength(1);
    expect(JSON.parse(io.stdout[0])).toMatchObject({ interrupted: false, logs: { [JSON.parse(io.stdout[0]).job.jobId]: ['hello nobody from child none'] } });
  }, 60_000);
  test('DIAG-2: a job that can never be placed ends the run with exit 1, its status RUNNABLE and the reason, instead of ending silently', async () => {
    // GIVEN: a 64-vCPU job on a queue whose only CE has maxvCpus 4
    const io = recordingIo();

    // WHEN
    const { exitCode, result } = await run({ template: SMALL_STACK, queue: 'Queue', definition: 'Huge', executor: 'simulated' }, io);

    // THEN
    expect(exitCode).toBe(1);
    expect(result.job.status).toBe('RUNNABLE');
    expect(result.stalledReason).toMatch(/stays RUNNABLE: MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - it can never be placed \(needs 64 vCPU, 1024 MiB\)/);
    expect(io.stderr).toContain('batch-local-run: RUNNABLE');
    expect(io.stderr.join('\n')).toMatch(/batch-local-run \([0-9a-f-]{36}\): RUNNABLE/);
    expect(io.stderr[io.stderr.length - 1]).toMatch(/^batch-local: nothing left can change job [0-9a-f-]{36} \(RUNNABLE\); it would wait forever \(exit code 1\)\. Job .* can never be placed/);
  }, 60_000);

  test('DIAG-2: --json of a job whose queue has only INVALID compute environments carries the status and the stalled reason', async () => {
    // GIVEN
    const io = recordingIo();

    // WHEN
    const { exitCode } = await run({ template: SMALL_STACK, queue: 'broken-queue', definition: 'Hello', executor: 'simulated', json: true }, io);
    const printed = JSON.parse(io.stdout.join(''));

    // THEN
    expect(exitCode).toBe(1);
    expect(printed.job).toMatchObject({ status: 'RUNNABLE' });
    expect(printed.stalledReason).toMatch(/stays RUNNABLE: MISCONFIGURATION:SERVICE_ROLE_PERMISSIONS .*No compute environment of queue broken-queue can take jobs: broken-ce is ENABLED\/INVALID/);
    expect(printed.timedOut).toBe(false);
  }, 60_000);

  test('DIAG-2: an array job whose children can never be placed stays PENDING; the run ends with exit 1 naming a child\'s reason', async () => {
    // GIVEN
    const io = recordingIo();

    // WHEN
    const { exitCode, result } = await run({ template: SMALL_STACK, queue: 'Queue', definition: 'Huge', arraySize: 2, executor: 'simulated' }, io);

    // THEN
    expect(exitCode).toBe(1);
    expect(result.job.status).toBe('PENDING');
    expect(result.stalledReason).toMatch(/^Job [0-9a-f-]{36}:[01] stays RUNNABLE: MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE/);
  }, 60_000);

  test('LIFE-7: --timeout terminates a job that has not ended in time; the run says so and exits 124', async () => {
    // GIVEN: a job that sleeps 600 s
    const io = recordingIo();

    // WHEN
    const { exitCode, result } = await run({ template: SLEEPER_STACK, queue: 'Queue', definition: 'Sleeper', executor: 'process', timeout: 1 }, io);

    // THEN
    expect(exitCode).toBe(124);
    expect(result.timedOut).toBe(true);
    expect(result.stalledReason).toBeUndefined();
    expect(result.job).toMatchObject({ status: 'FAILED', statusReason: 'batch-local run --timeout 1: the job had not ended after 1 s' });
    expect(io.stderr[io.stderr.length - 1]).toMatch(/^batch-local: --timeout 1 ran out; job [0-9a-f-]{36} was terminated \(exit code 124\)$/);
  }, 60_000);

  test('a job waiting for capacity that will come is not stalled: an array larger than the CE runs to the end', async () => {
    // GIVEN: 6 one-vCPU children on a CE of at most 4 vCPUs (some wait RUNNABLE for the others)
    const io = recordingIo();

    // WHEN
    const { exitCode, result } = await run({ template: SMALL_STACK, queue: 'Queue', definition: 'Hello', arraySize: 6, executor: 'simulated' }, io);

    // THEN
    expect(exitCode).toBe(0);
    expect(result.stalledReason).toBeUndefined();
    expect(result.job.status).toBe('SUCCEEDED');
  }, 60_000);

  test('PLAT-1: a Fargate job submitted to an EC2 queue is rejected as AWS rejects it; on the Fargate queue it runs', async () => {
    // WHEN
    const rejected = await run({ template: PLATFORMS_STACK, queue: 'ec2-queue', definition: 'fargate-job', executor: 'simulated' }, recordingIo()).catch((error: Error) => error);
    const { exitCode, result } = await run({ template: PLATFORMS_STACK, queue: 'fargate-queue', definition: 'fargate-job', executor: 'simulated' }, recordingIo());

    // THEN
    expect((rejected as Error).message).toMatch(/^Job Queue is attached to Compute Environment that can not run Jobs with capability FARGATE: .*\(PLAT-1\)$/);
    expect(exitCode).toBe(0);
    expect(result.job.status).toBe('SUCCEEDED');
  }, 60_000);

  test('--run-here runs the job in the current directory as the current user: ./my-script.sh is found and ./out.txt is written there', async () => {
    // GIVEN a project directory with a script, and a template whose job runs it by a relative path
    const project = fs.mkdtempSync(path.join(workRoot.path, 'project-'));
    fs.writeFileSync(path.join(project, 'my-script.sh'), '#!/bin/sh\necho "as $(id -u)"; echo hi > ./out.txt\n', { mode: 0o755 });
    const template = JSON.parse(fs.readFileSync(SMALL_STACK, 'utf8'));
    template.Resources.Hello.Properties.ContainerProperties.Command = ['./my-script.sh'];
    const templateFile = path.join(project, 'template.json');
    fs.writeFileSync(templateFile, JSON.stringify(template));
    const originalDirectory = process.cwd();
    process.chdir(project);
    try {
      // WHEN
      const io = recordingIo();
      const { exitCode } = await run({ template: templateFile, queue: 'Queue', definition: 'Hello', executor: 'process', runHere: true }, io);

      // THEN
      expect(exitCode).toBe(0);
      expect(io.stdout).toEqual([`as ${process.getuid?.()}`]);
      expect(fs.readFileSync(path.join(project, 'out.txt'), 'utf8')).toBe('hi\n');
    } finally {
      process.chdir(originalDirectory);
    }
  }, 60_000);
});
