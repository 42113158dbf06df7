import { AcceptedRequest } from '../api/http/request-journal';

export const JOURNAL_FORMAT = 'batch-local-journal';
export const JOURNAL_VERSION = 1;

/** The first record: what the journal was written by, so a replay starts from the same place. */
export interface HeaderRecord {
  readonly k: 'header';
  readonly format: typeof JOURNAL_FORMAT;
  readonly version: number;
  /** Seed of the job-id generator (the ids continue from it after a restart). */
  readonly seed: number;
  /** The runtime clock when the template was loaded. */
  readonly startEpochMs: number;
  readonly clock: 'virtual' | 'wall-replayable';
  /** Template, stack, parameters, behaviours: a restart with other ones would replay into another state. */
  readonly fingerprint: Record<string, string>;
}

/** An accepted state-changing request, at its runtime time, with the ids it (and the events before it) generated. */
export interface RequestRecord {
  readonly k: 'req';
  readonly t: number;
  readonly ids: string[];
  readonly req: AcceptedRequest;
}

/** The runtime restarted: the attempts that were live failed as on a lost host (RETRY-3). */
export interface RecoverRecord {
  readonly k: 'recover';
  readonly t: number;
  readonly ids: string[];
  readonly attempts: number;
}

/**
 * The last record of a segment: checkpoint `n` was taken here (a rest point), and these are the ids
 * generated since the record before it (by events), so a replay through the segment hands them out
 * as live did. The next segment starts after it.
 */
export interface CheckpointMarkRecord {
  readonly k: 'checkpoint';
  readonly t: number;
  readonly ids: string[];
  readonly n: number;
}

/** A job state transition (for the record and to check a replay against). */
export interface StateRecord {
  readonly k: 'state';
  readonly t: number;
  readonly jobId: string;
  readonly status: string;
}

/** A log line a job wrote. */
export interface LogRecord {
  readonly k: 'log';
  readonly t: number;
  readonly group: string;
  readonly stream: string;
  readonly message: string;
  /** With a real executor: the attempt whose container wrote it (`jobId`, `attempt`), so a replay writes it again. */
  readonly jobId?: string;
  readonly attempt?: number;
  /** PLAT-2, PLAT-3: the container of a multi-container task or pod that wrote it; absent for a job of one container (and in older journals). */
  readonly containerName?: string;
}

/**
 * With a real executor (processes, containers): how an attempt ended, as the executor reported it.
 * A replay cannot run the container again, so it ends the attempt with this, at this time.
 */
export interface EndRecord {
  readonly k: 'end';
  readonly t: number;
  readonly jobId: string;
  readonly attempt: number;
  /** PLAT-2, PLAT-3: the container of a multi-container task or pod that ended; absent for a job of one container (and in older journals). */
  readonly containerName?: string;
  readonly exitCode?: number;
  readonly reason?: string;
  readonly statusReason?: string;
  /** Reported inside the runtime's call to start it (a launch failure): the replay ends it there too. */
  readonly sync?: boolean;
}

export type JournalRecord = HeaderRecord | RequestRecord | RecoverRecord | CheckpointMarkRecord | StateRecord | LogRecord | EndRecord;
