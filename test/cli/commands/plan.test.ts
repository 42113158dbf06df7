import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { plan, WORKLOAD_SCHEMA } from '../../../src/cli/commands/plan';
import { buildProgram } from '../../../src/cli/program';
import { fairShareTemplateFile } from '../../runtime/report/fair-share-plan-fixture';
import { recordingIo, SMALL_STACK } from '../cli-fixture';

const WORKLOAD = path.join(__dirname, '..', 'fixtures', 'plan-workload.json');

/** A fresh folder per test: no leftovers from earlier runs count. */
function scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'batch-local-plan-'));
}

function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('batch-local plan', () => {
  test('PLAT-3: --kubernetes-secrets-dir reaches the planned runtime: a directory that does not exist is bad input naming the flag', async () => {
    // GIVEN
    const missing = path.join(scratch(), 'no-secrets');
    const io = recordingIo();

    // WHEN
    const { exitCode } = await plan({ template: SMALL_STACK, workload: WORKLOAD, kubernetesSecretsDir: missing }, io);

    // THEN
    expect(exitCode).toBe(2);
    expect(io.stderr.join('')).toContain(`kubernetesSecretsDirectory (--kubernetes-secrets-dir): ${JSON.stringify(missing)} is not an existing directory`);
  });

  test('PLAN-1, PLAN-9: --json prints the figures only; the same seed gives byte-identical JSON and HTML', async () => {
    // GIVEN
    const dir = scratch();
    const runOnce = async (out: string) => {
      const io = recordingIo();
      const { exitCode } = await plan({ template: SMALL_STACK, workload: WORKLOAD, json: true, out: path.join(dir, out) }, io);
      return { exitCode, io, html: fs.readFileSync(path.join(dir, out), 'utf8') };
    };

    // WHEN planned twice
    const first = await runOnce('a.html');
    const second = await runOnce('b.html');
    const report = JSON.parse(first.io.stdout.join(''));

    // THEN
    expect(first.exitCode).toBe(0);
    expect(first.io.stderr).toEqual([]);
    expect(second.io.stdout).toEqual(first.io.stdout);
    expect(second.html).toBe(first.html);
    expect(report.jobs).toEqual({ total: 1 + 6 + 3, succeeded: report.jobs.total - report.jobs.failed, failed: report.jobs.failed, unfinished: 0 });
    expect(report.makespanSeconds).toBeGreaterThan(60);
    expect(report.computeEnvironments.map((ce: { name: string }) => ce.name)).toEqual(['small-ce']);
    expect(report.computeEnvironments[0].vcpuUtilization).toBeGreaterThan(0);
    expect(report.costUsd).toBeGreaterThan(0);
    expect(report.queues[0]).toEqual(expect.objectContaining({ name: 'first-run-job-queue', wait: expect.objectContaining({ count: expect.any(Number) }) }));
    expect(first.html).toContain('<svg');
    expect(first.html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/); // nothing to fetch at view time
  });

  test('issue #25: --out into a missing folder (or onto a folder) exits 2 before simulating, naming the path and no temporary file', async () => {
    // GIVEN
    const dir = scratch();
    const io = recordingIo(true);
    let drawn = '';
    io.progressStream.on('data', (chunk) => drawn += chunk);
    const missing = path.join(dir, 'reports', 'plan.html');

    // WHEN
    const intoMissing = await plan({ template: SMALL_STACK, workload: WORKLOAD, out: missing }, io);
    const ontoFolder = await plan({ template: SMALL_STACK, workload: WORKLOAD, out: dir }, recordingIo());

    // THEN nothing was simulated (no progress bar started, no summary) and nothing was written
    expect(intoMissing.exitCode).toBe(2);
    expect(intoMissing.report).toBeUndefined();
    expect(io.stdout).toEqual([]);
    expect(io.stderr).toEqual([`batch-local plan: --out ${missing}: the folder ${path.join(dir, 'reports')} does not exist; create it first (nothing was planned)`]);
    expect(io.stderr.join('')).not.toContain('.tmp');
    expect(drawn).toBe(''); // an interactive terminal would have shown the simulation's progress bar
    expect(ontoFolder.exitCode).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('issue #25: plan --help names the workload schema where the package has it, and the file is there', async () => {
    // GIVEN / WHEN
    const io = recordingIo();
    await buildProgram(io, () => undefined, { exitOverride: true }).parseAsync(['node', 'batch-local', 'plan', '--help']).catch(() => undefined);

    // THEN
    expect(io.stdout.join('').replace(/\s+/g, ' ')).toContain(`schema: ${WORKLOAD_SCHEMA}`);
    expect(JSON.parse(fs.readFileSync(WORKLOAD_SCHEMA, 'utf8')).$schema).toMatch(/json-schema\.org/);
  });

  test('PLAN-9: another seed gives another plan', async () => {
    const a = recordingIo();
    const b = recordingIo();
    const dir = scratch();
    const other = writeJson(dir, 'w.json', { ...JSON.parse(fs.readFileSync(WORKLOAD, 'utf8')), seed: 4, $schema: undefined });
    await plan({ template: SMALL_STACK, workload: WORKLOAD, json: true }, a);
    await plan({ template: SMALL_STACK, workload: other, json: true }, b);
    expect(JSON.parse(b.stdout.join('')).makespanSeconds).not.toBe(JSON.parse(a.stdout.join('')).makespanSeconds);
  });

  test.each([
    ['an unknown queue', { submissions: [{ jobName: 'a', jobQueue: 'nope', jobDefinition: 'hello' }] }, 'submissions[0].jobQueue: unknown job queue "nope"'],
    ['an unknown job definition', { submissions: [{ jobName: 'a', jobQueue: 'Queue', jobDefinition: 'nope' }] }, 'submissions[0].jobDefinition: unknown job definition'],
    ['a behaviour of an unknown definition', { submissions: [{ jobName: 'a', jobQueue: 'Queue', jobDefinition: 'hello' }], behaviors: { nope: { durationSeconds: 1 } } }, 'behaviors.nope: unknown job definition'],
    ['a negative duration', { submissions: [{ jobName: 'a', jobQueue: 'Queue', jobDefinition: 'hello' }], behaviors: { hello: { durationSeconds: -1 } } }, 'behaviors.hello.durationSeconds: -1 is invalid'],
    ['a dependency cycle', { submissions: [{ jobName: 'a', jobQueue: 'Queue', jobDefinition: 'hello', dependsOn: [{ jobName: 'a' }] }] }, 'dependency cycle'],
    ['malformed JSON', '{"submissions": [', 'malformed JSON'],
    ['a SubmitJob the API rejects', { submissions: [{ jobName: 'a', jobQueue: 'Queue', jobDefinition: 'hello', arrayProperties: { size: 1 } }] }, 'submissions[0].arrayProperties.size: 1 is invalid'],
  ])('PLAN-7, PLAN-8: %s exits 2, names the field and writes no report', async (_, workload, message) => {
    // GIVEN
    const dir = scratch();
    const file = writeJson(dir, 'workload.json', workload);
    const out = path.join(dir, 'report.html');
    const io = recordingIo();

    // WHEN
    const { exitCode } = await plan({ template: SMALL_STACK, workload: file, out, json: true }, io);

    // THEN
    expect(exitCode).toBe(2);
    expect(io.stderr.join('\n')).toContain(message);
    expect(io.stdout).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(['workload.json']);
  });

  test('PLAN-5: --prices overrides the bundled prices; a bad price file exits 2 naming the field', async () => {
    const dir = scratch();
    const bundled = recordingIo();
    const cheap = recordingIo();
    await plan({ template: SMALL_STACK, workload: WORKLOAD, json: true }, bundled);
    const types = JSON.parse(bundled.stdout.join('')).computeEnvironments[0].instanceTypes.map((t: { instanceType: string }) => t.instanceType);
    const prices = writeJson(dir, 'prices.json', { onDemand: Object.fromEntries(types.map((t: string) => [t, 0])) });
    await plan({ template: SMALL_STACK, workload: WORKLOAD, json: true, prices }, cheap);
    expect(JSON.parse(bundled.stdout.join('')).costUsd).toBeGreaterThan(0);
    expect(JSON.parse(cheap.stdout.join('')).costUsd).toBe(0);

    const bad = recordingIo();
    const badPrices = writeJson(dir, 'bad.json', { spotPriceFactor: 3 });
    expect((await plan({ template: SMALL_STACK, workload: WORKLOAD, prices: badPrices }, bad)).exitCode).toBe(2);
    expect(bad.stderr.join('')).toContain('bad.json.spotPriceFactor: 3 is invalid');
  });

  test('an interactive terminal gets a progress bar on stderr; without --json a summary is printed', async () => {
    // GIVEN
    const io = recordingIo(true);
    let drawn = '';
    io.progressStream.on('data', (chunk) => { drawn += chunk; });

    // WHEN
    const { exitCode } = await plan({ template: SMALL_STACK, workload: WORKLOAD }, io);

    // THEN
    expect(exitCode).toBe(0);
    expect(drawn).toContain('jobs finished');
    expect(io.stdout.join('\n')).toMatch(/^makespan [\d,]+(\.\d+)? s; jobs 10 /);
  });

  test('the plan command is registered and exits 2 on a bad workload', async () => {
    const io = recordingIo();
    let code = -1;
    const dir = scratch();
    const file = writeJson(dir, 'w.json', '[]');
    await buildProgram(io, (c) => { code = c; }, { exitOverride: true }).parseAsync(['node', 'batch-local', 'plan', '--template', SMALL_STACK, '--workload', file]);
    expect(code).toBe(2);
    expect(io.stderr.join('')).toContain('workload: expected an object');
  });
});

describe('batch-local plan --compare-weights (PLAN-14)', () => {
  /** teamA and teamB, 40 one-vCPU jobs of 100 s each on the 4-vCPU fair-share queue. */
  function teamsWorkload(dir: string): string {
    return writeJson(dir, 'teams.json', {
      submissions: ['teamA', 'teamB'].map((share) => ({ jobName: share, jobQueue: 'teams', jobDefinition: 'one', shareIdentifier: share, count: 40 })),
      behaviors: { one: { durationSeconds: 100 } },
    });
  }

  test('FS-4: two weight sets in one command: one report, the runs side by side with their waits and achieved shares', async () => {
    // GIVEN the template's weights 1/1 and a workload where both teams stay backlogged
    const dir = scratch();
    const template = fairShareTemplateFile({ teamA: 1, teamB: 1 });
    const io = recordingIo();
    let code: number | undefined;

    // WHEN
    await buildProgram(io, (c) => { code = c; }, { exitOverride: true }).parseAsync(['node', 'batch-local', 'plan', '--template', template,
      '--workload', teamsWorkload(dir), '--compare-weights', 'teamA=1,teamB=3', '--compare-weights', 'teamA=1,teamB=1', '--out', path.join(dir, 'what-if.html')]);

    // THEN stdout has a line per run and per share, runs separated by |
    expect(code ?? 0).toBe(0);
    const text = io.stdout.join('');
    expect(text).toContain('run 1 (teamA=1,teamB=3): makespan');
    expect(text).toContain('run 2 (teamA=1,teamB=1): makespan');
    expect(text).toMatch(/ {2}teamA: weight 1, wait .*vCPU-time 75\.0% \(target 75\.0%\) \| weight 1, .*vCPU-time 50\.0% \(target 50\.0%\)/);
    expect(text).toMatch(/ {2}teamB: weight 3, .* \| weight 1, /);
    const html = fs.readFileSync(path.join(dir, 'what-if.html'), 'utf8');
    expect(html).toContain('<th colspan="6">teamA=1,teamB=3</th><th colspan="6">teamA=1,teamB=1</th>');
    expect(html).toContain('id="chart-shares-0-0"');
    expect(html).toContain('id="chart-shares-1-0"');
  });

  test('one --compare-weights is compared with the template\'s own settings; --json gives both reports', async () => {
    const dir = scratch();
    const io = recordingIo();
    const { exitCode, comparison } = await plan({
      template: fairShareTemplateFile({ teamA: 1, teamB: 1 }), workload: teamsWorkload(dir), json: true, compareWeights: ['teams-policy:teamB=3'],
    }, io);
    expect(exitCode).toBe(0);
    const json = JSON.parse(io.stdout.join(''));
    expect(json.runs.map((run: { name: string }) => run.name)).toEqual(['as in the template', 'teams-policy:teamB=3']);
    expect(json).toEqual(JSON.parse(JSON.stringify(comparison)));
    type Run = { report: { fairShareQueues: Array<{ shares: Array<{ achievedShare: number }> }> } };
    const achieved = json.runs.map((run: Run) => run.report.fairShareQueues[0].shares[0].achievedShare);
    expect(achieved[0]).toBeCloseTo(0.5, 1);
    expect(achieved[1]).toBeCloseTo(0.75, 1);
  });

  test('FS-1: a weight out of range, an unknown policy or a malformed setting exits 2 naming the option and value; nothing is written', async () => {
    const dir = scratch();
    const template = fairShareTemplateFile({ teamA: 1 });
    const out = path.join(dir, 'r.html');
    const run = async (setting: string): Promise<string> => {
      const io = recordingIo();
      const { exitCode } = await plan({ template, workload: teamsWorkload(dir), out, compareWeights: [setting] }, io);
      expect(exitCode).toBe(2);
      return io.stderr.join('');
    };
    expect(await run('teamA=1000')).toMatch(/--compare-weights teamA=1000 \(scheduling policy teams-policy\): .*weightFactor.*1000/);
    expect(await run('nope:teamA=1')).toContain('--compare-weights nope:teamA=1: unknown scheduling policy "nope"; the template\'s: teams-policy');
    expect(await run('teamA')).toContain('--compare-weights teamA: "teamA" is not KEY=VALUE');
    expect(fs.existsSync(out)).toBe(false);
  });
});
