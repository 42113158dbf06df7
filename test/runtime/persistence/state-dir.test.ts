import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { frameRecord } from '../../../src/runtime/persistence/journal-file';
import { JOURNAL_FILE, LOCK_FILE, openStateDir } from '../../../src/runtime/persistence/state-dir';

describe('state directories', () => {
  let root: string;
  const warnings: string[] = [];
  const warn = (message: string): void => { warnings.push(message); };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'state-dir-'));
    warnings.length = 0;
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test('#11 §3: a new directory is created with an empty journal and a lock holding the pid; release removes the lock', () => {
    // WHEN
    const dir = path.join(root, 'new', 'state');
    const opened = openStateDir(dir, warn);
    const lock = fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8');
    opened.release();

    // THEN
    expect(opened.journal.records).toEqual([]);
    expect(fs.readFileSync(path.join(dir, JOURNAL_FILE), 'utf8')).toBe('');
    expect(lock).toBe(`${process.pid}\n`);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    expect(warnings).toEqual([]);
  });

  test('#11 §3: a directory with other files and no journal is refused naming it', () => {
    // GIVEN
    fs.writeFileSync(path.join(root, 'notes.txt'), 'mine');

    // THEN
    expect(() => openStateDir(root, warn)).toThrow(`--state-dir ${root}: not a batch-local state directory (it holds notes.txt and no ${JOURNAL_FILE})`);
  });

  test('#11 §3: a path that is a file is refused naming it', () => {
    // GIVEN
    const file = path.join(root, 'file');
    fs.writeFileSync(file, '');

    // THEN
    expect(() => openStateDir(file, warn)).toThrow(`--state-dir ${file}: cannot use it as a state directory (not a directory)`);
  });

  test('#11 §3: a lock held by a live process is refused naming the pid; the lock stays', () => {
    // GIVEN the parent of this test process, alive for sure
    fs.writeFileSync(path.join(root, LOCK_FILE), `${process.ppid}\n`);

    // THEN
    expect(() => openStateDir(root, warn)).toThrow(`is in use by another batch-local serve (pid ${process.ppid}`);
    expect(fs.readFileSync(path.join(root, LOCK_FILE), 'utf8')).toBe(`${process.ppid}\n`);
  });

  test('#11 §3: a lock left by a dead process is taken over with a warning', () => {
    // GIVEN the pid of a process that has exited
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    fs.writeFileSync(path.join(root, LOCK_FILE), `${dead}\n`);

    // WHEN
    const opened = openStateDir(root, warn);

    // THEN
    expect(warnings).toEqual([`batch-local: taking over the stale lock ${path.join(root, LOCK_FILE)} (pid ${dead} is not running)`]);
    expect(fs.readFileSync(path.join(root, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    opened.release();
  });

  test('#11 §3: a torn last record is reported with a warning naming the file and line', () => {
    // GIVEN
    fs.writeFileSync(path.join(root, JOURNAL_FILE), `${frameRecord({ k: 'header' })}{"n":12,"c":"`);

    // WHEN
    const opened = openStateDir(root, warn);
    opened.release();

    // THEN
    expect(opened.journal.records).toEqual([{ k: 'header' }]);
    expect(warnings).toEqual([expect.stringContaining(`${path.join(root, JOURNAL_FILE)}:2: the last record is incomplete (no end of line (torn write), 13 bytes); recovered the 1 whole records before it`)]);
  });
});
