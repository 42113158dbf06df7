import { eventCheckpointPart } from '../../../../src/runtime/core/checkpoint/event-checkpoint';
import { VirtualClock } from '../../../../src/runtime/core/clock';
import { EventLoop } from '../../../../src/runtime/core/event-loop';

const T0 = Date.UTC(2020, 0, 1);

/** A loop with a kind `tick` whose subject is `{ name }`; a null name describes an event that will do nothing. */
function loopWithTicks(ran: string[]): EventLoop {
  const loop = new EventLoop(new VirtualClock(T0));
  loop.eventKinds.set('tick', {
    describe: (subject) => (subject as { name: string | null }).name,
    rearm: (name, time, sequence) => {
      loop.restoreEvent(time, sequence, 'tick', { name }, () => ran.push(name as string));
    },
  });
  return loop;
}

describe('eventCheckpointPart', () => {
  test('#21 §2: GIVEN described events of the same millisecond WHEN saved and re-armed in a fresh loop THEN they run in their original order, with later events after them', () => {
    // GIVEN b armed before a at the same time, and the loop's sequence position carried
    const original = loopWithTicks([]);
    original.atDescribed(T0 + 1000, 'tick', { name: 'b' }, () => undefined);
    original.atDescribed(T0 + 1000, 'tick', { name: 'a' }, () => undefined);
    original.atDescribed(T0 + 500, 'tick', { name: 'first' }, () => undefined);
    const part = eventCheckpointPart(original);
    expect(part.atRest!()).toBe(true);
    const saved = JSON.parse(JSON.stringify(part.save()));

    // WHEN restored into a fresh loop, and one more event armed at the same millisecond
    const ran: string[] = [];
    const restored = loopWithTicks(ran);
    eventCheckpointPart(restored).restore(saved);
    restored.restoreSequencePosition(original.sequencePosition);
    restored.atDescribed(T0 + 1000, 'tick', { name: 'later' }, () => ran.push('later'));
    restored.runUntilIdle();

    // THEN
    expect(ran).toEqual(['first', 'b', 'a', 'later']);
  });

  test('#21 §2: GIVEN an event armed without a kind WHEN a checkpoint is considered THEN it is postponed (never written wrong)', () => {
    const loop = loopWithTicks([]);
    loop.atDescribed(T0 + 1000, 'tick', { name: 'a' }, () => undefined);
    loop.after(5000, () => undefined);
    expect(eventCheckpointPart(loop).atRest!()).toBe(false);
    expect(() => eventCheckpointPart(loop).save()).toThrow(/do not carry/);
  });

  test('#21 §2: GIVEN a described event due now (zero-delay work not run yet) WHEN a checkpoint is considered THEN it is postponed until it ran', () => {
    const loop = loopWithTicks([]);
    loop.atDescribed(T0, 'tick', { name: 'now' }, () => undefined);
    expect(eventCheckpointPart(loop).atRest!()).toBe(false);
    loop.runUntil(T0);
    expect(eventCheckpointPart(loop).atRest!()).toBe(true);
  });

  test('#21 §2: GIVEN an event that will do nothing (described as null) WHEN restored THEN it is pending as a no-op that still moves a virtual clock', () => {
    // GIVEN
    const original = loopWithTicks([]);
    original.atDescribed(T0 + 7000, 'tick', { name: null }, () => undefined);
    const saved = JSON.parse(JSON.stringify(eventCheckpointPart(original).save()));

    // WHEN
    const ran: string[] = [];
    const restored = loopWithTicks(ran);
    eventCheckpointPart(restored).restore(saved);

    // THEN
    expect(restored.pendingEvents).toBe(1);
    expect(eventCheckpointPart(restored).atRest!()).toBe(true); // and a later checkpoint carries it again
    restored.runUntilIdle();
    expect(ran).toEqual([]);
    expect(restored.now()).toBe(T0 + 7000);
  });
});
