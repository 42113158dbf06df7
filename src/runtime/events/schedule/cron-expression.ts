import { EventsValidationException } from '../events-errors';

/**
 * EventBridge's six-field cron (`Minutes Hours Day-of-month Month Day-of-week Year`, always UTC),
 * as documented in "Schedule expressions for rules" / "Cron expressions reference":
 *
 * | Field        | Values            | Wildcards      |
 * |--------------|-------------------|----------------|
 * | Minutes      | 0-59              | , - * /        |
 * | Hours        | 0-23              | , - * /        |
 * | Day-of-month | 1-31              | , - * ? / L W  |
 * | Month        | 1-12 or JAN-DEC   | , - * /        |
 * | Day-of-week  | 1-7 or SUN-SAT    | , - * ? L #    |
 * | Year         | 1970-2199         | , - * /        |
 *
 * Exactly one of Day-of-month and Day-of-week is `?`. A range may wrap (`20-2` in Hours is
 * 20..23 and 0..2, as the docs' "0/30 20-2 ? * MON-FRI *" example needs). `L`, `nW`, `nL` and `n#k`
 * stand alone in their field. `L` alone in Day-of-week is Saturday, the last day of the week.
 */
export interface CronSchedule {
  /** The six fields as written, without `cron(` and `)`. */
  readonly fields: string;
  /** First whole minute strictly after `afterEpochMs` the expression fires at; undefined after year 2199. */
  nextFireTime(afterEpochMs: number): number | undefined;
}

const MINUTE_MS = 60_000;
const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldSpec {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** Names standing for min, min+1, ... (months, week days). */
  readonly names?: readonly string[];
}

const MINUTES: FieldSpec = { label: 'Minutes', min: 0, max: 59 };
const HOURS: FieldSpec = { label: 'Hours', min: 0, max: 23 };
const DAY_OF_MONTH: FieldSpec = { label: 'Day-of-month', min: 1, max: 31 };
const MONTH: FieldSpec = { label: 'Month', min: 1, max: 12, names: MONTH_NAMES };
const DAY_OF_WEEK: FieldSpec = { label: 'Day-of-week', min: 1, max: 7, names: DAY_NAMES };
const YEAR: FieldSpec = { label: 'Year', min: 1970, max: 2199 };

/** Which days of a given month a cron fires on; built from whichever day field is not `?`. */
type DaySelector = (year: number, month: number, lastDay: number) => number[];

/**
 * Parses the inside of `cron(...)`.
 *
 * @param expression the whole expression, quoted in error messages
 * @throws EventsValidationException naming the field, the value and the allowed range
 */
export function parseCronFields(fields: string, expression: string): CronSchedule {
  const parts = fields.trim().split(/\s+/);
  if (parts.length !== 6) {
    throw invalid(expression, `a cron expression has 6 fields (Minutes Hours Day-of-month Month Day-of-week Year), got ${parts.length}`);
  }
  const [minuteText, hourText, domText, monthText, dowText, yearText] = parts;
  const minutes = parseValueList(minuteText, MINUTES, expression);
  const hours = parseValueList(hourText, HOURS, expression);
  const months = parseValueList(monthText, MONTH, expression);
  const years = parseValueList(yearText, YEAR, expression);
  if ((domText === '?') === (dowText === '?')) {
    throw invalid(expression, domText === '?'
      ? 'Day-of-month and Day-of-week cannot both be ?; give a value or * in one of them'
      : `Day-of-month (${domText}) and Day-of-week (${dowText}) cannot both be specified; one of them must be ?`);
  }
  const selectDays = domText === '?'
    ? parseDayOfWeek(dowText, expression)
    : parseDayOfMonth(domText, expression);
  return {
    fields,
    nextFireTime: (afterEpochMs) => nextFireTime(afterEpochMs, { minutes, hours, months, years, selectDays }),
  };
}

interface CronPlan {
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly months: readonly number[];
  readonly years: readonly number[];
  readonly selectDays: DaySelector;
}

/**
 * Steps field by field, largest first: a field that does not match jumps straight to the start of
 * its next allowed value, so even an expression that never fires costs at most a few thousand
 * steps (years × months) rather than a walk over every minute.
 */
function nextFireTime(afterEpochMs: number, plan: CronPlan): number | undefined {
  // The loop revisits a month after each hour or minute jump; select its days once.
  let cachedMonth = -1;
  let cachedDays: number[] = [];
  const daysOf = (year: number, month: number): number[] => {
    if (cachedMonth !== year * 12 + month) {
      cachedMonth = year * 12 + month;
      cachedDays = plan.selectDays(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
    }
    return cachedDays;
  };
  let t = Math.floor(afterEpochMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  for (;;) {
    const date = new Date(t);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    const hour = date.getUTCHours();
    const nextYear = firstAtLeast(plan.years, year);
    if (nextYear === undefined) {
      return undefined;
    }
    if (nextYear !== year) {
      t = Date.UTC(nextYear, 0, 1);
      continue;
    }
    const nextMonth = firstAtLeast(plan.months, month);
    if (nextMonth !== month) {
      t = nextMonth === undefined ? Date.UTC(year + 1, 0, 1) : Date.UTC(year, nextMonth - 1, 1);
      continue;
    }
    const nextDay = firstAtLeast(daysOf(year, month), day);
    if (nextDay !== day) {
      t = nextDay === undefined ? Date.UTC(year, month, 1) : Date.UTC(year, month - 1, nextDay);
      continue;
    }
    const nextHour = firstAtLeast(plan.hours, hour);
    if (nextHour !== hour) {
      t = nextHour === undefined ? Date.UTC(year, month - 1, day + 1) : Date.UTC(year, month - 1, day, nextHour);
      continue;
    }
    const nextMinute = firstAtLeast(plan.minutes, date.getUTCMinutes());
    if (nextMinute === undefined) {
      t = Date.UTC(year, month - 1, day, hour + 1);
      continue;
    }
    return Date.UTC(year, month - 1, day, hour, nextMinute);
  }
}

function firstAtLeast(sorted: readonly number[], value: number): number | undefined {
  return sorted.find((candidate) => candidate >= value);
}

/** A field of `,`-separated items, each `*`, `n`, `a-b` (may wrap), or one of those with `/step`. */
function parseValueList(text: string, spec: FieldSpec, expression: string): number[] {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const [rangeText, stepText, ...extra] = item.split('/');
    if (extra.length > 0 || rangeText === '' || stepText === '') {
      throw invalid(expression, `${spec.label} item "${item}" is malformed`);
    }
    const step = stepText === undefined ? 1 : parseInteger(stepText, `${spec.label} increment`, expression);
    if (step < 1) {
      throw invalid(expression, `${spec.label} increment in "${item}" must be at least 1`);
    }
    let start: number;
    let end: number;
    if (rangeText === '*') {
      [start, end] = [spec.min, spec.max];
    } else if (rangeText.includes('-')) {
      const bounds = rangeText.split('-');
      if (bounds.length !== 2) {
        throw invalid(expression, `${spec.label} range "${rangeText}" is malformed`);
      }
      [start, end] = bounds.map((bound) => parseFieldValue(bound, spec, expression));
    } else {
      start = parseFieldValue(rangeText, spec, expression);
      // "5/15" runs from 5 to the end of the field; a bare "5" is just 5.
      end = stepText === undefined ? start : spec.max;
    }
    const span = end >= start ? end - start : end - start + (spec.max - spec.min + 1);
    for (let offset = 0; offset <= span; offset += step) {
      const value = start + offset;
      values.add(value > spec.max ? value - (spec.max - spec.min + 1) : value);
    }
  }
  return [...values].sort((a, b) => a - b);
}

function parseFieldValue(text: string, spec: FieldSpec, expression: string): number {
  const nameIndex = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  const value = nameIndex >= 0 ? spec.min + nameIndex : parseInteger(text, spec.label, expression);
  if (value < spec.min || value > spec.max) {
    const namesHint = spec.names ? ` or ${spec.names[0]}-${spec.names[spec.names.length - 1]}` : '';
    throw invalid(expression, `${spec.label} value ${text} is outside ${spec.min}-${spec.max}${namesHint}`);
  }
  return value;
}

function parseInteger(text: string, label: string, expression: string): number {
  if (!/^\d+$/.test(text)) {
    throw invalid(expression, `${label} value "${text}" is not a number`);
  }
  return Number(text);
}

/** Day-of-month: `L` (last day), `nW` (weekday nearest day n, within the month), or a value list. */
function parseDayOfMonth(text: string, expression: string): DaySelector {
  if (text === 'L') {
    return (_year, _month, lastDay) => [lastDay];
  }
  const weekday = /^(\d+)W$/.exec(text);
  if (weekday) {
    const target = parseFieldValue(weekday[1], DAY_OF_MONTH, expression);
    return (year, month, lastDay) => nearestWeekday(year, month, target, lastDay);
  }
  if (/[LW#]/.test(text)) {
    throw invalid(expression, `Day-of-month "${text}": L and W stand alone ("L", "15W")`);
  }
  const days = parseValueList(text, DAY_OF_MONTH, expression);
  return (_year, _month, lastDay) => days.filter((day) => day <= lastDay);
}

/** Day-of-week: `L` (Saturday), `nL` (last such day of the month), `n#k` (k-th such day), or a value list. */
function parseDayOfWeek(text: string, expression: string): DaySelector {
  if (text === 'L') {
    return daysOnWeekdays([7]);
  }
  const last = /^(\w+)L$/.exec(text);
  if (last) {
    const weekday = parseFieldValue(last[1], DAY_OF_WEEK, expression);
    return (year, month, lastDay) => [lastDay - ((weekdayOf(year, month, lastDay) - weekday + 7) % 7)];
  }
  const nth = /^(\w+)#(\d+)$/.exec(text);
  if (nth) {
    const weekday = parseFieldValue(nth[1], DAY_OF_WEEK, expression);
    const occurrence = Number(nth[2]);
    if (occurrence < 1 || occurrence > 5) {
      throw invalid(expression, `Day-of-week "${text}": the occurrence after # must be 1-5`);
    }
    return (year, month, lastDay) => {
      const first = 1 + ((weekday - weekdayOf(year, month, 1) + 7) % 7);
      const day = first + 7 * (occurrence - 1);
      return day <= lastDay ? [day] : [];
    };
  }
  if (/[L#]/.test(text)) {
    throw invalid(expression, `Day-of-week "${text}": L and # stand alone ("6L", "3#2"), one expression only`);
  }
  if (text.includes('/')) {
    throw invalid(expression, `Day-of-week "${text}": increments (/) are not allowed here, only , - * ? L #`);
  }
  return daysOnWeekdays(parseValueList(text, DAY_OF_WEEK, expression));
}

function daysOnWeekdays(weekdays: readonly number[]): DaySelector {
  return (year, month, lastDay) => {
    const days: number[] = [];
    const firstWeekday = weekdayOf(year, month, 1);
    for (let day = 1; day <= lastDay; day++) {
      if (weekdays.includes(((firstWeekday + day - 2) % 7) + 1)) {
        days.push(day);
      }
    }
    return days;
  };
}

/** Quartz's `W`: Saturday moves to Friday, Sunday to Monday, never across the month's edges. */
function nearestWeekday(year: number, month: number, target: number, lastDay: number): number[] {
  if (target > lastDay) {
    return [];
  }
  const weekday = weekdayOf(year, month, target);
  if (weekday === 7) {
    return [target === 1 ? 3 : target - 1];
  }
  if (weekday === 1) {
    return [target === lastDay ? target - 2 : target + 1];
  }
  return [target];
}

/** 1 = Sunday ... 7 = Saturday, as cron numbers them. */
function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}

function invalid(expression: string, reason: string): EventsValidationException {
  return new EventsValidationException(`Parameter ScheduleExpression is not valid: "${expression}": ${reason}.`);
}
