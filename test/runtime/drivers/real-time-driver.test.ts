import { Clock } from '../../../src/runtime/core/clock';
import { EventLoop } from '../../../src/runtime/core/event-loop';
import { RealTimeDriver } from '../../../src/runtime/drivers/real-time-driver';

/** A wall clock the test sets: the driver's decisions depend on it, not on how fast the machine is. */
class ManualClock implements Clock {
  constructor(public current: number) {}
  now(): number {
    return this.current;
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('RealTimeDriver', () => {
  let clock: ManualClock;
  let loop: EventLoop;
  let driver: RealTimeDriver;
  beforeEach(() => {
    clock = new ManualClock(1_000_000);
    loop = new EventLoop(clock);
    driver = new RealTimeDriver(loop, () => clock.now());
  });
  afterEach(() => {
    driver.dispose();
    jest.restoreAllMocks();
  });

  test('TIME-1: an event that is already due runs on the next turn of the Node loop, without a timer', async () => {
    // GIVEN
    const timeouts = jest.spyOn(global, 'setTimeout');
    const ran: string[] = [];

    // WHEN an event is scheduled for now
    loop.at(clock.now(), () => ran.push('due'));

    // THEN it is not run synchronously, no (>= 1 ms) timer is armed, and it runs on the next turn
    expect(ran).toEqual([]);
    expect(timeouts).not.toHaveBeenCalled();
    await nextTurn();
    expect(ran).toEqual(['due']);
  });

  test('TIME-1: a future event arms one timer for its delay, and runs when it fires', async () => {
    // GIVEN
    const timeouts = jest.spyOn(global, 'setTimeout');
    const ran: string[] = [];

    // WHEN
    loop.at(clock.now() + 60_000, () => ran.push('later'));

    // THEN
    expect(timeouts).toHaveBeenCalledTimes(1);
    expect(timeouts.mock.calls[0][1]).toBe(60_000);
    await nextTurn();
    expect(ran).toEqual([]);
    // WHEN its time comes and the timer fires
    clock.current += 60_000;
    (timeouts.mock.calls[0][0] as () => void)();
    // THEN
    expect(ran).toEqual(['later']);
  });

  test('TIME-1: events that a due event schedules for now run too (job exit, then the scheduling pass it asks for)', async () => {
    // GIVEN
    const ran: string[] = [];

    // WHEN
    loop.at(clock.now(), () => {
      ran.push('exit');
      clock.current += 1; // the wall clock moved while the first event ran
      loop.at(clock.now(), () => ran.push('pass'));
    });
    await nextTurn();
    await nextTurn();

    // THEN
    expect(ran).toEqual(['exit', 'pass']);
  });

  test('dispose cancels an armed due event', async () => {
    // GIVEN
    const ran: string[] = [];
    loop.at(clock.now(), () => ran.push('due'));

    // WHEN
    driver.dispose();
    await nextTurn();

    // THEN
    expect(ran).toEqual([]);
  });
});
