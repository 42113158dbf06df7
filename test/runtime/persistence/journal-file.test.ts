import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { frameRecord, JournalWriter, readJournal } from '../../../src/runtime/persistence/journal-file';

describe('the journal file', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-'));
    file = path.join(dir, 'journal.jsonl');
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('#11 §3: each record is one JSON line with its length and checksum, and reads back as written', () => {
    // GIVEN
    const records = [{ k: 'a', text: 'héllo "quoted"\n' }, { k: 'b', n: [1, 2, 3] }];
    fs.writeFileSync(file, records.map(frameRecord).join(''));

    // WHEN
    const read = readJournal(file);

    // THEN
    expect(read).toEqual({ records, validBytes: fs.statSync(file).size });
    expect(JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0])).toEqual({ n: expect.any(Number), c: expect.stringMatching(/^[0-9a-f]{8}$/), r: records[0] });
  });

  test.each([
    ['cut in the middle', (last: string) => last.slice(0, 20), 'no end of line (torn write)'],
    ['a flipped byte', (last: string) => last.replace('"b"', '"c"'), 'checksum mismatch'],
    ['a length that does not match', (last: string) => last.replace('"b"', '"bb"'), 'does not match the line'],
  ])('#11 §3: a last record %s is reported as a torn tail and the whole records before it are kept', (_, damage, why) => {
    // GIVEN
    const first = frameRecord({ k: 'a' });
    fs.writeFileSync(file, first + damage(frameRecord({ k: 'b' })));

    // WHEN
    const read = readJournal(file);

    // THEN
    expect(read.records).toEqual([{ k: 'a' }]);
    expect(read.validBytes).toBe(Buffer.byteLength(first));
    expect(read.tornTail).toEqual({ line: 2, bytes: fs.statSync(file).size - Buffer.byteLength(first), why: expect.stringContaining(why) });
  });

  test('#11 §3: a corrupt record followed by whole ones is an error naming the file and line, not a silent hole', () => {
    // GIVEN
    fs.writeFileSync(file, frameRecord({ k: 'a' }) + frameRecord({ k: 'b' }).replace('"b"', '"x"') + frameRecord({ k: 'c' }));

    // THEN
    expect(() => readJournal(file)).toThrow(`${file}:2: corrupt journal record (checksum mismatch) followed by more records`);
  });

  test('#11 §3: the writer drops a torn tail, then commits in order; commit resolves once the record is in the file', async () => {
    // GIVEN a journal with one whole record and a torn one
    const first = frameRecord({ k: 'a' });
    fs.writeFileSync(file, `${first}{"n":99,"c":"0000`);
    const writer = new JournalWriter(file, Buffer.byteLength(first));

    // WHEN concurrent commits and appends
    writer.append({ k: 'state', i: 0 });
    const commits = [1, 2, 3].map((i) => writer.commit({ k: 'req', i }));
    await Promise.all(commits);
    const afterCommits = readJournal(file).records;
    await writer.close();

    // THEN
    expect(afterCommits).toEqual([{ k: 'a' }, { k: 'state', i: 0 }, { k: 'req', i: 1 }, { k: 'req', i: 2 }, { k: 'req', i: 3 }]);
    expect(readJournal(file).tornTail).toBeUndefined();
  });

  test('#11 §3: after a failed write the writer refuses every further commit with the file named', async () => {
    // GIVEN a writer whose file descriptor was closed under it
    fs.writeFileSync(file, '');
    const writer = new JournalWriter(file, 0);
    fs.closeSync((writer as unknown as { fd: number }).fd);

    // WHEN
    const failed = writer.commit({ k: 'req' });

    // THEN
    await expect(failed).rejects.toThrow(`${file}: journal write failed`);
    await expect(writer.commit({ k: 'req' })).rejects.toThrow('the endpoint accepts no more changes');
    expect(writer.error).toBeDefined();
  });

  test('#11 §3: settled() resolves only once every appended record is in the file (a read never shows a state a crash could take back)', async () => {
    // GIVEN a writer with nothing queued
    fs.writeFileSync(file, '');
    const writer = new JournalWriter(file, 0);
    await writer.settled();

    // WHEN job state changes are appended (no commit) and a reader waits for them
    writer.append({ k: 'state', i: 1 });
    writer.append({ k: 'state', i: 2 });
    const settled = writer.settled();
    // AND one more arrives while that flush is in flight
    writer.append({ k: 'state', i: 3 });
    await settled;
    const seen = readJournal(file).records;
    await writer.settled();

    // THEN the reader resumed only once the records appended before it were on disk; later ones follow
    expect(seen.slice(0, 2)).toEqual([{ k: 'state', i: 1 }, { k: 'state', i: 2 }]);
    expect(readJournal(file).records).toEqual([{ k: 'state', i: 1 }, { k: 'state', i: 2 }, { k: 'state', i: 3 }]);
    await writer.close();
  });
});
