import { CronSchedule, parseCronFields } from './cron-expression';
import { EventsValidationException } from '../events-errors';

/**
 * Schedule expressions of `AWS::Events::Rule` `ScheduleExpression` (spec rule EVT-4):
 * `rate(value unit)` and six-field `cron(...)`, both in UTC and with minute precision.
 *
 * Pure: no clock is read. The runtime asks for the next fire time after "now" on its own clock.
 */
export interface ScheduleExpression {
  readonly kind: 'rate' | 'cron';
  /** The expression as written, e.g. `rate(5 minutes)`. */
  readonly expression: string;
  /** For `rate(...)`: the period in milliseconds; undefined for cron. */
  readonly periodMs?: number;
  /**
   * The first fire time strictly after `afterEpochMs`, or undefined when the schedule never fires
   * again (a cron whose Year field has run out).
   *
   * A rate schedule starts when the rule is created and fires at `anchorEpochMs + k × period`
   * (k ≥ 1), so `anchorEpochMs` (the rule's creation or enable time) is required for rate and
   * ignored for cron. Cron fires at whole UTC minutes.
   */
  nextFireTime(afterEpochMs: number, anchorEpochMs?: number): number | undefined;
}

/** Longest `ScheduleExpression` `PutRule` accepts (EventBridge API model: max 256). */
export const MAX_SCHEDULE_EXPRESSION_LENGTH = 256;

const UNIT_MS: Record<string, number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

/**
 * Parses a schedule expression.
 *
 * @throws EventsValidationException ("Parameter ScheduleExpression is not valid: ...") naming the
 *   part that is wrong, e.g. `rate(1 hours)` (value 1 needs the singular unit) or a cron field
 *   value outside its range
 */
export function parseScheduleExpression(expression: string): ScheduleExpression {
  if (typeof expression !== 'string') {
    throw invalid(String(expression), 'it must be a string such as "rate(5 minutes)" or "cron(0 12 * * ? *)"');
  }
  if (expression.length > MAX_SCHEDULE_EXPRESSION_LENGTH) {
    throw invalid(expression, `it is ${expression.length} characters long; the limit is ${MAX_SCHEDULE_EXPRESSION_LENGTH}`);
  }
  const rate = /^rate\((.*)\)$/s.exec(expression);
  if (rate) {
    return parseRate(rate[1], expression);
  }
  const cron = /^cron\((.*)\)$/s.exec(expression);
  if (cron) {
    return cronExpression(parseCronFields(cron[1], expression), expression);
  }
  throw invalid(expression, 'it must be rate(value unit) or cron(Minutes Hours Day-of-month Month Day-of-week Year)');
}

function parseRate(body: string, expression: string): ScheduleExpression {
  const match = /^\s*(\d+)\s+([a-z]+)\s*$/.exec(body);
  if (!match) {
    throw invalid(expression, 'a rate is "rate(value unit)" with a whole number and minute(s), hour(s) or day(s)');
  }
  const value = Number(match[1]);
  const unit = match[2];
  const singular = unit.endsWith('s') ? unit.slice(0, -1) : unit;
  const unitMs = UNIT_MS[singular];
  if (unitMs === undefined) {
    throw invalid(expression, `unit "${unit}" is not one of minute, minutes, hour, hours, day, days`);
  }
  if (!Number.isSafeInteger(value) || value < 1) {
    throw invalid(expression, `value ${match[1]} must be a positive whole number`);
  }
  // AWS enforces the grammatical number: rate(1 hours) and rate(5 hour) are both refused.
  const expectedUnit = value === 1 ? singular : `${singular}s`;
  if (unit !== expectedUnit) {
    throw invalid(expression, `value ${value} takes the unit "${expectedUnit}", not "${unit}"`);
  }
  const periodMs = value * unitMs;
  return {
    kind: 'rate',
    expression,
    periodMs,
    nextFireTime: (afterEpochMs, anchorEpochMs) => {
      if (anchorEpochMs === undefined) {
        throw new TypeError(`${expression}: nextFireTime needs anchorEpochMs, the time the rule was created or enabled`);
      }
      const elapsedPeriods = Math.floor((afterEpochMs - anchorEpochMs) / periodMs);
      return anchorEpochMs + Math.max(1, elapsedPeriods + 1) * periodMs;
    },
  };
}

function cronExpression(schedule: CronSchedule, expression: string): ScheduleExpression {
  return {
    kind: 'cron',
    expression,
    nextFireTime: (afterEpochMs) => schedule.nextFireTime(afterEpochMs),
  };
}

function invalid(expression: string, reason: string): EventsValidationException {
  return new EventsValidationException(`Parameter ScheduleExpression is not valid: "${expression}": ${reason}.`);
}
