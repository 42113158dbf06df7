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

function launchOf(jobId: string, attempt: number): ContainerLaunch {
  return {
    jobId, jobName: jobId, attempt, jobDefinitionName: 'def', command: ['true'], environment: {}, vcpus: 1, memoryMiB: 128, gpus: 0, container: {}, logStreamName: `def/default/${jobId}-${attempt}`,
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
