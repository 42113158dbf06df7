import { Clock } from '../../../src/runtime/core/clock';
import { EventLoop } from '../../../src/runtime/core/event-loop';
import { RealTimeDriver } from '../../../src/runtime/drivers/real-time-driver';
import { SystemClock } from '../../../src/runtime/drivers/system-clock';

describe('RealTimeDriver', () => {
  let busy: boolean;
  let loop: EventLoop;
  let driver: RealTimeDriver;

  beforeEach(() => {
    busy = false;
    loop = new EventLoop(new SystemClock());
    driver = new RealTimeDriver(loop, () => Date.now(), { hasActiveWork: () => busy });
  });

  afterEach(() => driver.dispose());

  test('issue #15: with no active work, a pending event (e.g. scale-down in 5 minutes) does not hold the process', () => {
    // GIVEN no unfinished job
    // WHEN housekeeping is scheduled
    loop.after(300_000, () => undefined);

    // THEN the timer is armed but lets the process exit
    expect(driver.holdsProcess).toBe(false);
  });

  test('issue #15: while a job is unfinished the timer holds the process (a simulated job on the wall clock is only this timer)', () => {
    // GIVEN an unfinished job
    busy = true;

    // WHEN its exit is scheduled
    loop.after(300_000, () => undefined);

    // THEN the process is held
    expect(driver.holdsProcess).toBe(true);
  });

  test('issue #15: refreshHold follows the work: held once a job starts, released once it ends', () => {
    // GIVEN an armed timer with no work
    loop.after(300_000, () => undefined);
    expect(driver.holdsProcess).toBe(false);

    // WHEN work starts, THEN the timer holds the process
    busy = true;
    driver.refreshHold();
    expect(driver.holdsProcess).toBe(true);

    // WHEN it ends, THEN the timer lets go
    busy = false;
    driver.refreshHold();
    expect(driver.holdsProcess).toBe(false);
  });

  test('issue #15: an earlier event re-arms the timer with the hold of the moment', () => {
    // GIVEN a timer armed and released while idle
    loop.after(300_000, () => undefined);
    busy = true;

    // WHEN an earlier event arrives (a submission's next step)
    loop.after(1_000, () => undefined);

    // THEN the new timer holds the process
    expect(driver.holdsProcess).toBe(true);
  });

  test('issue #15: without an activity source the timer always holds the process (as a plain setTimeout)', () => {
    // GIVEN a driver told nothing about work
    driver.dispose();
    const plain = new RealTimeDriver(loop, () => Date.now());

    // WHEN
    loop.after(300_000, () => undefined);

    // THEN
    expect(plain.holdsProcess).toBe(true);
    plain.dispose();
  });

  test('issue #15: dispose stops the timer and may be called again', () => {
    // GIVEN
    busy = true;
    loop.after(300_000, () => undefined);

    // WHEN
    driver.dispose();
    driver.dispose();

    // THEN
    expect(driver.holdsProcess).toBe(false);
  });

  test('due events run on the wall clock and the driver re-arms for the next one', async () => {
    // GIVEN two events, the second after the first
    const ran: string[] = [];
    busy = true;
    loop.after(0, () => ran.push('first'));
    loop.after(20, () => ran.push('second'));

    // WHEN both are due
    await new Promise<void>((resolve) => loop.after(40, () => resolve()));

    // THEN they ran in order
    expect(ran).toEqual(['first', 'second']);
  });
});

/** A wall clock the test sets: the driver's decisions depend on it, not on how fast the machine is. */
class ManualClock implements Clock {
  constructor(public current: number) {}
  now(): number {
    return this.current;
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('RealTimeDriver: due events', () => {
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
    // (the real timer, fired by hand above, would otherwise keep jest waiting for a minute)
    clearTimeout(timeouts.mock.results[0].value as NodeJS.Timeout);
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
