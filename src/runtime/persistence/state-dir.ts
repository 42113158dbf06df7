import * as fs from 'fs';
import * as path from 'path';
import { JournalContents, readJournal } from './journal-file';

export const JOURNAL_FILE = 'journal.jsonl';
export const LOCK_FILE = 'batch-local.lock';

/** What `serve --state-dir` found in its directory: the journal's whole records, and the lock it holds. */
export interface OpenedStateDir {
  readonly dir: string;
  readonly journalFile: string;
  readonly journal: JournalContents;
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
  const journalFile = path.join(resolved, JOURNAL_FILE);
  const others = fs.readdirSync(resolved).filter((name) => name !== JOURNAL_FILE && name !== LOCK_FILE);
  if (!fs.existsSync(journalFile) && others.length > 0) {
    throw new Error(`--state-dir ${resolved}: not a batch-local state directory (it holds ${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''} and no ${JOURNAL_FILE}); give an empty or new directory`);
  }
  const release = takeLock(path.join(resolved, LOCK_FILE), warn);
  try {
    if (!fs.existsSync(journalFile)) fs.writeFileSync(journalFile, '');
    const journal = readJournal(journalFile);
    if (journal.tornTail) {
      warn(`batch-local: ${journalFile}:${journal.tornTail.line}: the last record is incomplete (${journal.tornTail.why}, ${journal.tornTail.bytes} bytes); `
        + `recovered the ${journal.records.length} whole records before it and dropped the rest`);
    }
    return { dir: resolved, journalFile, journal, release };
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
