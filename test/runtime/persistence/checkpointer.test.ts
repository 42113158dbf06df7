import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { minvCpusStack, observe, post, submitBatch } from './checkpoint-workload';
import { serve, ServeHandle, ServeOptions } from '../../../src/cli/commands/serve';
import { recordingIo, SMALL_STACK } from '../../cli/cli-fixture';

const WEEK_AND_A_DAY = 8 * 24 * 3600;

/**
 * The workload every test drives, on a durable server and on a plain one alike: three batches,
 * each run to the end (a rest point), 8 days apart (LIFE-4 purges the first), then a fourth left
 * half-run. Between steps `between` may restart the durable server.
 */
async function workload(handle: () => ServeHandle, between: (step: number) => Promise<void>): Promise<string[]> {
  const ids: string[] = [];
  for (let batch = 0; batch < 3; batch++) {
    ids.push(...await submitBatch(handle().url, `b${batch}`, 25));
    await post(handle().url, '/_local/clock/run-until-idle', {});
    await between(batch);
    await post(handle().url, '/_local/clock/advance', { seconds: batch === 0 ? WEEK_AND_A_DAY : 3600 });
  }
  ids.push(...await submitBatch(handle().url, 'b3', 10));
  await post(handle().url, '/_local/clock/advance', { seconds: 90 });
  await between(3);
  return ids;
}

/** 1 when the newest checkpoint of `stateDir` holds an unfinished job (a live checkpoint, #21 §2), else 0. */
async function unfinishedInNewestCheckpoint(stateDir: string): Promise<number> {
  const newest = fs.readdirSync(stateDir).filter((name) => /^checkpoint-\d+\.jsonl$/.test(name)).sort((a, b) => parseInt(a.slice(11), 10) - parseInt(b.slice(11), 10)).pop();
  if (!newest) return 0;
  return /"status":"(RUNNABLE|STARTING|RUNNING|PENDING)"/.test(fs.readFileSync(path.join(stateDir, newest), 'utf8')) ? 1 : 0;
}


/** `checkpointEvery` of the comparison runs: never due, and no checkpoint at close either, so each start replays the whole journal. */
const REPLAY_ONLY = 1_000_000;

describe('serve --state-dir checkpoints', () => {
  let dir: string;
  const open: ServeHandle[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-'));
  });

  afterEach(async () => {
    for (const handle of open.splice(0)) await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const startServer = async (options: Partial<Omit<ServeOptions, 'executor'>>, io = recordingIo()): Promise<ServeHandle> => {
    const replayOnly = options.checkpointEvery === REPLAY_ONLY ? { checkpointAtClose: false } : {};
    const handle = await serve({ template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated', clock: 'virtual', ...replayOnly, ...options }, io);
    open.push(handle);
    return handle;
  };
  const start = startServer;
  const stop = async (handle: ServeHandle): Promise<void> => {
    open.splice(open.indexOf(handle), 1);
    await handle.close();
  };

  /**
   * Runs the workload on a durable server in `stateDir`, stopped and started again after each step
   * (the last one mid-run: its RUNNING jobs fail as on a lost host, RETRY-3); returns what a client
   * saw after the last restart and after running to the end, with the restarts' warnings.
   */
  type Restarted = { ids: string[]; before: unknown; after: unknown; warnings: string };
  const restarting = async (stateDir: string, checkpointEvery: number, template: string = SMALL_STACK): Promise<Restarted> => {
    let durable = await start({ stateDir, checkpointEvery, template });
    const warnings: string[] = [];
    const ids = await workload(() => durable, async () => {
      await stop(durable);
      const io = recordingIo();
      durable = await start({ stateDir, checkpointEvery, template }, io);
      warnings.push(...io.stderr);
    });
    const before = await observe(durable.url, ids);
    await post(durable.url, '/_local/clock/run-until-idle', {});
    const after = await observe(durable.url, ids);
    await stop(durable);
    return { ids, before, after, warnings: warnings.join('\n') };
  };

  test('#21 §2, LIFE-4, LIFE-6, RETRY-3: GIVEN a server restarted after every step WHEN it checkpoints at each rest point THEN every job, log stream, list and the clock equal the same restarts replaying the whole journal', async () => {
    // GIVEN the same workload and restarts with checkpoints off: the journal is replayed from the start each time
    const replayed = await restarting(path.join(dir, 'replayed'), REPLAY_ONLY);

    // WHEN checkpoints are taken at every rest point
    const stateDir = path.join(dir, 'state');
    const checkpointed = await restarting(stateDir, 0);

    // THEN
    expect(checkpointed.ids).toEqual(replayed.ids);
    expect(checkpointed.before).toEqual(replayed.before);
    expect(checkpointed.after).toEqual(replayed.after);
    expect(checkpointed.warnings).not.toMatch(/differs|unusable|not at rest|checkpoints are off/);
    // THEN the journal before the previous checkpoint was compacted away, and the replayed one never was
    const files = fs.readdirSync(stateDir).sort();
    expect(files).not.toContain('journal.jsonl');
    expect(files.filter((name) => name.startsWith('checkpoint-'))).toHaveLength(2);
    expect(fs.readdirSync(path.join(dir, 'replayed')).filter((name) => name !== 'batch-local.lock')).toEqual(['journal.jsonl']);
  }, 120_000);

  test('#21 §2, SCHED-5: GIVEN a compute environment that keeps instances up (minvCpus > 0) WHEN it checkpoints with those instances idle THEN the restarts equal the same restarts replaying the whole journal, instance ids included', async () => {
    // GIVEN the small stack with minvCpus 2: its instances never all scale in, so the old rest point never came
    const template = minvCpusStack(dir);
    const replayed = await restarting(path.join(dir, 'replayed'), REPLAY_ONLY, template);

    // WHEN checkpoints are taken whenever due
    const stateDir = path.join(dir, 'state');
    const checkpointed = await restarting(stateDir, 0, template);

    // THEN checkpoints were taken, and the restarts saw the same jobs, attempts (with their instances), logs, lists and clock
    expect(fs.readdirSync(stateDir).filter((name) => name.startsWith('checkpoint-'))).toHaveLength(2);
    expect(checkpointed.ids).toEqual(replayed.ids);
    expect(checkpointed.before).toEqual(replayed.before);
    expect(checkpointed.after).toEqual(replayed.after);
    expect(JSON.stringify(checkpointed.after)).toMatch(/container-instance/);
    expect(checkpointed.warnings).not.toMatch(/differs|unusable|not at rest|checkpoints are off/);
  }, 120_000);

  test('#21 §2, EVT-4: GIVEN a scheduled rule on a wall-clock durable endpoint WHEN it has nothing else to do THEN a checkpoint is taken though the rule\'s next fire is pending, holding that fire, and a restart restores from it without a warning', async () => {
    // GIVEN the small stack with an hourly rule that submits to its queue: its next fire is always on the event heap
    const stack = JSON.parse(fs.readFileSync(SMALL_STACK, 'utf8'));
    stack.Resources.Hourly = {
      Type: 'AWS::Events::Rule',
      Properties: {
        ScheduleExpression: 'rate(1 hour)',
        State: 'ENABLED',
        Targets: [{
          Id: 'queue',
          Arn: { Ref: 'Queue' },
          RoleArn: 'arn:aws:iam::123456789012:role/events',
          BatchParameters: { JobDefinition: { Ref: 'Hello' }, JobName: 'hourly' },
        }],
      },
    };
    const template = path.join(dir, 'hourly.template.json');
    fs.writeFileSync(template, JSON.stringify(stack));
    const stateDir = path.join(dir, 'state');
    const first = await start({ stateDir, checkpointEvery: 0, template, clock: 'wall' });

    // WHEN the endpoint looks for a rest point (every second on the wall clock)
    const checkpoints = (): string[] => fs.readdirSync(stateDir).filter((name) => /^checkpoint-\d+\.jsonl$/.test(name));
    for (let waited = 0; checkpoints().length === 0 && waited < 60_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    await stop(first);

    // THEN a checkpoint holds the rule's armed next fire (an hour after the start)
    expect(checkpoints()).toHaveLength(1);
    const records = fs.readFileSync(path.join(stateDir, checkpoints()[0]), 'utf8').trim().split('\n').map((line) => JSON.parse(line).r);
    const schedules = records.find((record) => record.k === 'chunk' && record.data?.horizon !== undefined && Array.isArray(record.data?.rules));
    const armed = expect.objectContaining({ time: expect.any(Number), sequence: expect.any(Number) });
    expect(schedules?.data.rules).toEqual([expect.objectContaining({ armed })]);
    // THEN a restart restores from it, with nothing fired on the way (the unit property checks the fires after it)
    const io = recordingIo();
    const second = await start({ stateDir, checkpointEvery: 0, template, clock: 'wall' }, io);
    const hourly = await post(second.url, '/v1/listjobs', { jobQueue: 'first-run-job-queue', filters: [{ name: 'JOB_NAME', values: ['hourly'] }] });
    expect(hourly.jobSummaryList).toEqual([]);
    expect(io.stderr.join('\n')).not.toMatch(/differs|unusable|not at rest|checkpoints are off/);
  }, 120_000);

  test('#21 §2: GIVEN a torn newest checkpoint WHEN the server restarts THEN it warns naming it, restores from the previous one and the journal after it, and loses nothing', async () => {
    // GIVEN two checkpoints (two batches run to the end), a third batch submitted, the server stopped
    const stateDir = path.join(dir, 'state');
    const first = await start({ stateDir, checkpointEvery: 0 });
    const ids = [...await submitBatch(first.url, 'a', 15)];
    await post(first.url, '/_local/clock/run-until-idle', {});
    ids.push(...await submitBatch(first.url, 'b', 15));
    await post(first.url, '/_local/clock/run-until-idle', {});
    ids.push(...await submitBatch(first.url, 'c', 5));
    await stop(first);
    // What a restart from the whole newest checkpoint gives (a restart adds a scheduling pass: compare restart with restart).
    fs.cpSync(stateDir, path.join(dir, 'untorn'), { recursive: true });
    const untorn = await start({ stateDir: path.join(dir, 'untorn'), checkpointEvery: 0 });
    const seen = await observe(untorn.url, ids);
    await stop(untorn);
    const newest = path.join(stateDir, 'checkpoint-000002.jsonl');
    const bytes = fs.readFileSync(newest);
    fs.writeFileSync(newest, bytes.subarray(0, Math.floor(bytes.length / 2)));

    // WHEN
    const io = recordingIo();
    const second = await start({ stateDir, checkpointEvery: 0 }, io);
    const restored = await observe(second.url, ids);

    // THEN
    expect(io.stderr.join('\n')).toMatch(/checkpoint-000002\.jsonl: unusable checkpoint \(.*\); restoring from checkpoint-000001\.jsonl and the journal after it/);
    expect(restored).toEqual(seen);
    expect(io.stderr.join('\n')).not.toMatch(/differs/);
  }, 60_000);

  test('#21 §2, LIFE-4: GIVEN batches 8 days apart WHEN checkpoints are taken THEN the newest holds only the jobs retention keeps, and the journal holds only what followed it', async () => {
    // GIVEN / WHEN four batches of 20, each run to the end and followed by 8 days
    const stateDir = path.join(dir, 'state');
    const handle = await start({ stateDir, checkpointEvery: 0 });
    const batches: string[][] = [];
    for (let batch = 0; batch < 4; batch++) {
      batches.push(await submitBatch(handle.url, `b${batch}`, 20));
      await post(handle.url, '/_local/clock/run-until-idle', {});
      await post(handle.url, '/_local/clock/advance', { seconds: WEEK_AND_A_DAY });
    }
    // A request after the last advance purges (LIFE-4 purges lazily) and reaches a rest point again.
    const last = await submitBatch(handle.url, 'last', 1);
    await post(handle.url, '/_local/clock/run-until-idle', {});
    await stop(handle);

    // THEN the newest checkpoint's jobs are the one job submitted after the last purge
    const newest = fs.readdirSync(stateDir).filter((name) => name.startsWith('checkpoint-')).sort().pop()!;
    const lines = fs.readFileSync(path.join(stateDir, newest), 'utf8').trim().split('\n').map((line) => JSON.parse(line).r);
    const jobsHeader = lines[1].data;
    expect(jobsHeader.jobs).toBe(1);
    expect(lines.map((line) => JSON.stringify(line)).join('\n')).toContain(last[0]);
    expect(lines.map((line) => JSON.stringify(line)).join('\n')).not.toContain(batches[3][0]);
    // THEN the segment after it holds its header only
    const segment = newest.replace('checkpoint-', 'journal-');
    expect(fs.readFileSync(path.join(stateDir, segment), 'utf8').trim().split('\n')).toHaveLength(1);
  }, 60_000);

  test('#21 §2: GIVEN a durable server with jobs finished and unfinished WHEN it is stopped cleanly THEN it checkpoints first, so the next start replays nothing and sees what the whole-journal replay sees; --no-checkpoint-at-close leaves the journal to replay', async () => {
    // GIVEN the same requests on a server with the default policy and on one that replays its whole journal
    type Stopped = { ids: string[]; files: string[]; segmentLines: number; seen: unknown };
    const run = async (stateDir: string, options: Partial<ServeOptions>): Promise<Stopped> => {
      const handle = await start({ stateDir, ...options });
      const ids = [...await submitBatch(handle.url, 'done', 3), ...await submitBatch(handle.url, 'late', 2, true)];
      await post(handle.url, '/_local/clock/advance', { seconds: 120 }); // the first ones end; those with timeouts run on
      // WHEN
      await stop(handle);
      const files = fs.readdirSync(stateDir).filter((name) => name !== 'batch-local.lock').sort();
      const segmentLines = files.includes('journal-000001.jsonl') ? fs.readFileSync(path.join(stateDir, 'journal-000001.jsonl'), 'utf8').trim().split('\n').length : 0;
      const io = recordingIo();
      const restarted = await start({ stateDir, ...options }, io);
      const seen = await observe(restarted.url, ids);
      await stop(restarted);
      expect(io.stderr.join('\n')).not.toMatch(/differs|unusable|not at rest|checkpoints are off/);
      return { ids, files, segmentLines, seen };
    };
    const atClose = await run(path.join(dir, 'at-close'), {});
    const replayed = await run(path.join(dir, 'replayed'), { checkpointAtClose: false });

    // THEN the default policy checkpointed at the stop (the journal is far under the 1 MiB threshold) and its new segment holds its header only
    expect(atClose.files).toEqual(['checkpoint-000001.jsonl', 'journal-000001.jsonl', 'journal.jsonl']);
    expect(atClose.segmentLines).toBe(1);
    // THEN without it there is no checkpoint: the next start replays the journal; both restarts see the same jobs
    expect(replayed.files).toEqual(['journal.jsonl']);
    expect(atClose.ids).toEqual(replayed.ids);
    expect(atClose.seen).toEqual(replayed.seen);
  }, 60_000);

  test('#21 §2, LIFE-4: GIVEN finished jobs purged by retention WHEN the whole journal is replayed THEN the replay does not warn that they went missing', async () => {
    // GIVEN
    const stateDir = path.join(dir, 'state');
    const first = await start({ stateDir, checkpointEvery: REPLAY_ONLY });
    await submitBatch(first.url, 'old', 10);
    await post(first.url, '/_local/clock/run-until-idle', {});
    await post(first.url, '/_local/clock/advance', { seconds: WEEK_AND_A_DAY });
    await submitBatch(first.url, 'new', 1); // purges the old ones (LIFE-4 purges at requests)
    await stop(first);

    // WHEN
    const io = recordingIo();
    await stop(await start({ stateDir, checkpointEvery: REPLAY_ONLY }, io));

    // THEN
    expect(io.stderr.join('\n')).not.toMatch(/differs/);
  }, 60_000);

  type Step = { submit: number } | { advance: number } | { terminate: number } | { cancel: number } | 'run-until-idle' | 'restart';
  const STEP = fc.oneof(
    fc.integer({ min: 1, max: 25 }).map((submit): Step => ({ submit })),
    fc.constantFrom(5, 30, 45, 70, 600, 3600, WEEK_AND_A_DAY).map((advance): Step => ({ advance })),
    fc.nat().map((terminate): Step => ({ terminate })),
    fc.nat().map((cancel): Step => ({ cancel })),
    fc.constant<Step>('run-until-idle'),
    fc.constant<Step>('restart'),
  );

  test('#21 §2, LIFE-4, LIFE-7, RETRY-3, SCHED-5, TIME-2: GIVEN any sequence of submissions (arrays, dependencies, retries, timeouts), clock moves, terminations, cancels and restarts, with instances always up or not WHEN it checkpoints whenever due, jobs unfinished or not THEN what a client sees equals the same sequence replaying the whole journal', async () => {
    let run = 0;
    let liveCheckpoints = 0;
    const durations = fc.constantFrom<number | undefined>(undefined, 90); // 90 s: the 60 s timeouts fire
    const steps = fc.array(STEP, { minLength: 2, maxLength: 8 });
    await fc.assert(fc.asyncProperty(fc.boolean(), durations, steps, async (minvCpus, defaultDuration, sequence) => {
      const root = path.join(dir, `run-${run++}`);
      fs.mkdirSync(root);
      const template = minvCpus ? minvCpusStack(root) : SMALL_STACK;
      const play = async (stateDir: string, checkpointEvery: number): Promise<{ seen: unknown; warnings: string }> => {
        const restart = async (io?: ReturnType<typeof recordingIo>): Promise<ServeHandle> =>
          startServer({ stateDir, checkpointEvery, template, defaultDuration }, io);
        let handle = await restart();
        const io = recordingIo();
        const ids: string[] = [];
        for (const [i, step] of sequence.entries()) {
          if (step === 'restart') {
            await stop(handle);
            handle = await restart(io);
          } else if (step === 'run-until-idle') {
            await post(handle.url, '/_local/clock/run-until-idle', {});
          } else if ('submit' in step) {
            ids.push(...await submitBatch(handle.url, `s${i}`, step.submit, true));
          } else if ('advance' in step) {
            await post(handle.url, '/_local/clock/advance', { seconds: step.advance });
            if (checkpointEvery === 0) liveCheckpoints += await unfinishedInNewestCheckpoint(stateDir);
          } else if (ids.length > 0) {
            const operation = 'terminate' in step ? 'terminatejob' : 'canceljob';
            await post(handle.url, `/v1/${operation}`, { jobId: ids[('terminate' in step ? step.terminate : step.cancel) % ids.length], reason: 'stop' });
          }
        }
        await stop(handle);
        handle = await restart(io);
        const before = await observe(handle.url, ids);
        await post(handle.url, '/_local/clock/run-until-idle', {});
        const after = await observe(handle.url, ids);
        await stop(handle);
        return { seen: { before, after }, warnings: io.stderr.join('\n') };
      };
      const replayed = await play(path.join(root, 'replayed'), REPLAY_ONLY);
      const checkpointed = await play(path.join(root, 'checkpointed'), 0);
      expect(checkpointed.seen).toEqual(replayed.seen);
      expect(checkpointed.warnings).not.toMatch(/differs|unusable|not at rest|checkpoints are off/);
    }), { numRuns: 30 });
    // THEN some checkpoints were taken with jobs unfinished (the case #21 §2 is about)
    expect(liveCheckpoints).toBeGreaterThan(0);
  }, 600_000);
});

