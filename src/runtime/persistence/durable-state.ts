import * as fs from 'fs';
import { Checkpoint } from './checkpoint-file';
import { Checkpointer, CheckpointPolicy } from './checkpointer';
import { JournalWriter } from './journal-file';
import { CheckpointMarkRecord, HeaderRecord, JOURNAL_FORMAT, JOURNAL_VERSION, JournalRecord, RecoverRecord, RequestRecord } from './journal-records';
import { JournalRunner } from './journal-runner';
import { RecordingIdGenerator } from './recording-id-generator';
import { removeStaleContainers } from './stale-containers';
import { openStateDir, OpenedStateDir } from './state-dir';
import { checkpointFile } from './state-dir-layout';
import { BATCH_HANDLERS } from '../api/batch/batch-handlers';
import { BatchLocalServer } from '../api/batch-local-server';
import { EndpointHost } from '../api/host/endpoint-host';
import { ApiError } from '../api/http/api-error';
import { AcceptedRequest, RequestJournal } from '../api/http/request-journal';
import { CheckpointPart } from '../core/checkpoint/checkpoint-part';
import { JobRunner } from '../core/executor';

/** How `serve --state-dir` opens its directory. */
export interface DurableStateOptions {
  readonly clock: 'virtual' | 'wall-replayable';
  readonly fingerprint: Record<string, string>;
  readonly startEpochMs: number;
  readonly seed: number;
  readonly warn: (message: string) => void;
  /** When to checkpoint and compact. @default every 1 MiB of journal (or the last checkpoint's size), at the next rest point */
  readonly checkpoint?: CheckpointPolicy;
}

/** What a restart found and did, for the startup message and tests. */
export interface RestoreSummary {
  readonly requests: number;
  readonly jobsRecovered: number;
  readonly attemptsLost: number;
  /** Containers left from before the restart and removed (docker executor); absent when none. */
  readonly containersRemoved?: number;
  readonly now: number;
}

/**
 * `serve --state-dir`: the adapter between the HTTP layer and the journal. The core stays pure; it
 * is observed through its listener hooks (job state changes, log lines) and driven only through
 * the same handlers the HTTP layer calls.
 *
 * With a real executor (processes, containers) the replay cannot run the containers again: a
 * JournalRunner ends each attempt as journaled instead (exit code, reasons, log lines, times), and
 * the attempts with no journaled end, live at the crash, are failed as on a lost host (RETRY-3)
 * and retried on the real executor.
 *
 * Durability comes from replay: the runtime is deterministic given its template, behaviours, id
 * seed and the sequence of accepted requests with their runtime times (the endpoint's clock is
 * virtual, or a virtual clock that follows the wall clock and moves only between requests), so the
 * journal holds those requests and a restart applies them again, in order, at their times. The
 * ids each request produced are journaled too and handed out again, so every job keeps its id.
 * State transitions and log lines are journaled as they happen; the replay is checked against them.
 */
export class DurableState implements RequestJournal {
  /**
   * Opens the directory (lock, journal, torn-tail recovery) and checks that it was written by a
   * serve with the same template and options. Call `attach` once the server exists.
   */
  static open(dir: string, options: DurableStateOptions): DurableState {
    const opened = openStateDir(dir, options.warn);
    try {
      let header = opened.header as HeaderRecord | undefined;
      if (header === undefined) {
        header = { k: 'header', format: JOURNAL_FORMAT, version: JOURNAL_VERSION, seed: options.seed, startEpochMs: options.startEpochMs, clock: options.clock, fingerprint: options.fingerprint };
      } else {
        checkHeader(header, opened.headerFile, options.clock, options.fingerprint);
      }
      return new DurableState(opened, header, opened.records as JournalRecord[], options.warn, options.checkpoint ?? {});
    } catch (error) {
      opened.release();
      throw error;
    }
  }

  private writer?: JournalWriter;
  private readonly checkpointer: Checkpointer;
  /** Accepted requests that changed the registry (a checkpoint carries them: the restore replays them). */
  private readonly registryRequests: RequestRecord[] = [];
  private readonly extraParts: CheckpointPart[] = [];
  private checkpointScheduled = false;
  private checkpointTimer?: NodeJS.Timeout;
  /** A checkpoint failed after closing its segment: nothing more can be journaled. */
  private failure?: Error;
  private replaying = false;
  /** Closing: nothing more is journaled (attempts killed by the stop stay unended for the next start). */
  private closing = false;
  private host?: EndpointHost;
  private ids?: RecordingIdGenerator;
  private runner?: JournalRunner;

  private constructor(
    private readonly opened: OpenedStateDir,
    readonly header: HeaderRecord,
    private readonly records: JournalRecord[],
    private readonly warn: (message: string) => void,
    policy: CheckpointPolicy,
  ) {
    const base = opened.checkpoint?.header.n ?? 0;
    const restoredBytes = opened.checkpoint ? fs.statSync(checkpointFile(opened.dir, base)).size : 0;
    this.checkpointer = new Checkpointer(opened.dir, header, base, Math.max(base, opened.segment) + 1, policy, warn, restoredBytes);
  }

  /** Adds state outside the backend that checkpoints carry (the EventBridge deliveries, ...). Before `attach`. */
  addCheckpointPart(part: CheckpointPart): void {
    this.extraParts.push(part);
  }

  /**
   * The runner the endpoint's backend gets. A simulated one replays as it ran (it is deterministic);
   * a real one (processes, containers) is wrapped in a JournalRunner, which plays attempts back
   * from the journal during the replay and runs them for real afterwards.
   */
  wrapRunner(real: JobRunner): JobRunner {
    if (!real.realTime) return real;
    this.runner = new JournalRunner(real, {
      ended: (launch, result, sync) => {
        if (this.replaying || this.closing) return;
        this.writer?.append({
          k: 'end',
          t: this.host!.backend.loop.now(),
          jobId: launch.jobId,
          attempt: launch.attempt,
          ...(launch.containerName !== undefined ? { containerName: launch.containerName } : {}), // PLAT-2, PLAT-3: which container of the task
          exitCode: result.exitCode,
          reason: result.reason,
          statusReason: result.statusReason,
          ...(sync ? { sync } : {}),
        });
      },
      settle: () => {
        if (!this.replaying) this.host?.catchUp();
      },
    }, this.records);
    return this.runner;
  }

  /**
   * Replays the journal into `host` (its template already loaded), fails the attempts that were
   * live when the previous process died as on a lost host, then journals from here on.
   */
  attach(host: EndpointHost, server: BatchLocalServer, ids: RecordingIdGenerator): RestoreSummary {
    this.host = host;
    this.ids = ids;
    const backend = host.backend;
    backend.addJobStateListener({
      onJobStateChange: (job) => {
        if (!this.replaying && !this.closing) this.writer?.append({ k: 'state', t: backend.loop.now(), jobId: job.jobId, status: job.status });
      },
    });
    backend.logs.addListener({
      onLogAppended: (group, stream, timestamp, message) => {
        if (this.replaying || this.closing) return;
        const source = this.runner?.writingAttempt; // the attempt whose container wrote it, for a replay to write it again
        this.writer?.append({ k: 'log', t: timestamp, group, stream, message, ...source });
      },
    });
    if (this.opened.checkpoint) this.restoreCheckpoint(host, server, ids, this.opened.checkpoint);
    const requests = this.replay(host, server, ids);
    let jobsRecovered = 0;
    for (const job of backend.allJobs()) jobsRecovered += 1 + (job.children?.length ?? 0);
    this.writer = new JournalWriter(this.opened.journalFile, this.opened.journal.validBytes);
    if (this.opened.journal.records.length === 0) this.writer.append(this.header);
    // From here on attempts run for real: the lost-host retries below included.
    this.runner?.switchToLive();
    const containersRemoved = this.removeContainersLeftRunning(backend);
    const t = backend.loop.now();
    const attemptsLost = backend.recoverLostHosts();
    if (attemptsLost > 0) this.writer.append({ k: 'recover', t, ids: ids.take(), attempts: attemptsLost });
    this.writer.flushSync();
    if (host.clockMode === 'wall-replayable') {
      // On the wall clock jobs finish and instances scale in between requests: look for a rest point now and then too.
      this.checkpointTimer = setInterval(() => this.checkpointIfDue(), 1000);
      this.checkpointTimer.unref();
    }
    return { requests, jobsRecovered, attemptsLost, ...(containersRemoved > 0 ? { containersRemoved } : {}), now: backend.loop.now() };
  }

  /**
   * Docker: a container that outlived the crashed server would go on running unseen while its
   * attempt is failed and retried, so it is removed. (Host processes need nothing: the spawn helper
   * kills its jobs' process groups when the server's end of its stdin closes, SIGKILL included.)
   */
  private removeContainersLeftRunning(backend: EndpointHost['backend']): number {
    const command = (this.runner?.realRunner as { engineCommand?: string } | undefined)?.engineCommand;
    if (command === undefined || (this.records.length === 0 && !this.opened.checkpoint)) return 0;
    return removeStaleContainers(command, (jobId) => backend.job(jobId.split(/[:#]/)[0]) !== undefined, this.warn);
  }

  beforeHandle(): number {
    const failure = this.failure ?? this.writer?.error;
    if (failure) throw ApiError.server(failure.message);
    this.host!.catchUp();
    return this.host!.backend.loop.now();
  }

  accepted(request: AcceptedRequest, at: number): Promise<void> {
    const record: RequestRecord = { k: 'req', t: at, ids: this.ids!.take(), req: request };
    if (changesRegistry(request)) this.registryRequests.push(record);
    const durable = this.writer!.commit(record);
    durable.then(() => this.checkpointSoon(), () => undefined);
    return durable;
  }

  /** Looks for a checkpoint once the requests read in this turn are handled. */
  private checkpointSoon(): void {
    if (this.checkpointScheduled) return;
    this.checkpointScheduled = true;
    setImmediate(() => {
      this.checkpointScheduled = false;
      this.checkpointIfDue();
    });
  }

  /**
   * A clean shutdown (SIGINT, SIGTERM, dispose) writes a checkpoint of whatever was journaled since
   * the last one, when the state can be written as data: the next start then loads it and replays
   * nothing. A crash (SIGKILL) still replays the segment since the last checkpoint, as before.
   */
  async checkpointBeforeClose(): Promise<void> {
    await this.settled();
    this.checkpointIfDue(true);
  }

  private checkpointIfDue(atClose = false): void {
    if (this.replaying || this.closing || this.failure || !this.writer || !this.host) return;
    // Wall clock: what fell due runs first (as the real-time driver would run it), so that the events of the
    // current instant (a scheduling pass) have run; the checkpoint's mark makes a replay run them there too.
    this.host.catchUp();
    const subject = {
      writer: this.writer, backend: this.host.backend, ids: this.ids!, registry: this.registryRequests, parts: this.checkpointParts(),
    };
    if (!(atClose ? this.checkpointer.dueAtClose(subject) : this.checkpointer.due(subject))) return;
    try {
      this.writer = this.checkpointer.take(subject) ?? this.writer;
    } catch (error) {
      this.failure = new Error(`${this.opened.dir}: checkpoint failed (${(error as Error).message}); the endpoint accepts no more changes`);
      this.warn(`batch-local: ${this.failure.message}`);
    }
  }

  private checkpointParts(): CheckpointPart[] {
    return [...this.host!.backend.checkpointParts(), ...this.extraParts];
  }

  /**
   * Rebuilds the state of a checkpoint in the freshly loaded runtime: the clock to its rest point,
   * the registry by replaying its requests, then each part's data, then the id generator's position.
   */
  private restoreCheckpoint(host: EndpointHost, server: BatchLocalServer, ids: RecordingIdGenerator, checkpoint: Checkpoint): void {
    const backend = host.backend;
    const file = checkpointFile(this.opened.dir, checkpoint.header.n);
    this.replaying = true;
    try {
      const parts = new Map(this.checkpointParts().map((part) => [part.key, part]));
      for (const [key] of checkpoint.parts) {
        if (!parts.has(key)) throw new Error(`${file}: holds state "${key}" that this batch-local does not know; restart with the batch-local that wrote it`);
        parts.get(key)!.clear?.(); // its standing events are re-armed as saved, not run up to the checkpoint's time
      }
      backend.loop.runUntil(checkpoint.header.t);
      for (const record of checkpoint.header.registry) {
        this.apply(server, record, backend);
        this.registryRequests.push(record);
      }
      for (const [key, chunks] of checkpoint.parts) parts.get(key)!.restore(chunks);
      ids.restorePosition(checkpoint.header.idPosition);
      ids.endReplay();
    } finally {
      this.replaying = false;
    }
    if (!backend.atRest()) this.warn(`batch-local: ${file}: the restored state is not at rest (a registry request replayed at the checkpoint's time started work); the replay may differ`);
  }

  settled(): Promise<void> {
    return this.writer ? this.writer.settled() : Promise.resolve();
  }

  /**
   * Writes what is queued and releases the directory. Nothing is journaled after this: a real
   * attempt still running is left to the next start, which fails it as on a lost host.
   */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.checkpointTimer);
    await this.writer?.close();
    this.opened.release();
  }

  /** Releases the lock without writing (startup failed). */
  abandon(): void {
    this.opened.release();
  }

  private replay(host: EndpointHost, server: BatchLocalServer, ids: RecordingIdGenerator): number {
    const backend = host.backend;
    this.replaying = true;
    let requests = 0;
    let lastTime = backend.loop.now();
    let unusedIds = 0;
    let unplayed = 0;
    const lastStatus = new Map<string, string>();
    // A request record holds the ids generated since the record before it, so its ids are handed
    // out from there on: with a real executor, ends and log lines played back in between run
    // events (an attempt's start takes an id) before the request itself is reached.
    const idRecords = this.records.filter((record): record is RequestRecord | RecoverRecord | CheckpointMarkRecord => record.k === 'req' || record.k === 'recover' || record.k === 'checkpoint');
    let nextIds = 0;
    if (idRecords.length > 0) ids.replayIds(idRecords[nextIds++].ids);
    try {
      for (const record of this.records) {
        if (record.k === 'header') continue;
        lastTime = Math.max(lastTime, record.t);
        if (record.k === 'state') {
          lastStatus.set(record.jobId, record.status);
        } else if ((record.k === 'end' && !record.sync) || (record.k === 'log' && record.jobId !== undefined)) {
          if (this.runner) {
            host.catchUp(record.t); // it reached the runtime live with everything due by then run
            if (!this.runner.playBack(record)) unplayed++;
          }
        } else if (record.k === 'req' || record.k === 'recover' || record.k === 'checkpoint') {
          host.catchUp(record.t); // what beforeHandle did live
          if (record.k === 'req') {
            this.apply(server, record, backend);
            if (changesRegistry(record.req)) this.registryRequests.push(record);
            requests++;
          } else if (record.k === 'recover') {
            backend.recoverLostHosts();
          }
          unusedIds += ids.endReplay();
          if (nextIds < idRecords.length) ids.replayIds(idRecords[nextIds++].ids);
        }
      }
      host.catchUp(lastTime); // the events the previous process ran after its last request
    } finally {
      this.replaying = false;
    }
    // A finished job that is gone was purged by retention (LIFE-4) during the replay, as it was live.
    const differing = [...lastStatus].filter(([jobId, status]) => {
      const job = backend.job(jobId);
      return job === undefined ? status !== 'SUCCEEDED' && status !== 'FAILED' : job.status !== status;
    });
    if (unusedIds > 0 || differing.length > 0 || unplayed > 0) {
      const [jobId, status] = differing[0] ?? [];
      this.warn(`batch-local: the replay of ${this.opened.journalFile} differs from what it recorded: ${differing.length} job(s) in another state`
        + `${jobId ? ` (first: ${jobId}, recorded ${status}, replayed ${backend.job(jobId)?.status ?? 'missing'})` : ''}, ${unusedIds} recorded id(s) not reused, ${unplayed} recorded attempt end(s) or log line(s) without their attempt`);
    }
    return requests;
  }

  private apply(server: BatchLocalServer, record: RequestRecord, backend: EndpointHost['backend']): void {
    const request = record.req;
    try {
      if (request.api === 'batch') {
        BATCH_HANDLERS[request.operation](backend, JSON.parse(request.input));
      } else {
        const query = new URLSearchParams(request.query);
        server.localRoutes.dispatchNow({ method: request.method, path: request.path, query, body: JSON.parse(request.body) });
      }
    } catch (error) {
      // It was accepted once; refusing it now means the replay diverged. Keep going: the rest may still apply.
      this.warn(`batch-local: replaying ${request.api === 'batch' ? request.operation : `${request.method} /_local/${request.path}`} at ${record.t} failed: ${(error as Error).message}`);
    }
  }
}

/** Job operations change jobs; every other accepted Batch operation changes the registry (tags on a job ARN excepted: they live on the job). */
function changesRegistry(request: AcceptedRequest): boolean {
  if (request.api !== 'batch' || JOB_OPERATIONS.has(request.operation)) return false;
  if (request.operation === 'TagResource' || request.operation === 'UntagResource') {
    return !/:job\//.test(String((JSON.parse(request.input) as { resourceArn?: unknown }).resourceArn));
  }
  return true;
}

const JOB_OPERATIONS = new Set(['SubmitJob', 'CancelJob', 'TerminateJob']);

function checkHeader(header: HeaderRecord, file: string, clock: string, fingerprint: Record<string, string>): void {
  if (header.k !== 'header' || header.format !== JOURNAL_FORMAT) {
    throw new Error(`${file}: not a batch-local journal (its first record is ${JSON.stringify(header).slice(0, 100)})`);
  }
  if (header.version !== JOURNAL_VERSION) {
    throw new Error(`${file}: journal version ${header.version}; this batch-local reads version ${JOURNAL_VERSION}`);
  }
  if (header.clock !== clock) {
    throw new Error(`${file}: written by a serve on the ${header.clock === 'virtual' ? 'virtual' : 'wall'} clock; restart with the same --clock`);
  }
  for (const key of new Set([...Object.keys(header.fingerprint), ...Object.keys(fingerprint)])) {
    if (header.fingerprint[key] !== fingerprint[key]) {
      throw new Error(`${file}: written by a serve with another ${key} (${header.fingerprint[key] ?? 'none'}; now ${fingerprint[key] ?? 'none'}); `
        + 'a replay needs the same template, parameters and behaviours: restart with them, or give another --state-dir');
    }
  }
}
