import { RealTimeDriver } from './real-time-driver';
import { BatchBackend } from '../core/backend';

/**
 * Drives the backend's event loop on the wall clock, holding the process only while a job is
 * unfinished: every job state change may start or end that, so each one refreshes the hold.
 */
export function driveOnWallClock(backend: BatchBackend): RealTimeDriver {
  const driver = new RealTimeDriver(backend.loop, () => Date.now(), { hasActiveWork: () => backend.hasActiveJobs() });
  // Listeners hear a change before the backend's own bookkeeping of it (a job's end is counted after):
  // refresh once the change is complete, still before Node decides whether anything holds the process.
  backend.addJobStateListener({ onJobStateChange: () => queueMicrotask(() => driver.refreshHold()) });
  return driver;
}
