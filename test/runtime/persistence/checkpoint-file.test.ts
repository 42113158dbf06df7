import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, CheckpointHeader, readCheckpoint, writeCheckpoint } from '../../../src/runtime/persistence/checkpoint-file';
import { JOURNAL_FORMAT, JOURNAL_VERSION } from '../../../src/runtime/persistence/journal-records';

const HEADER: CheckpointHeader = {
  k: 'checkpoint',
  format: CHECKPOINT_FORMAT,
  version: CHECKPOINT_VERSION,
  n: 3,
  t: 1000,
  idPosition: 7,
  registry: [],
  journal: { k: 'header', format: JOURNAL_FORMAT, version: JOURNAL_VERSION, seed: 1, startEpochMs: 0, clock: 'virtual', fingerprint: {} },
  parts: [{ key: 'jobs', chunks: 2 }, { key: 'capacity', chunks: 1 }],
};
const PARTS = new Map<string, unknown[]>([['jobs', [{ n: 1 }, { n: 2 }]], ['capacity', [{ instanceCounter: 4 }]]]);

describe('checkpoint file', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-file-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('#21 §2: GIVEN a checkpoint written WHEN read back THEN its header and every part\'s chunks are there, and no .tmp is left', () => {
    const file = path.join(dir, 'checkpoint-000003.jsonl');
    const steps: string[] = [];
    writeCheckpoint(file, HEADER, PARTS, (step) => steps.push(step));
    const read = readCheckpoint(file);
    expect(typeof read).not.toBe('string');
    expect(read).toEqual({ header: HEADER, parts: PARTS });
    expect(fs.readdirSync(dir)).toEqual(['checkpoint-000003.jsonl']);
    expect(steps).toEqual(['checkpoint-written', 'checkpoint-synced', 'checkpoint-renamed']);
  });

  test.each([
    ['cut short at a line end', (text: string) => text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1), /without its end record/],
    ['cut in the middle of a record', (text: string) => text.slice(0, Math.floor(text.length / 2)), /incomplete|without its end record/],
    ['a flipped byte', (text: string) => text.replace('"instanceCounter":4', '"instanceCounter":5'), /checksum mismatch/],
  ])('#21 §2: GIVEN a checkpoint %s WHEN read THEN it is refused with the reason', (_name, damage, reason) => {
    const file = path.join(dir, 'checkpoint-000003.jsonl');
    writeCheckpoint(file, HEADER, PARTS);
    fs.writeFileSync(file, damage(fs.readFileSync(file, 'utf8')));
    expect(readCheckpoint(file)).toMatch(reason);
  });
});
