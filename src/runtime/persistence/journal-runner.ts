import { EndRecord, JournalRecord, LogRecord } from './journal-records';
import { AttemptHandle, AttemptResult, AttemptSink, ContainerLaunch, JobRunner, ResumedAttempt } from '../core/executor';
import { ResourceRegistry } from '../core/model/resource-registry';

/** Where the live side of a JournalRunner reports what a real executor did. */
export interface AttemptRecorder {
  /**
   * An attempt's container ended (first report only). `sync`: reported from within the runtime's
   * own call into the runner (a launch that failed inside `start`), not from an I/O callback.
   */
  ended(launch: ContainerLaunch, result: AttemptResult, sync: boolean): void;
  /** Runs what is due on the runtime's clock, up to the wall clock (the runtime is not running an event). */
  settle(): void;
}

const NO_OP_HANDLE: AttemptHandle = { stop: () => undefined };

/**
 * The runner of a durable endpoint with a real executor (`serve --state-dir` with processes or
 * containers). A restart replays the journaled requests; real processes cannot be run again (nor
 * should they: they ran), so during the replay this runner plays each attempt back from the journal
 * instead: the replay hands it each journaled log line and end (exit code, reasons) in journal
 * order, after running the runtime's clock up to the record's time (`playBack`), which is exactly
 * how they reached the runtime live: between timer runs, with everything due by then already run.
 * (Scheduling them as events at their times instead would order them before the other events of
 * the same millisecond, and attempts would start in another order, with other task ids.)
 * An attempt with no journaled end was live when the previous process died: it stays "running"
 * here, and the lost-host recovery that follows the replay fails it (RETRY-3). `switchToLive()`
 * then hands every later attempt (the retries included) to the real runner, whose ends and log
 * lines are reported to the recorder so the next restart can play them back.
 *
 * Why replay rather than a snapshot of the jobs: the replay rebuilds the whole backend state
 * (queues, capacity, dependencies, timers, array children) through the same code as live, so no
 * second representation of that state has to be kept in step with the core.
 */
export class JournalRunner implements JobRunner {
  /**
   * Replay: the sinks of the containers started and not yet ended, by `jobId#attempt#containerName`
   * (PLAT-2, PLAT-3: a task's or pod's containers share the attempt; a job of one container has no name).
   */
  private readonly playing = new Map<string, AttemptSink>();
  private live = false;
  private writing?: WritingContainer;
  /** Replay: ends reported inside `start` (launch failures), delivered there again. */
  private readonly syncEnds = new Map<string, EndRecord>();
  /** Live: > 0 while the runtime is calling into the real runner (start, stop, a timer of its). */
  private depth = 0;

  constructor(private readonly real: JobRunner, private readonly recorder: AttemptRecorder, journaled: readonly JournalRecord[] = []) {
    for (const record of journaled) if (record.k === 'end' && record.sync) this.syncEnds.set(key(record.jobId, record.attempt, record.containerName), record);
  }

  get realTime(): boolean {
    return this.real.realTime;
  }

  get stopGracePeriodMs(): number | undefined {
    return this.real.stopGracePeriodMs;
  }

  /** The attempt (and container, in a task or pod) writing the log line being appended now (live only), for the log record. */
  get writingAttempt(): WritingContainer | undefined {
    return this.writing;
  }

  /** The runner it delegates to once live. */
  get realRunner(): JobRunner {
    return this.real;
  }

  /** Whether attempts now go to the real runner. */
  get isLive(): boolean {
    return this.live;
  }

  /** Ends the replay: from now on attempts run on the real executor. */
  switchToLive(): void {
    this.live = true;
    this.playing.clear(); // live at the crash: the lost-host recovery ends them

  }

  start(launch: ContainerLaunch, sink: AttemptSink): AttemptHandle {
    if (!this.live) return this.startPlaying(launch, sink);
    const handle = this.within(() => this.real.start(launch, this.recording(launch, sink)));
    return { stop: (signal) => this.within(() => handle.stop(signal)) };
  }

  /**
   * Checkpoints: a real process cannot be carried, nor need it be: after a restore from the
   * checkpoint its end (and log lines) come from the journal after it, as in a whole-journal replay.
   */
  saveAttempt(): unknown {
    return null;
  }

  /**
   * Checkpoint restore: the attempt plays back from the journal, exactly as the whole-journal replay
   * re-creates it (no timer of the process's own: a replayed attempt has none); one with no
   * journaled end was live at the crash, and the lost-host recovery fails it (RETRY-3).
   */
  resumeAttempt(launch: ContainerLaunch, sink: AttemptSink): ResumedAttempt {
    this.playing.set(key(launch.jobId, launch.attempt, launch.containerName), sink);
    return NO_OP_HANDLE;
  }

  bindRegistry(registry: ResourceRegistry): string[] {
    return this.real.bindRegistry?.(registry) ?? [];
  }

  finalWarnings(): string[] {
    return this.real.finalWarnings?.() ?? [];
  }

  /** PLAT-3: a live task's end reaches the real runner (its pod directories go); a replayed one left nothing behind. */
  taskEnded(jobId: string, attempt: number): void {
    if (this.live) this.real.taskEnded?.(jobId, attempt);
  }

  /**
   * Replay: delivers a journaled log line or end to its attempt, now (the caller has run the clock
   * to the record's time). False when no such attempt is running: the replay diverged.
   */
  playBack(record: EndRecord | LogRecord): boolean {
    const id = record.containerName !== undefined
      ? key(record.jobId!, record.attempt!, record.containerName)
      : this.unnamed(record.jobId!, record.attempt!);
    const sink = id === undefined ? undefined : this.playing.get(id);
    if (sink === undefined) return false;
    if (record.k === 'log') {
      sink.log(record.message);
    } else {
      this.playing.delete(id!);
      sink.exited({ exitCode: record.exitCode, reason: record.reason, statusReason: record.statusReason });
    }
    return true;
  }

  private startPlaying(launch: ContainerLaunch, sink: AttemptSink): AttemptHandle {
    // No process: the journal says what it did. One that never ends here was live at the crash.
    // (A journal older than container names has ends without one: theirs apply to each container of the attempt, as they did.)
    const syncEnd = this.syncEnds.get(key(launch.jobId, launch.attempt, launch.containerName))
      ?? this.syncEnds.get(key(launch.jobId, launch.attempt));
    if (syncEnd) sink.exited({ exitCode: syncEnd.exitCode, reason: syncEnd.reason, statusReason: syncEnd.statusReason });
    else this.playing.set(key(launch.jobId, launch.attempt, launch.containerName), sink);
    return NO_OP_HANDLE;
  }

  /**
   * A record without a container name: a job of one container, or a journal older than container
   * names, whose records went to the attempt's container started last (a pod's containers then ran
   * one after the other, or the replay already diverged).
   */
  private unnamed(jobId: string, attempt: number): string | undefined {
    const own = key(jobId, attempt);
    if (this.playing.has(own)) return own;
    return [...this.playing.keys()].filter((id) => id.startsWith(`${own}#`)).pop();
  }

  /**
   * Live: what the real runner reports reaches the runtime from an I/O callback, between timer
   * runs. It is first settled (everything due up to the wall clock run), so that the replay, which
   * runs the clock to the record's time before delivering it, meets the runtime in the same state:
   * without it, events that were due but not yet run live would run first in the replay.
   */
  private recording(launch: ContainerLaunch, sink: AttemptSink): AttemptSink {
    let ended = false;
    return {
      log: (message) => {
        if (this.depth === 0) this.recorder.settle();
        const { jobId, attempt, containerName } = launch;
        this.writing = { jobId, attempt, ...(containerName !== undefined ? { containerName } : {}) };
        try {
          sink.log(message);
        } finally {
          this.writing = undefined;
        }
      },
      exited: (result) => {
        if (!ended) {
          if (this.depth === 0) this.recorder.settle();
          this.recorder.ended(launch, result, this.depth > 0);
        }
        ended = true;
        sink.exited(result);
      },
      after: (delayMs, action) => sink.after(delayMs, () => this.within(action)),
    };
  }

  private within<T>(call: () => T): T {
    this.depth++;
    try {
      return call();
    } finally {
      this.depth--;
    }
  }
}

/** What a log record names as its writer. */
export interface WritingContainer {
  readonly jobId: string;
  readonly attempt: number;
  /** PLAT-2, PLAT-3: the container within a multi-container task or pod; absent for a job of one container. */
  readonly containerName?: string;
}

function key(jobId: string, attempt: number, containerName?: string): string {
  return containerName === undefined ? `${jobId}#${attempt}` : `${jobId}#${attempt}#${containerName}`;
}
