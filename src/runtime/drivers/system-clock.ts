import { Clock } from '../core/clock';

/** Wall-clock time, for runs with real processes. Lives outside the pure core. */
export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
}
