import { VirtualClock } from '../../../src/runtime/core/clock';
import { EventLoop } from '../../../src/runtime/core/event-loop';

describe('EventLoop', () => {
  test('#21 §3: GIVEN three scheduled events, one cancelled WHEN pendingEvents is read THEN it counts the two that will still run', () => {
    const loop = new EventLoop(new VirtualClock(0));
    loop.at(10, () => undefined);
    const cancelled = loop.at(20, () => undefined);
    loop.at(30, () => undefined);
    cancelled.cancel();
    cancelled.cancel(); // twice: still one entry less
    expect(loop.pendingEvents).toBe(2);
  });

  test('#21 §3: GIVEN a cancelled event at the top of the heap WHEN events run THEN pendingEvents counts down to 0, never below', () => {
    const loop = new EventLoop(new VirtualClock(0));
    const ran: number[] = [];
    const first = loop.at(10, () => ran.push(10));
    loop.at(20, () => ran.push(20));
    first.cancel();
    expect(loop.pendingEvents).toBe(1);
    loop.runUntil(15);
    expect(loop.pendingEvents).toBe(1);
    const second = loop.at(25, () => ran.push(25));
    loop.runUntilIdle();
    second.cancel(); // it already ran: cancelling it now changes nothing
    expect(ran).toEqual([20, 25]);
    expect(loop.pendingEvents).toBe(0);
  });

  test('#21 §3: GIVEN a job timer cancelled by the action of another event WHEN that event runs THEN the cancelled one is not counted', () => {
    const loop = new EventLoop(new VirtualClock(0));
    const timeout = loop.at(1000, () => undefined);
    loop.at(5, () => timeout.cancel());
    loop.runUntil(10);
    expect(loop.pendingEvents).toBe(0);
    expect(loop.nextEventTime()).toBeUndefined();
  });

  test('#21 §2: GIVEN standing and transient events WHEN counted THEN only transient ones keep the loop from a rest point, and a standing event re-armed with its sequence keeps its place among same-time events', () => {
    // GIVEN a standing event at 10 (sequence 0) and a transient one at 10 (sequence 1)
    const loop = new EventLoop(new VirtualClock(0));
    const order: string[] = [];
    const standing = loop.at(10, () => order.push('standing'), true);
    loop.at(10, () => order.push('transient'));
    // THEN both are pending, one is transient
    expect(loop.pendingEvents).toBe(2);
    expect(loop.transientEvents).toBe(1);
    // WHEN the standing one is dropped and re-armed with its saved sequence (a checkpoint restore)
    standing.cancel();
    expect(loop.transientEvents).toBe(1);
    loop.restoreStanding(standing.time, standing.sequence, () => order.push('standing'));
    loop.runUntil(10);
    // THEN it runs first, as it would have, though it was pushed last
    expect(order).toEqual(['standing', 'transient']);
    expect(loop.pendingEvents).toBe(0);
    expect(loop.transientEvents).toBe(0);
  });

  test('#21 §2: GIVEN a restored sequence position WHEN events are pushed THEN they are numbered from it on, never back', () => {
    const loop = new EventLoop(new VirtualClock(0));
    loop.restoreSequencePosition(40);
    expect(loop.at(1, () => undefined).sequence).toBe(40);
    loop.restoreSequencePosition(5);
    expect(loop.at(1, () => undefined).sequence).toBe(41);
  });
});
