import { SeededIdGenerator } from '../../../src/runtime/core/id-generator';
import { RecordingIdGenerator } from '../../../src/runtime/persistence/recording-id-generator';

describe('RecordingIdGenerator', () => {
  test('#11 §3, LIFE-6: live it records the ids it hands out; take() returns them once', () => {
    // GIVEN
    const ids = new RecordingIdGenerator(new SeededIdGenerator(7));
    const reference = new SeededIdGenerator(7);

    // WHEN
    const given = [ids.nextUuid(), ids.nextUuid()];

    // THEN
    expect(given).toEqual([reference.nextUuid(), reference.nextUuid()]);
    expect(ids.take()).toEqual(given);
    expect(ids.take()).toEqual([]);
  });

  test('#11 §3, LIFE-6: replaying it hands out the recorded ids, stays in step with its generator, and counts ids left unused', () => {
    // GIVEN
    const ids = new RecordingIdGenerator(new SeededIdGenerator(7));
    const reference = new SeededIdGenerator(7);

    // WHEN
    ids.replayIds(['recorded-1', 'recorded-2']);
    const replayed = ids.nextUuid();
    const left = ids.endReplay();
    const after = ids.nextUuid();

    // THEN
    expect(replayed).toBe('recorded-1');
    expect(left).toBe(1);
    reference.nextUuid();
    expect(after).toBe(reference.nextUuid());
  });
});
