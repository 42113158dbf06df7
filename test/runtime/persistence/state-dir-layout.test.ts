import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, CheckpointHeader, writeCheckpoint } from '../../../src/runtime/persistence/checkpoint-file';
import { JOURNAL_FORMAT, JOURNAL_VERSION } from '../../../src/runtime/persistence/journal-records';
import { checkpointFile, compact, isStateFile, planRestore, segmentFile } from '../../../src/runtime/persistence/state-dir-layout';

function header(n: number): CheckpointHeader {
  return {
    k: 'checkpoint',
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    n,
    t: n,
    idPosition: 0,
    registry: [],
    parts: [],
    journal: { k: 'header', format: JOURNAL_FORMAT, version: JOURNAL_VERSION, seed: 1, startEpochMs: 0, clock: 'virtual', fingerprint: {} },
  };
}

describe('state dir layout', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layout-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('#21 §2: GIVEN checkpoints 1 and 2 with their segments WHEN planned THEN the restore starts at 2 and replays segment 2', () => {
    for (const n of [1, 2]) writeCheckpoint(checkpointFile(dir, n), header(n), new Map());
    for (const n of [0, 1, 2]) fs.writeFileSync(segmentFile(dir, n), '');
    const plan = planRestore(dir, () => undefined);
    expect(plan.checkpoint?.header.n).toBe(2);
    expect(plan.segments).toEqual([2]);
  });

  test('#21 §2: GIVEN a torn checkpoint 2 WHEN planned THEN it warns and starts at 1, replaying segments 1 and 2; a leftover .tmp is removed', () => {
    for (const n of [1, 2]) writeCheckpoint(checkpointFile(dir, n), header(n), new Map());
    for (const n of [1, 2]) fs.writeFileSync(segmentFile(dir, n), '');
    fs.writeFileSync(checkpointFile(dir, 2), fs.readFileSync(checkpointFile(dir, 2)).subarray(0, 20));
    fs.writeFileSync(`${checkpointFile(dir, 3)}.tmp`, 'half');
    const warnings: string[] = [];
    const plan = planRestore(dir, (message) => warnings.push(message));
    expect(plan.checkpoint?.header.n).toBe(1);
    expect(plan.segments).toEqual([1, 2]);
    expect(warnings.join('\n')).toMatch(/checkpoint-000002\.jsonl: unusable checkpoint .*; restoring from checkpoint-000001\.jsonl/);
    expect(fs.existsSync(`${checkpointFile(dir, 3)}.tmp`)).toBe(false);
  });

  test('#21 §2: GIVEN the only checkpoint torn and the journal compacted away WHEN planned THEN it fails naming the file', () => {
    writeCheckpoint(checkpointFile(dir, 2), header(2), new Map());
    fs.writeFileSync(checkpointFile(dir, 2), 'x');
    expect(() => planRestore(dir, () => undefined)).toThrow(`${checkpointFile(dir, 2)}: unusable checkpoint`);
  });

  test('#21 §2: GIVEN checkpoint 3 written after 2 WHEN compacted keeping 2 THEN checkpoints and segments before 2 are gone', () => {
    for (const n of [1, 2, 3]) writeCheckpoint(checkpointFile(dir, n), header(n), new Map());
    for (const n of [0, 1, 2, 3]) fs.writeFileSync(segmentFile(dir, n), '');
    compact(dir, 2);
    expect(fs.readdirSync(dir).sort()).toEqual(['checkpoint-000002.jsonl', 'checkpoint-000003.jsonl', 'journal-000002.jsonl', 'journal-000003.jsonl']);
    expect(fs.readdirSync(dir).every(isStateFile)).toBe(true);
    expect(isStateFile('notes.txt')).toBe(false);
    // PLAT-3: the pods' claims live beside the journal and are the state dir's own.
    expect(isStateFile('persistent-volumes')).toBe(true);
  });
});
