import { EventsValidationException } from '../../../../src/runtime/events/events-errors';
import { MAX_SCHEDULE_EXPRESSION_LENGTH, parseScheduleExpression } from '../../../../src/runtime/events/schedule/schedule-expression';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ANCHOR = Date.UTC(2024, 0, 1, 9, 17, 23);

// Rate examples of "Schedule expressions for rules" (EventBridge User Guide, Rate expressions):
// rate(1 minute), rate(5 minutes), rate(1 hour), rate(1 day).
describe('rate expressions', () => {
  test.each([
    ['rate(1 minute)', MINUTE],
    ['rate(5 minutes)', 5 * MINUTE],
    ['rate(1 hour)', HOUR],
    ['rate(12 hours)', 12 * HOUR],
    ['rate(1 day)', DAY],
    ['rate(7 days)', 7 * DAY],
  ])('EVT-4: %s has a period of %d ms', (expression, periodMs) => {
    // GIVEN a documented rate WHEN parsed THEN kind and period follow
    const schedule = parseScheduleExpression(expression);
    expect(schedule.kind).toBe('rate');
    expect(schedule.expression).toBe(expression);
    expect(schedule.periodMs).toBe(periodMs);
  });

  test('EVT-4: a rate fires at creation + k periods, k >= 1, keeping the creation offset', () => {
    // GIVEN rate(1 hour) created at 09:17:23
    const schedule = parseScheduleExpression('rate(1 hour)');
    // WHEN the next fire times are asked for from creation onwards
    const first = schedule.nextFireTime(ANCHOR, ANCHOR);
    const second = schedule.nextFireTime(first!, ANCHOR);
    // THEN they are 10:17:23 and 11:17:23, not on the hour
    expect([first, second]).toEqual([ANCHOR + HOUR, ANCHOR + 2 * HOUR]);
  });

  test('EVT-4: a rate answers strictly after the given time, wherever it falls', () => {
    const schedule = parseScheduleExpression('rate(5 minutes)');
    expect(schedule.nextFireTime(ANCHOR + 5 * MINUTE - 1, ANCHOR)).toBe(ANCHOR + 5 * MINUTE);
    expect(schedule.nextFireTime(ANCHOR + 5 * MINUTE, ANCHOR)).toBe(ANCHOR + 10 * MINUTE);
    expect(schedule.nextFireTime(ANCHOR + 1000 * DAY + 1, ANCHOR)).toBe(ANCHOR + 1000 * DAY + 5 * MINUTE);
  });

  test('EVT-4: before its creation a rate first fires one period after creation', () => {
    expect(parseScheduleExpression('rate(1 day)').nextFireTime(ANCHOR - 10 * DAY, ANCHOR)).toBe(ANCHOR + DAY);
  });

  test('EVT-4: a rate needs the anchor', () => {
    expect(() => parseScheduleExpression('rate(1 day)').nextFireTime(ANCHOR)).toThrow('needs anchorEpochMs');
  });
});

describe('cron expressions', () => {
  test('EVT-4: cron(0 12 * * ? *) runs at noon UTC and ignores the anchor', () => {
    // GIVEN the docs' daily-at-noon rule
    const schedule = parseScheduleExpression('cron(0 12 * * ? *)');
    // WHEN asked from 2024-01-01 09:17 with or without an anchor
    // THEN it fires at 12:00 UTC the same day either way
    expect(schedule.kind).toBe('cron');
    expect(schedule.periodMs).toBeUndefined();
    expect(schedule.nextFireTime(ANCHOR)).toBe(Date.UTC(2024, 0, 1, 12));
    expect(schedule.nextFireTime(ANCHOR, 0)).toBe(Date.UTC(2024, 0, 1, 12));
  });
});

describe('invalid expressions', () => {
  test.each([
    ['rate(1 hours)', 'value 1 takes the unit "hour", not "hours"'],
    ['rate(5 hour)', 'value 5 takes the unit "hours", not "hour"'],
    ['rate(1 minutes)', 'takes the unit "minute"'],
    ['rate(2 day)', 'takes the unit "days"'],
    ['rate(0 minutes)', 'value 0 must be a positive whole number'],
    ['rate(-5 minutes)', 'a rate is "rate(value unit)"'],
    ['rate(1.5 hours)', 'a rate is "rate(value unit)"'],
    ['rate(5 seconds)', 'unit "seconds" is not one of minute, minutes, hour, hours, day, days'],
    ['rate(5 weeks)', 'unit "weeks" is not one of'],
    ['rate(5)', 'a rate is "rate(value unit)"'],
    ['rate(5 Minutes)', 'a rate is "rate(value unit)"'],
    ['every 5 minutes', 'it must be rate(value unit) or cron('],
    ['cron(0 12 * * ? *', 'it must be rate(value unit) or cron('],
    ['', 'it must be rate(value unit) or cron('],
    ['cron(0 12 * * *)', 'has 6 fields'],
  ])('EVT-4: %s is refused', (expression, reason) => {
    // GIVEN an expression PutRule refuses WHEN parsed THEN a ValidationException says what is wrong
    expect(() => parseScheduleExpression(expression)).toThrow(EventsValidationException);
    expect(() => parseScheduleExpression(expression)).toThrow(reason);
    expect(() => parseScheduleExpression(expression)).toThrow('Parameter ScheduleExpression is not valid');
  });

  test('EVT-4: expressions longer than 256 characters are refused', () => {
    const long = `cron(0 12 * * ? ${' '.repeat(MAX_SCHEDULE_EXPRESSION_LENGTH)}*)`;
    expect(() => parseScheduleExpression(long)).toThrow('the limit is 256');
  });

  test('EVT-4: a non-string is refused with a hint', () => {
    expect(() => parseScheduleExpression(5 as unknown as string)).toThrow('it must be a string');
  });
});
