import { AttemptHandle, AttemptResult, AttemptSink, ContainerLaunch, JobRunner } from '../../../src/runtime/core/executor';
import { EndRecord, JournalRecord, LogRecord } from '../../../src/runtime/persistence/journal-records';
import { AttemptRecorder, JournalRunner } from '../../../src/runtime/persistence/journal-runner';

/** A real-time runner that records what it was asked and lets the test report for it. */
class ScriptedRunner implements JobRunner {
  readonly realTime = true;
  readonly stopGracePeriodMs = 5_000;
  readonly started: Array<{ launch: ContainerLaunch; sink: AttemptSink; signals: string[] }> = [];

  start(launch: ContainerLaunch, sink: AttemptSink): AttemptHandle {
    const run = { launch, sink, signals: [] as string[] };
    this.started.push(run);
    return { stop: (signal) => run.signals.push(signal) };
  }
}

/** The runtime's side of one attempt: what reached it, in order. */
function recordingSink(): AttemptSink & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    log: (message) => seen.push(`log ${message}`),
    exited: (result) => seen.push(`exited ${JSON.stringify(result)}`),
    after: () => ({ cancel: () => undefined }),
  };
}

function launchOf(jobId: string, attempt: number, containerName?: string): ContainerLaunch {
  return {
    jobId,
    jobName: jobId,
    attempt,
    jobDefinitionName: 'def',
    ...(containerName !== undefined ? { containerName } : {}),
    command: ['true'],
    environment: {},
    vcpus: 1,
    memoryMiB: 128,
    gpus: 0,
    container: {},
    logStreamName: `def/${containerName ?? 'default'}/${jobId}-${attempt}`,
  } as ContainerLaunch;
}

/** An AttemptRecorder that keeps what it was told. */
function recorder(): { ended: Array<{ jobId: string; result: AttemptResult; sync: boolean }>; settled: number; as: AttemptRecorder } {
  const state = { ended: [] as Array<{ jobId: string; result: AttemptResult; sync: boolean }>, settled: 0 };
  const as: AttemptRecorder = {
    ended: (l, result, sync) => { state.ended.push({ jobId: l.jobId, result, sync }); },
    settle: () => { state.settled++; },
  };
  return Object.assign(state, { as });
}

describe('JournalRunner', () => {
  test('#11 §3: during the replay no attempt reaches the real runner; journaled lines and ends are delivered to their attempt', () => {
    // GIVEN a replaying runner over a real one
    const real = new ScriptedRunner();
    const rec = recorder();
    const runner = new JournalRunner(real, rec.as);
    const sink = recordingSink();

    // WHEN an attempt starts and the journal's line and end for it are played back
    const handle = runner.start(launchOf('a', 1), sink);
    handle.stop('SIGKILL');
    const line: LogRecord = { k: 'log', t: 1, group: 'g', stream: 's', message: 'hello', jobId: 'a', attempt: 1 };
    const end: EndRecord = { k: 'end', t: 2, jobId: 'a', attempt: 1, exitCode: 3, reason: 'r' };
    const delivered = [runner.playBack(line), runner.playBack(end), runner.playBack({ ...end, jobId: 'b' })];

    // THEN
    expect(real.started).toHaveLength(0);
    expect(sink.seen).toEqual(['log hello', 'exited {"exitCode":3,"reason":"r"}']);
    expect(delivered).toEqual([true, true, false]); // 'b' never started: the replay diverged
    expect(rec.ended).toHaveLength(0);
    expect(runner.realTime).toBe(true);
    expect(runner.stopGracePeriodMs).toBe(5_000);
  });

  test('#11 §3: a launch failure journaled inside start is delivered inside start again', () => {
    // GIVEN a journal whose attempt failed to launch synchronously
    const journaled: JournalRecord[] = [{ k: 'end', t: 1, jobId: 'a', attempt: 1, reason: 'CannotStartContainerError', sync: true }];
    const rec = recorder();
    const runner = new JournalRunner(new ScriptedRunner(), rec.as, journaled);
    const sink = recordingSink();

    // WHEN
    runner.start(launchOf('a', 1), sink);

    // THEN
    expect(sink.seen).toEqual(['exited {"reason":"CannotStartContainerError"}']);
  });

  test('#11 §3, RETRY-3: after switchToLive attempts run on the real runner; their ends are recorded once, after settling the clock', () => {
    // GIVEN a runner switched to live, with one attempt left unended by the replay
    const real = new ScriptedRunner();
    const rec = recorder();
    const runner = new JournalRunner(real, rec.as);
    runner.start(launchOf('lost', 1), recordingSink());
    runner.switchToLive();
    const sink = recordingSink();

    // WHEN a retry starts, the runtime stops it, and the real runner reports a line and its end (twice)
    const handle = runner.start(launchOf('lost', 2), sink);
    handle.stop('SIGTERM');
    const started = real.started[0];
    started.sink.log('bye');
    started.sink.exited({ exitCode: 143 });
    started.sink.exited({ exitCode: 0 });

    // THEN
    expect(runner.isLive).toBe(true);
    expect(runner.playBack({ k: 'end', t: 1, jobId: 'lost', attempt: 1 })).toBe(false); // the unended one is the recovery's now
    expect(started.launch.attempt).toBe(2);
    expect(started.signals).toEqual(['SIGTERM']);
    expect(sink.seen).toEqual(['log bye', 'exited {"exitCode":143}', 'exited {"exitCode":0}']);
    expect(rec.ended).toEqual([{ jobId: 'lost', result: { exitCode: 143 }, sync: false }]);
    expect(rec.settled).toBe(2); // before the line and before the end
  });

  test('#11 §3: an end reported inside start (a launch failure) is recorded as sync, without settling the clock mid-event', () => {
    // GIVEN a real runner that fails inside start
    const rec = recorder();
    const failing: JobRunner = { realTime: true, start: (_l, sink) => { sink.exited({ reason: 'no such file' }); return { stop: () => undefined }; } };
    const runner = new JournalRunner(failing, rec.as);
    runner.switchToLive();

    // WHEN
    runner.start(launchOf('a', 1), recordingSink());

    // THEN
    expect(rec.ended).toEqual([{ jobId: 'a', result: { reason: 'no such file' }, sync: true }]);
    expect(rec.settled).toBe(0);
  });

  test('#11 §3: the attempt writing a line is known while its line is appended, and only then', () => {
    // GIVEN
    const real = new ScriptedRunner();
    const rec = recorder();
    const runner = new JournalRunner(real, rec.as);
    runner.switchToLive();
    let during: unknown;
    const sink = { ...recordingSink(), log: () => { during = runner.writingAttempt; } };

    // WHEN
    runner.start(launchOf('a', 2), sink);
    real.started[0].sink.log('x');

    // THEN
    expect(during).toEqual({ jobId: 'a', attempt: 2 });
    expect(runner.writingAttempt).toBeUndefined();
  });

  test('PLAT-3: a task\'s end reaches the real runner once live (its pod directories go), never during the replay', () => {
    // GIVEN
    const ended: string[] = [];
    const real = Object.assign(new ScriptedRunner(), { taskEnded: (jobId: string, attempt: number) => { ended.push(`${jobId}#${attempt}`); } });
    const runner = new JournalRunner(real, recorder().as);

    // WHEN
    runner.taskEnded('replayed', 1);
    runner.switchToLive();
    runner.taskEnded('live', 2);

    // THEN
    expect(ended).toEqual(['live#2']);
  });

  test('PLAT-2, PLAT-3: the containers of one attempt (a task\'s, a pod\'s) are played back each from its own records, whatever the order', () => {
    // GIVEN a replaying runner with two containers of the same attempt running, and a sync end journaled for a third
    const journaled: JournalRecord[] = [{ k: 'end', t: 1, jobId: 'a', attempt: 1, containerName: 'broken', reason: 'CannotStartContainerError', sync: true }];
    const runner = new JournalRunner(new ScriptedRunner(), recorder().as, journaled);
    const [app, side, broken, other] = [recordingSink(), recordingSink(), recordingSink(), recordingSink()];
    runner.start(launchOf('a', 1, 'app'), app);
    runner.start(launchOf('a', 1, 'side'), side);
    runner.start(launchOf('a', 1, 'broken'), broken);
    runner.start(launchOf('a', 2, 'app'), other);

    // WHEN lines and ends are played back, the first container's last
    const log = (containerName: string, message: string): LogRecord => ({ k: 'log', t: 2, group: 'g', stream: containerName, message, jobId: 'a', attempt: 1, containerName });
    const end = (containerName: string, exitCode: number): EndRecord => ({ k: 'end', t: 3, jobId: 'a', attempt: 1, containerName, exitCode });
    const delivered = [
      runner.playBack(log('app', 'app line')), runner.playBack(log('side', 'side line')), runner.playBack(end('side', 2)),
      runner.playBack(end('side', 9)), runner.playBack(end('app', 3)), runner.playBack(end('nobody', 1)),
    ];

    // THEN
    expect(app.seen).toEqual(['log app line', 'exited {"exitCode":3}']);
    expect(side.seen).toEqual(['log side line', 'exited {"exitCode":2}']);
    expect(broken.seen).toEqual(['exited {"reason":"CannotStartContainerError"}']);
    expect(other.seen).toEqual([]);
    expect(delivered).toEqual([true, true, true, false, true, false]); // side ended once; no container 'nobody'
  });

  test('PLAT-2, PLAT-3: the line being appended names its container; a job of one container names none', () => {
    // GIVEN
    const real = new ScriptedRunner();
    const runner = new JournalRunner(real, recorder().as);
    runner.switchToLive();
    const during: unknown[] = [];
    const sink = { ...recordingSink(), log: () => { during.push(runner.writingAttempt); } };

    // WHEN
    runner.start(launchOf('a', 1, 'side'), sink);
    runner.start(launchOf('b', 1), sink);
    real.started[0].sink.log('x');
    real.started[1].sink.log('y');

    // THEN
    expect(during).toEqual([{ jobId: 'a', attempt: 1, containerName: 'side' }, { jobId: 'b', attempt: 1 }]);
    expect(Object.keys(during[1] as object)).toEqual(['jobId', 'attempt']);
  });

  test('#11 §3: a journal written before container names plays its records to the attempt\'s container started last, as it did', () => {
    // GIVEN a replaying runner over an older journal (records without containerName) of a pod: init, then main
    const journaled: JournalRecord[] = [{ k: 'end', t: 1, jobId: 'old', attempt: 1, reason: 'no such file', sync: true }];
    const runner = new JournalRunner(new ScriptedRunner(), recorder().as, journaled);
    const [init, main, failing] = [recordingSink(), recordingSink(), recordingSink()];

    // WHEN
    runner.start(launchOf('pod', 1, 'init'), init);
    const first = [runner.playBack({ k: 'log', t: 1, group: 'g', stream: 's', message: 'i', jobId: 'pod', attempt: 1 }), runner.playBack({ k: 'end', t: 2, jobId: 'pod', attempt: 1, exitCode: 0 })];
    runner.start(launchOf('pod', 1, 'main'), main);
    const second = [runner.playBack({ k: 'end', t: 3, jobId: 'pod', attempt: 1, exitCode: 4 }), runner.playBack({ k: 'end', t: 4, jobId: 'pod', attempt: 1, exitCode: 5 })];
    runner.start(launchOf('old', 1, 'main'), failing);

    // THEN
    expect(init.seen).toEqual(['log i', 'exited {"exitCode":0}']);
    expect(main.seen).toEqual(['exited {"exitCode":4}']);
    expect([...first, ...second]).toEqual([true, true, true, false]);
    expect(failing.seen).toEqual(['exited {"reason":"no such file"}']);
  });

  test('#21 §2: an attempt resumed from a checkpoint plays back from the journal after it, as a replayed one; it has no timer and no real process', () => {
    // GIVEN a runner restoring a checkpoint (not live yet), and a real runner that must not be asked
    const real = new ScriptedRunner();
    const runner = new JournalRunner(real, recorder().as);
    expect(runner.saveAttempt()).toBeNull();

    // WHEN an attempt that was running is resumed, and the journal after the checkpoint holds its line and end
    const sink = recordingSink();
    const handle = runner.resumeAttempt(launchOf('job-1', 2), sink);
    handle.stop('SIGTERM');
    const log: LogRecord = { k: 'log', t: 5, group: '/aws/batch/job', stream: 's', message: 'late line', jobId: 'job-1', attempt: 2 };
    const end: EndRecord = { k: 'end', t: 6, jobId: 'job-1', attempt: 2, exitCode: 0 };

    // THEN they reach it, and nothing reached the real runner
    expect(runner.playBack(log)).toBe(true);
    expect(runner.playBack(end)).toBe(true);
    expect(sink.seen).toEqual(['log late line', 'exited {"exitCode":0}']);
    expect(handle.resumeTimer).toBeUndefined();
    expect(real.started).toEqual([]);
  });
});
