/**
 * How conformance suites move time: virtual time advances the runtime's clock; real time (process and
 * container executors) pumps fake timers while real processes run. And the hooks around each case.
 */
import { JobDetail, LocalBatchRuntime } from '../../../src';

/** The part of a conformance target the time control depends on. */
interface RealTimeTarget {
  readonly realTime: boolean;
}

// Captured before any test installs fake timers: the real clock paces the polling of real processes.
export const realSetTimeout = setTimeout;
// Generous: real containers on a loaded machine start in seconds, not milliseconds (a ceiling, never a timing assertion).
const REAL_TIME_LIMIT_MS = 120_000;

/** How a test moves time forward and waits, in virtual or real time. */
export interface TimeControl {
  waitForJob(runtime: LocalBatchRuntime, jobId: string): Promise<JobDetail>;
  waitUntil(what: string, condition: () => boolean): Promise<void>;
  elapse(seconds: number): Promise<void>;
}

export function virtualTime(runtime: () => LocalBatchRuntime): TimeControl {
  return {
    waitForJob: (rt, jobId) => rt.waitForJob(jobId),
    waitUntil: async (what, condition) => {
      for (let second = 0; second < 3600 && !condition(); second++) runtime().advance(1);
      if (!condition()) throw new Error(`virtual time: still waiting for ${what} after an hour`);
    },
    elapse: async (seconds) => runtime().advance(seconds),
  };
}

export function realTime(): TimeControl {
  const pump = async (): Promise<void> => {
    jest.advanceTimersByTime(0); // runs the runtime's timers that are due now
    await new Promise((resolve) => realSetTimeout(resolve, 5));
  };
  const waitUntil = async (what: string, condition: () => boolean): Promise<void> => {
    const deadline = process.hrtime.bigint() + BigInt(REAL_TIME_LIMIT_MS) * 1_000_000n;
    while (!condition()) {
      if (process.hrtime.bigint() > deadline) throw new Error(`real time: still waiting for ${what} after ${REAL_TIME_LIMIT_MS} ms`);
      await pump();
    }
  };
  return {
    waitForJob: async (rt, jobId) => {
      await waitUntil(`job ${jobId} to finish`, () => ['SUCCEEDED', 'FAILED'].includes(rt.describeJob(jobId).status));
      return rt.describeJob(jobId);
    },
    waitUntil,
    elapse: async (seconds) => {
      jest.advanceTimersByTime(seconds * 1000);
      await pump();
    },
  };
}

/** What a conformance suite's hooks need of its `runtime` and `time` variables. */
export interface ConformanceHookBindings {
  readonly runtime: () => LocalBatchRuntime | undefined;
  readonly setTime: (time: TimeControl) => void;
  readonly disposed: () => void;
}

/**
 * The hooks every conformance suite runs around each case: the target's time control (fake timers
 * for a real-time executor, the runtime's virtual clock otherwise) before, the runtime disposed after.
 */
export function useConformanceHooks(target: RealTimeTarget, bindings: ConformanceHookBindings): void {
  beforeEach(() => {
    if (target.realTime) {
      jest.useFakeTimers({ doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate'] });
      bindings.setTime(realTime());
    } else {
      bindings.setTime(virtualTime(() => bindings.runtime()!));
    }
  });

  afterEach(() => {
    bindings.runtime()?.dispose();
    bindings.disposed();
    if (target.realTime) jest.useRealTimers();
  });
}
