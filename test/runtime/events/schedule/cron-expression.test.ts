import * as fc from 'fast-check';
import { EventsValidationException } from '../../../../src/runtime/events/events-errors';
import { parseCronFields } from '../../../../src/runtime/events/schedule/cron-expression';

const cron = (fields: string) => parseCronFields(fields, `cron(${fields})`);
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z'));

/** The next `count` fire times after `fromIso`, as ISO strings. */
function fires(fields: string, fromIso: string, count: number): (string | undefined)[] {
  const schedule = cron(fields);
  const out: (string | undefined)[] = [];
  let t: number | undefined = at(fromIso);
  for (let i = 0; i < count && t !== undefined; i++) {
    t = schedule.nextFireTime(t);
    out.push(iso(t));
  }
  return out;
}

// Examples of "Schedule expressions for rules" / "Cron expressions reference" in the EventBridge User
// Guide (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cron-expressions.html).
// 2024-01-01 is a Monday.
describe('cron: documented examples', () => {
  test('EVT-4: 0 10 * * ? * runs at 10:00 UTC every day', () => {
    expect(fires('0 10 * * ? *', '2024-01-01T10:00:00Z', 3))
      .toEqual(['2024-01-02T10:00:00Z', '2024-01-03T10:00:00Z', '2024-01-04T10:00:00Z']);
  });

  test('EVT-4: 15 12 * * ? * runs at 12:15 UTC every day', () => {
    expect(fires('15 12 * * ? *', '2024-01-01T12:14:59Z', 2)).toEqual(['2024-01-01T12:15:00Z', '2024-01-02T12:15:00Z']);
  });

  test('EVT-4: 0 18 ? * MON-FRI * skips the weekend', () => {
    expect(fires('0 18 ? * MON-FRI *', '2024-01-04T19:00:00Z', 3))
      .toEqual(['2024-01-05T18:00:00Z', '2024-01-08T18:00:00Z', '2024-01-09T18:00:00Z']);
  });

  test('EVT-4: 0 8 1 * ? * runs on the first of each month', () => {
    expect(fires('0 8 1 * ? *', '2024-01-15T00:00:00Z', 3))
      .toEqual(['2024-02-01T08:00:00Z', '2024-03-01T08:00:00Z', '2024-04-01T08:00:00Z']);
  });

  test('EVT-4: 0/15 * * * ? * runs every 15 minutes', () => {
    expect(fires('0/15 * * * ? *', '2024-01-01T23:31:00Z', 3))
      .toEqual(['2024-01-01T23:45:00Z', '2024-01-02T00:00:00Z', '2024-01-02T00:15:00Z']);
  });

  test('EVT-4: 0/10 * ? * MON-FRI * runs every 10 minutes on weekdays only', () => {
    expect(fires('0/10 * ? * MON-FRI *', '2024-01-05T23:55:00Z', 1)).toEqual(['2024-01-08T00:00:00Z']);
  });

  test('EVT-4: 0/5 8-17 ? * MON-FRI * runs 8:00 to 17:55 on weekdays', () => {
    expect(fires('0/5 8-17 ? * MON-FRI *', '2024-01-01T17:50:00Z', 2)).toEqual(['2024-01-01T17:55:00Z', '2024-01-02T08:00:00Z']);
  });

  test('EVT-4: 0/30 20-2 ? * MON-FRI * wraps past midnight, on weekdays', () => {
    // GIVEN the docs' wrapping hour range, from Friday 23:00
    // WHEN the next fire times are listed
    // THEN Friday night runs to 23:30, Saturday and Sunday are skipped, Monday starts at 00:00
    expect(fires('0/30 20-2 ? * MON-FRI *', '2024-01-05T23:00:00Z', 4))
      .toEqual(['2024-01-05T23:30:00Z', '2024-01-08T00:00:00Z', '2024-01-08T00:30:00Z', '2024-01-08T01:00:00Z']);
    expect(fires('0/30 20-2 ? * MON-FRI *', '2024-01-08T02:30:00Z', 1)).toEqual(['2024-01-08T20:00:00Z']);
  });

  test('EVT-4: 0 12 * * ? * runs at noon every day', () => {
    expect(fires('0 12 * * ? *', '2024-02-28T12:00:00Z', 2)).toEqual(['2024-02-29T12:00:00Z', '2024-03-01T12:00:00Z']);
  });

  test('EVT-4: 5,35 14 * * ? * runs at 14:05 and 14:35', () => {
    expect(fires('5,35 14 * * ? *', '2024-01-01T00:00:00Z', 3))
      .toEqual(['2024-01-01T14:05:00Z', '2024-01-01T14:35:00Z', '2024-01-02T14:05:00Z']);
  });

  test('EVT-4: 15 10 ? * 6L 2019-2022 runs on the last Friday of each month, then stops', () => {
    expect(fires('15 10 ? * 6L 2019-2022', '2019-01-01T00:00:00Z', 3))
      .toEqual(['2019-01-25T10:15:00Z', '2019-02-22T10:15:00Z', '2019-03-29T10:15:00Z']);
    expect(fires('15 10 ? * 6L 2019-2022', '2022-12-01T00:00:00Z', 2)).toEqual(['2022-12-30T10:15:00Z', undefined]);
  });
});

// The wildcard descriptions of the same page.
describe('cron: wildcards', () => {
  test('EVT-4: JAN,FEB,MAR in Month; 1-15 in Day-of-month', () => {
    expect(fires('0 0 1-15 JAN,FEB,MAR ? *', '2024-03-15T00:00:00Z', 1)).toEqual(['2025-01-01T00:00:00Z']);
  });

  test('EVT-4: 1/10 in Minutes is minute 1, 11, 21, ...', () => {
    expect(fires('1/10 * * * ? *', '2024-01-01T00:00:00Z', 3))
      .toEqual(['2024-01-01T00:01:00Z', '2024-01-01T00:11:00Z', '2024-01-01T00:21:00Z']);
  });

  test('EVT-4: 3W is the weekday nearest the 3rd', () => {
    // GIVEN months whose 3rd is a Saturday (Feb 2024), a Sunday (Mar 2024) and a Wednesday (Apr 2024)
    // THEN the run moves to Friday the 2nd, Monday the 4th, and stays on the 3rd
    expect(fires('0 9 3W * ? *', '2024-02-01T00:00:00Z', 3))
      .toEqual(['2024-02-02T09:00:00Z', '2024-03-04T09:00:00Z', '2024-04-03T09:00:00Z']);
  });

  test('EVT-4: 1W never leaves the month: a Saturday 1st moves to Monday the 3rd', () => {
    // June 2024 starts on a Saturday.
    expect(fires('0 9 1W * ? *', '2024-05-31T00:00:00Z', 1)).toEqual(['2024-06-03T09:00:00Z']);
  });

  test('EVT-4: 30W on a month-ending Sunday moves back to Friday the 28th', () => {
    // June 2024 ends on Sunday the 30th.
    expect(fires('0 9 30W 6 ? *', '2024-06-01T00:00:00Z', 1)).toEqual(['2024-06-28T09:00:00Z']);
  });

  test('EVT-4: 31W skips months of 30 days', () => {
    // GIVEN 31W from April 2024 (30 days) WHEN asked THEN May 31st, a Friday, is the first
    expect(fires('0 9 31W * ? *', '2024-04-01T00:00:00Z', 1)).toEqual(['2024-05-31T09:00:00Z']);
  });

  test('EVT-4: a Year list jumps straight to the next allowed year', () => {
    expect(fires('0 0 1 1 ? 2030,2040', '2024-05-05T00:00:00Z', 3)).toEqual(['2030-01-01T00:00:00Z', '2040-01-01T00:00:00Z', undefined]);
  });

  test('EVT-4: 3#2 is the second Tuesday of the month', () => {
    expect(fires('0 9 ? * 3#2 *', '2024-01-01T00:00:00Z', 2)).toEqual(['2024-01-09T09:00:00Z', '2024-02-13T09:00:00Z']);
  });

  test('EVT-4: 2#5 skips months without a fifth Monday', () => {
    expect(fires('0 0 ? * MON#5 *', '2024-01-01T00:00:00Z', 2)).toEqual(['2024-01-29T00:00:00Z', '2024-04-29T00:00:00Z']);
  });

  test('EVT-4: L in Day-of-month is the last day, leap years included', () => {
    expect(fires('0 0 L * ? *', '2024-01-31T00:00:00Z', 3))
      .toEqual(['2024-02-29T00:00:00Z', '2024-03-31T00:00:00Z', '2024-04-30T00:00:00Z']);
  });

  test('EVT-4: L alone in Day-of-week is Saturday', () => {
    expect(fires('0 0 ? * L *', '2024-01-01T00:00:00Z', 2)).toEqual(['2024-01-06T00:00:00Z', '2024-01-13T00:00:00Z']);
  });

  test('EVT-4: day-of-month steps and names in lower case', () => {
    expect(fires('0 0 10/10 jan ? *', '2024-01-01T00:00:00Z', 4))
      .toEqual(['2024-01-10T00:00:00Z', '2024-01-20T00:00:00Z', '2024-01-30T00:00:00Z', '2025-01-10T00:00:00Z']);
  });

  test('EVT-4: day 31 skips shorter months', () => {
    expect(fires('0 0 31 * ? *', '2024-01-31T00:00:00Z', 2)).toEqual(['2024-03-31T00:00:00Z', '2024-05-31T00:00:00Z']);
  });

  test('EVT-4: fire times are whole minutes strictly after the given time', () => {
    const schedule = cron('* * * * ? *');
    expect(iso(schedule.nextFireTime(at('2024-01-01T00:00:00Z')))).toBe('2024-01-01T00:01:00Z');
    expect(iso(schedule.nextFireTime(at('2024-01-01T00:00:59.999Z')))).toBe('2024-01-01T00:01:00Z');
  });

  test('EVT-4: nothing after the year range, nor after 2199', () => {
    expect(cron('0 0 1 1 ? 2020').nextFireTime(at('2020-01-01T00:00:00Z'))).toBeUndefined();
    expect(fires('0 0 31 12 ? *', '2199-06-01T00:00:00Z', 2)).toEqual(['2199-12-31T00:00:00Z', undefined]);
  });

  test('EVT-4: a date that never exists steps by field, not by minute', () => {
    // GIVEN 30 February, which never comes, counted from 1970
    const utc = jest.spyOn(Date, 'UTC');
    // WHEN the next fire time is asked for
    const next = cron('0 0 30 2 ? *').nextFireTime(at('1970-01-01T00:00:00Z'));
    // THEN the answer is "never", reached in about one step per month of the 230 allowed years
    expect(next).toBeUndefined();
    expect(utc.mock.calls.length).toBeLessThan(230 * 12 * 3);
    utc.mockRestore();
  });
});

describe('cron: invalid expressions', () => {
  test.each([
    ['0 10 * * *', 'has 6 fields'],
    ['0 10 * * ? * *', 'got 7'],
    ['0 10 * * * *', 'cannot both be specified'],
    ['0 10 ? * ? *', 'cannot both be ?'],
    ['0 10 1 * MON *', 'cannot both be specified'],
    ['60 10 * * ? *', 'Minutes value 60 is outside 0-59'],
    ['0 24 * * ? *', 'Hours value 24 is outside 0-23'],
    ['0 0 32 * ? *', 'Day-of-month value 32 is outside 1-31'],
    ['0 0 0 * ? *', 'Day-of-month value 0 is outside 1-31'],
    ['0 0 * 13 ? *', 'Month value 13 is outside 1-12 or JAN-DEC'],
    ['0 0 * JANUARY ? *', 'Month value "JANUARY" is not a number'],
    ['0 0 ? * 8 *', 'Day-of-week value 8 is outside 1-7 or SUN-SAT'],
    ['0 0 * * ? 1969', 'Year value 1969 is outside 1970-2199'],
    ['0 0 * * ? 2200', 'Year value 2200 is outside 1970-2199'],
    ['*/0 0 * * ? *', 'increment in "*/0" must be at least 1'],
    ['1/2/3 0 * * ? *', 'Minutes item "1/2/3" is malformed'],
    ['1-2-3 0 * * ? *', 'Minutes range "1-2-3" is malformed'],
    ['0 0 LW * ? *', 'L and W stand alone'],
    ['0 0 1,L * ? *', 'L and W stand alone'],
    ['0 0 ? * 3#1,6#3 *', 'one expression only'],
    ['0 0 ? * 3#6 *', 'the occurrence after # must be 1-5'],
    ['0 0 ? * 1/2 *', 'increments (/) are not allowed'],
    ['? 0 * * ? *', 'Minutes value "?" is not a number'],
    ['0 0 * * ? x', 'Year value "x" is not a number'],
  ])('EVT-4: cron(%s) is refused: %s', (fields, reason) => {
    // GIVEN an expression PutRule refuses WHEN parsed THEN the error names the field, the value and the range
    expect(() => cron(fields)).toThrow(EventsValidationException);
    expect(() => cron(fields)).toThrow(reason);
    expect(() => cron(fields)).toThrow(`Parameter ScheduleExpression is not valid: "cron(${fields})"`);
  });
});

/** A reference that tests every minute: slow but obviously right, for short windows only. */
function bruteForceNext(after: number, ok: (d: Date) => boolean, limitMinutes: number): number | undefined {
  let t = Math.floor(after / 60_000) * 60_000 + 60_000;
  for (let i = 0; i < limitMinutes; i++, t += 60_000) {
    if (ok(new Date(t))) {
      return t;
    }
  }
  return undefined;
}

describe('cron: agrees with a minute-by-minute reference', () => {
  const start = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
  const subset = (min: number, max: number) => fc.uniqueArray(fc.integer({ min, max }), { minLength: 1, maxLength: 4 })
    .map((values) => values.sort((a, b) => a - b));

  test('EVT-4: minute and hour lists, every day', () => {
    fc.assert(fc.property(start, subset(0, 59), subset(0, 23), (after, minutes, hours) => {
      const next = cron(`${minutes.join(',')} ${hours.join(',')} * * ? *`).nextFireTime(after);
      const reference = bruteForceNext(after, (d) => minutes.includes(d.getUTCMinutes()) && hours.includes(d.getUTCHours()), 2 * 1440);
      expect(next).toBe(reference);
    }), { numRuns: 60 });
  });

  test('EVT-4: day-of-week lists', () => {
    fc.assert(fc.property(start, subset(0, 59), subset(1, 7), (after, minutes, weekdays) => {
      const next = cron(`${minutes.join(',')} 6 ? * ${weekdays.join(',')} *`).nextFireTime(after);
      const reference = bruteForceNext(after, (d) => minutes.includes(d.getUTCMinutes()) && d.getUTCHours() === 6
        && weekdays.includes(d.getUTCDay() + 1), 8 * 1440);
      expect(next).toBe(reference);
    }), { numRuns: 40 });
  });

  test('EVT-4: day-of-month and month lists', () => {
    fc.assert(fc.property(start, subset(1, 28), subset(1, 12), (after, days, months) => {
      const next = cron(`30 23 ${days.join(',')} ${months.join(',')} ? *`).nextFireTime(after);
      // The time of day is fixed, so the reference may test one candidate per day, for a year.
      let reference: number | undefined;
      const firstDay = Math.floor(after / 86_400_000) * 86_400_000;
      for (let day = firstDay; day < firstDay + 367 * 86_400_000 && reference === undefined; day += 86_400_000) {
        const candidate = new Date(day + (23 * 60 + 30) * 60_000);
        if (candidate.getTime() > after && days.includes(candidate.getUTCDate()) && months.includes(candidate.getUTCMonth() + 1)) {
          reference = candidate.getTime();
        }
      }
      expect(next).toBe(reference);
    }), { numRuns: 60 });
  });
});
