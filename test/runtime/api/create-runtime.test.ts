import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createRuntime } from '../../../src/runtime/api/create-runtime';

const FIXTURE = path.join(__dirname, '..', '..', 'cli', 'fixtures', 'small-stack.template.json');

describe('createRuntime', () => {
  test('CFN-1, CFN-4, CFN-5: serve loads a YAML parent with its nested stack, takes imports, and reports what it loaded without', async () => {
    // GIVEN
    const corpus = path.join(__dirname, '..', 'template', 'corpus');
    const warnings: string[] = [];

    // WHEN
    const nested = createRuntime({ templateFile: path.join(corpus, 'nested-parent.yaml'), executor: 'simulated', clock: 'virtual', warn: (m) => warnings.push(m) });
    const imported = createRuntime({
      templateFile: path.join(corpus, 'imports-missing.yaml'), executor: 'simulated', clock: 'virtual', imports: { 'network-Subnets': 'subnet-9' }, warn: (m) => warnings.push(m),
    });
    await nested.dispose();
    await imported.dispose();

    // THEN
    expect(nested.host.backend.registry.listJobQueues()).toHaveLength(2); // the parent's and the child's
    expect(imported.host.backend.registry.listComputeEnvironments()[0].computeResources?.subnets).toEqual(['subnet-9']);
    expect(warnings.filter((w) => w.includes('network-Subnets'))).toEqual([]);
    expect(warnings).toContainEqual(expect.stringMatching(/export "network-SecurityGroup" has no value here/));
  });

  test('#11 §2: the virtual clock always simulates, whatever executor was asked for, and registers the clock routes', async () => {
    // WHEN
    const runtime = createRuntime({ templateFile: FIXTURE, executor: 'process', clock: 'virtual' });
    await runtime.dispose();

    // THEN
    expect(runtime.executor).toBe('simulated');
    expect(runtime.host.clockState().mode).toBe('virtual');
    expect(runtime.server.localRoutes.list()).toEqual(expect.arrayContaining(['GET /_local/clock', 'POST /_local/clock/advance', 'POST /_local/clock/run-until-idle']));
    expect(runtime.durable).toBe(false);
  });

  test('#11 §3: with a state dir a second runtime restores the first one\'s jobs, same ids, same clock', async () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'create-runtime-'));
    const first = createRuntime({ templateFile: FIXTURE, executor: 'simulated', clock: 'virtual', stateDir: dir });
    const journal = first.server as unknown as { journal: { beforeHandle(): number; accepted(r: unknown, at: number): Promise<void> } };
    const at = journal.journal.beforeHandle();
    const input = { jobName: 'j', jobQueue: 'first-run-job-queue', jobDefinition: 'hello' };
    const { jobId } = first.host.backend.submitJob(input);
    await journal.journal.accepted({ api: 'batch', operation: 'SubmitJob', input: JSON.stringify(input) }, at);
    await first.dispose();

    // WHEN
    const second = createRuntime({ templateFile: FIXTURE, executor: 'simulated', clock: 'virtual', stateDir: dir });
    await second.dispose();
    fs.rmSync(dir, { recursive: true, force: true });

    // THEN
    expect(second.restored).toEqual({ requests: 1, jobsRecovered: 1, attemptsLost: 0, now: first.host.clockState().now });
    expect(second.host.backend.job(jobId)?.spec.jobName).toBe('j');
  });
});
