import * as fc from 'fast-check';
import { eventLoopCheckpointPart } from '../../../../src/runtime/core/checkpoint/event-loop-checkpoint';
import { VirtualClock } from '../../../../src/runtime/core/clock';
import { EventLoop } from '../../../../src/runtime/core/event-loop';
import { EventRule } from '../../../../src/runtime/events/rules/event-rule';
import { RuleSchedules } from '../../../../src/runtime/events/schedule/rule-schedules';
import { parseScheduleExpression } from '../../../../src/runtime/events/schedule/schedule-expression';
import { rule } from '../events-unit-fixtures';

const T0 = Date.UTC(2020, 0, 1);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function schedules(rules: EventRule[], realTime = false): { schedules: RuleSchedules; loop: EventLoop; fired: string[] } {
  const loop = new EventLoop(new VirtualClock(T0));
  const fired: string[] = [];
  const s = new RuleSchedules(rules, loop, {
    onScheduleFired: (r, epochMs) => {
      expect(loop.now()).toBe(epochMs);
      fired.push(`${r.logicalId}@${(epochMs - T0) / MINUTE}m`);
    },
  }, realTime, T0);
  return { schedules: s, loop, fired };
}

const hourly = rule({ logicalId: 'Hourly', schedule: parseScheduleExpression('rate(1 hour)') });

describe('RuleSchedules in virtual time', () => {
  test('EVT-4: nothing is armed until the clock may move, so runUntilIdle ends at once', () => {
    // GIVEN an hourly rule WHEN the loop drains THEN it never fired and no event is left
    const { loop, fired } = schedules([hourly]);
    expect(loop.runUntilIdle()).toBe(0);
    expect(fired).toEqual([]);
    expect(loop.pendingEvents).toBe(0);
  });

  test('EVT-4: allowUntil lets the schedule fire up to that time, inclusive, one pending event at a time', () => {
    // GIVEN an hourly rule
    const { schedules: s, loop, fired } = schedules([hourly]);
    // WHEN 3 hours are allowed and run
    s.allowUntil(T0 + 3 * HOUR);
    expect(loop.pendingEvents).toBe(1);
    loop.runUntil(T0 + 3 * HOUR);
    // THEN it fired at 1h, 2h, 3h and the simulation is idle again
    expect(fired).toEqual(['Hourly@60m', 'Hourly@120m', 'Hourly@180m']);
    expect(loop.runUntilIdle()).toBe(0);
    // AND allowing more continues from there
    s.allowUntil(T0 + 4 * HOUR);
    loop.runUntil(T0 + 4 * HOUR);
    expect(fired).toHaveLength(4);
  });

  test('EVT-4: a rate counts from the anchor; cron fires on whole minutes; both interleave in time order', () => {
    const everyFive = rule({ logicalId: 'Cron', schedule: parseScheduleExpression('cron(0/5 * * * ? *)') });
    const { schedules: s, loop, fired } = schedules([rule({ logicalId: 'Rate', schedule: parseScheduleExpression('rate(7 minutes)') }), everyFive]);
    s.allowUntil(T0 + 15 * MINUTE);
    loop.runUntil(T0 + 15 * MINUTE);
    expect(fired).toEqual(['Cron@5m', 'Rate@7m', 'Cron@10m', 'Rate@14m', 'Cron@15m']);
  });

  test('EVT-4: DISABLED rules and rules without a schedule are never armed', () => {
    const { schedules: s, loop, fired } = schedules([{ ...hourly, enabled: false }, rule({ logicalId: 'PatternOnly' })]);
    s.allowUntil(T0 + DAY);
    loop.runUntil(T0 + DAY);
    expect(fired).toEqual([]);
    expect(s.activeSchedules).toBe(0);
  });

  test('EVT-4: a cron whose years have run out stops', () => {
    const once = rule({ logicalId: 'Once', schedule: parseScheduleExpression('cron(0 0 2 1 ? 2020)') });
    const { schedules: s, loop, fired } = schedules([once]);
    s.allowUntil(T0 + 400 * DAY);
    loop.runUntil(T0 + 400 * DAY);
    expect(fired).toEqual(['Once@1440m']);
    expect(s.activeSchedules).toBe(0);
  });
});

describe('RuleSchedules in real time', () => {
  test('EVT-4: schedules are armed without advance, and a far fire time is reached in steps of at most a day', () => {
    // GIVEN a yearly cron armed for real time (the loop's clock stands in for the system clock)
    const yearly = rule({ logicalId: 'Yearly', schedule: parseScheduleExpression('cron(0 0 1 1 ? *)') });
    const { loop, fired } = schedules([yearly], true);
    // WHEN the loop runs for a year and a bit
    const stepsBefore = loop.nextEventTime();
    loop.runUntil(T0 + 367 * DAY);
    // THEN the first wake-up was a day away, and the fire happened at 2021-01-01 exactly
    expect(stepsBefore).toBe(T0 + DAY);
    expect(fired).toEqual([`Yearly@${366 * 24 * 60}m`]);
  });
});

describe('RuleSchedules across a checkpoint (#21 §2)', () => {
  const EXPRESSIONS = ['rate(1 minute)', 'rate(2 minutes)', 'rate(5 minutes)', 'rate(1 hour)', 'cron(0/3 * * * ? *)', 'cron(30 1 * * ? *)'];

  test('#21 §2, EVT-4: GIVEN any scheduled rules WHEN a checkpoint is restored into a fresh runtime THEN the rules fire after it exactly as in the uninterrupted run, same-millisecond order included', () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom(...EXPRESSIONS), { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 0, max: 3 * 60 }),
      fc.integer({ min: 1, max: 6 * 60 }),
      fc.boolean(),
      (expressions, checkpointMinute, moreMinutes, realTime) => {
        const rules = expressions.map((expression, i) => rule({ logicalId: `R${i}`, name: `r${i}`, schedule: parseScheduleExpression(expression) }));
        const checkpointAt = T0 + checkpointMinute * MINUTE;
        const endAt = checkpointAt + moreMinutes * MINUTE;
        const runTo = (run: ReturnType<typeof schedules>, until: number): void => {
          if (!realTime) run.schedules.allowUntil(until);
          run.loop.runUntil(until);
        };
        // GIVEN the uninterrupted run
        const whole = schedules(rules, realTime);
        runTo(whole, checkpointAt);
        const firedBefore = whole.fired.length;
        // WHEN a checkpoint taken at the same point is restored into a fresh runtime
        const saved = [whole.schedules.checkpointPart().save(), eventLoopCheckpointPart(whole.loop).save()];
        runTo(whole, endAt);
        const restored = schedules(rules, realTime);
        const part = restored.schedules.checkpointPart();
        part.clear!();
        restored.loop.runUntil(checkpointAt);
        part.restore(JSON.parse(JSON.stringify(saved[0])));
        eventLoopCheckpointPart(restored.loop).restore(JSON.parse(JSON.stringify(saved[1])));
        runTo(restored, endAt);
        // THEN nothing fired during the restore and the fires after it are the same, in the same order
        expect(restored.fired).toEqual(whole.fired.slice(firedBefore));
        expect(restored.loop.transientEvents).toBe(0);
      },
    ), { numRuns: 200 });
  });

  test('#21 §2: GIVEN a checkpoint of other rules WHEN restored THEN it is refused, naming both lists', () => {
    const saved = schedules([hourly]).schedules.checkpointPart().save();
    const other = schedules([rule({ logicalId: 'Other', name: 'other', schedule: parseScheduleExpression('rate(1 hour)') })]);
    expect(() => other.schedules.checkpointPart().restore(saved)).toThrow(/scheduled rules \(.*\) are not the template's \(other\)/);
  });
});

