import * as fs from 'fs';
import * as path from 'path';
import { Checkpoint } from './checkpoint-file';
import { JournalContents, readJournal } from './journal-file';
import { checkpointFile, isStateFile, JOURNAL_FILE, LOCK_FILE, planRestore, segmentFile } from './state-dir-layout';

export { JOURNAL_FILE, LOCK_FILE } from './state-dir-layout';

/** What `serve --state-dir` found in its directory: the checkpoint and journal records to restore, and the lock it holds. */
export interface OpenedStateDir {
  readonly dir: string;
  /** The journal segment appends continue in (the last one). */
  readonly journalFile: string;
  /** The whole records of that segment (`validBytes`: where appends continue). */
  readonly journal: JournalContents;
  /** Its number (0: journal.jsonl). */
  readonly segment: number;
  /** The checkpoint the restore starts from; absent: from the template alone. */
  readonly checkpoint?: Checkpoint;
  /** The journal header the state was written under (absent for a new state dir), and the file it was read from. */
  readonly header?: unknown;
  readonly headerFile: string;
  /** The records to replay after the checkpoint, oldest first, segment headers left out. */
  readonly records: unknown[];
  /** Releases the lock (only if it is still this process's). */
  release(): void;
}

/**
 * Opens (creating if needed) a state directory for one server: takes the lock, reads the journal.
 * Refuses, naming the path: a path that is not a usable directory, a directory with other files
 * and no journal (someone else's), a lock held by a live process. A lock left by a dead process is
 * taken over with a warning.
 */
export function openStateDir(dir: string, warn: (message: string) => void): OpenedStateDir {
  const resolved = path.resolve(dir);
  try {
    fs.mkdirSync(resolved, { recursive: true });
    fs.accessSync(resolved, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK); // eslint-disable-line no-bitwise
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`--state-dir ${resolved}: cannot use it as a state directory (${code === 'EEXIST' || code === 'ENOTDIR' ? 'not a directory' : code ?? (error as Error).message})`);
  }
  if (!fs.statSync(resolved).isDirectory()) throw new Error(`--state-dir ${resolved}: not a directory`);
  const others = fs.readdirSync(resolved).filter((name) => !isStateFile(name));
  const ours = fs.readdirSync(resolved).filter((name) => isStateFile(name) && name !== LOCK_FILE);
  if (ours.length === 0 && others.length > 0) {
    throw new Error(`--state-dir ${resolved}: not a batch-local state directory (it holds ${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''} and no ${JOURNAL_FILE}); give an empty or new directory`);
  }
  const release = takeLock(path.join(resolved, LOCK_FILE), warn);
  try {
    const plan = planRestore(resolved, warn);
    const records: unknown[] = [];
    let header: unknown = plan.checkpoint?.header.journal;
    let headerFile = plan.checkpoint ? checkpointFile(resolved, plan.checkpoint.header.n) : '';
    let journal: JournalContents = { records: [], validBytes: 0 };
    let journalFile = '';
    for (const [index, segment] of plan.segments.entries()) {
      journalFile = segmentFile(resolved, segment);
      if (!fs.existsSync(journalFile)) fs.writeFileSync(journalFile, '');
      journal = readJournal(journalFile);
      const last = index === plan.segments.length - 1;
      if (journal.tornTail && !last) {
        throw new Error(`${journalFile}:${journal.tornTail.line}: corrupt journal record (${journal.tornTail.why}) in a segment that later ones follow; the journal cannot be replayed past it`);
      }
      if (journal.tornTail) {
        warn(`batch-local: ${journalFile}:${journal.tornTail.line}: the last record is incomplete (${journal.tornTail.why}, ${journal.tornTail.bytes} bytes); `
          + `recovered the ${journal.records.length} whole records before it and dropped the rest`);
      }
      const segmentRecords = journal.records as { k?: string }[];
      // A segment starts with its header; one that does not is handed on as it is, and checkHeader names the file.
      const skip = segmentRecords[0]?.k === 'header' ? 1 : 0;
      if (header === undefined && segmentRecords.length > 0) {
        header = segmentRecords[0];
        headerFile = journalFile;
      }
      for (let i = skip; i < segmentRecords.length; i++) records.push(segmentRecords[i]);
    }
    const segment = plan.segments[plan.segments.length - 1];
    return { dir: resolved, journalFile, journal, segment, checkpoint: plan.checkpoint, header, headerFile, records, release };
  } catch (error) {
    release();
    throw error;
  }
}

function takeLock(lockFile: string, warn: (message: string) => void): () => void {
  for (let tries = 0; ; tries++) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 0) {
        throw new Error(`--state-dir: cannot create the lock file ${lockFile} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
    }
    const owner = Number(fs.readFileSync(lockFile, 'utf8').trim());
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
      throw new Error(`--state-dir ${path.dirname(lockFile)} is in use by another batch-local serve (pid ${owner}, lock file ${lockFile}); stop it or give another --state-dir`);
    }
    warn(`batch-local: taking over the stale lock ${lockFile} (pid ${Number.isInteger(owner) && owner > 0 ? owner : '?'} is not running)`);
    fs.unlinkSync(lockFile);
  }
  return () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // already gone: nothing to release
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}
