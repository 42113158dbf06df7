import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { minvCpusStack, observe, post, submitBatch } from './checkpoint-workload';
import { serve, ServeHandle } from '../../../src/cli/commands/serve';
import { recordingIo, SMALL_STACK } from '../../cli/cli-fixture';
import { TS_NODE_REGISTER } from '../../ts-node-cache/ts-node-register';

const ROOT = path.join(__dirname, '..', '..', '..');

/** Children still running (a failed test must not leave one behind). */
const children: ChildProcess[] = [];

/** Starts the crash child; resolves with its URL and a promise of its end (signal). */
type Child = { url: string; ended: Promise<string | null>; stderr: () => string };
function startChild(stateDir: string, step: string, nth: number, template: string): Promise<Child> {
  const child = spawn(process.execPath, [...TS_NODE_REGISTER, path.join(__dirname, 'checkpoint-crash-child.ts'), stateDir, step, String(nth), template], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const ended = new Promise<string | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`crash child exited (${code ?? signal}) before listening: ${stderr}`)));
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('\n')) resolve({ url: JSON.parse(stdout).endpoint, ended, stderr: () => stderr });
    });
  });
}

/**
 * Two batches, each followed by a checkpoint: run to the end, or (`live`) only 30 s on (the 60 s jobs
 * still RUNNING, others RUNNABLE or PENDING on dependencies, with timeouts and retries: a checkpoint
 * with live jobs, #21 §2). The requests every test sends.
 */
async function drive(url: string, ids: string[], live: boolean): Promise<void> {
  for (const batch of ['a', 'b']) {
    ids.push(...await submitBatch(url, batch, 15, live));
    if (live) await post(url, '/_local/clock/advance', { seconds: 30 });
    else await post(url, '/_local/clock/run-until-idle', {});
  }
}

describe.each([
  ['minvCpus 0', false, false],
  ['minvCpus 2 (instances up at every checkpoint)', true, false],
  ['jobs unfinished at every checkpoint', false, true],
])('serve --state-dir: SIGKILL during a checkpoint, %s', (_name, minvCpus, live) => {
  let dir: string;
  let template: string;
  const open: ServeHandle[] = [];
  let expected: { ids: string[]; seen: unknown; later: unknown };

  const start = async (stateDir: string, io = recordingIo()): Promise<ServeHandle> => {
    const handle = await serve({ template, port: 0, host: '127.0.0.1', executor: 'simulated', clock: 'virtual', stateDir, checkpointEvery: 0 }, io);
    open.push(handle);
    return handle;
  };
  const stop = async (handle: ServeHandle): Promise<void> => {
    open.splice(open.indexOf(handle), 1);
    await handle.close();
  };
  /** What the state looks like, and after one more batch, run, checkpoint and restart. */
  type Observed = { seen: unknown; later: unknown; warnings: string };
  const observeAndGoOn = async (stateDir: string, ids: string[], io = recordingIo()): Promise<Observed> => {
    let handle = await start(stateDir, io);
    const seen = await observe(handle.url, ids);
    const more = [...ids, ...await submitBatch(handle.url, 'c', 10)];
    await post(handle.url, '/_local/clock/run-until-idle', {});
    await stop(handle);
    handle = await start(stateDir, io);
    const later = await observe(handle.url, more);
    await stop(handle);
    return { seen, later, warnings: io.stderr.join('\n') };
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-crash-'));
    template = minvCpus ? minvCpusStack(dir) : SMALL_STACK;
    // The same requests on a server that is never killed.
    const stateDir = path.join(dir, 'reference');
    const handle = await start(stateDir);
    const ids: string[] = [];
    await drive(handle.url, ids, live);
    await stop(handle);
    const { seen, later } = await observeAndGoOn(stateDir, ids);
    expected = { ids, seen, later };
  }, 60_000);

  afterEach(async () => {
    for (const handle of open.splice(0)) await handle.close();
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['segment-marked', 2], ['checkpoint-written', 2], ['checkpoint-renamed', 2], ['segment-created', 2],
    ['compact-checkpoints-removed', 2], ['compacted', 2],
  ])('#21 §2, LIFE-6: GIVEN a server SIGKILLed after step %s of its checkpoint #%d WHEN it restarts THEN every acknowledged job and log stream is there, and checkpoints go on', async (step, nth) => {
    // GIVEN
    const stateDir = path.join(dir, `${step}-${nth}`);
    const child = await startChild(stateDir, step, nth, template);
    const ids: string[] = [];
    await drive(child.url, ids, live).catch(() => undefined); // the kill may cut off the last answer: its request was durable before the checkpoint began
    const signal = await child.ended;

    // WHEN
    const restarted = await observeAndGoOn(stateDir, expected.ids);

    // THEN
    expect(signal).toBe('SIGKILL');
    expect(ids.slice(0, expected.ids.length)).toEqual(expected.ids.slice(0, ids.length));
    expect(restarted.seen).toEqual(expected.seen);
    expect(restarted.later).toEqual(expected.later);
    expect(restarted.warnings).not.toMatch(/differs|not at rest|checkpoints are off/);
    expect(fs.readdirSync(stateDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    if (live) expect(JSON.stringify(restarted.seen)).toMatch(/Host EC2 \(instance i-[0-9a-f]+\) terminated/); // RETRY-3: attempts live at the kill
  }, 180_000); // a child's start through ts-node takes most of a minute on a loaded machine
});
