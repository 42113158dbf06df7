import { LocalRequest, LocalRoutes } from './local-routes';
import { ClockState } from '../host/endpoint-host';
import { ApiError } from '../http/api-error';

/** What the clock routes need of the host (EndpointHost fits). */
export interface ClockControl {
  clockState(): ClockState;
  advance(ms: number): ClockState;
  runUntilIdle(maxMs?: number): ClockState;
}

/**
 * Registers the clock routes on `/_local/`: with `serve --clock virtual` a client moves time itself,
 * so an SDK test runs a day of jobs without a single sleep.
 * - `GET /_local/clock` -> `{"now": epochMs, "mode": "virtual"|"wall", "pendingEvents": N}`;
 * - `POST /_local/clock/advance` `{"seconds": N}` -> runs every event due in the window, answers the new state;
 * - `POST /_local/clock/run-until-idle` `{"maxSeconds"?: N}` -> runs until no event is left (or N seconds passed).
 * The POST routes answer a 400 ClientException on the wall clock and for a bad body, changing nothing.
 */
export function addClockRoutes(routes: LocalRoutes, clock: ClockControl): void {
  routes.add('GET', 'clock', { handle: () => clock.clockState() });
  routes.add('POST', 'clock/advance', {
    handle: (request) => {
      requireVirtual(clock, 'advance');
      onlyMembers(request, ['seconds']);
      const seconds = secondsField(request.body, 'seconds', true)!;
      return clock.advance(seconds * 1000);
    },
  });
  routes.add('POST', 'clock/run-until-idle', {
    handle: (request) => {
      requireVirtual(clock, 'run-until-idle');
      onlyMembers(request, ['maxSeconds']);
      const maxSeconds = secondsField(request.body, 'maxSeconds', false);
      return clock.runUntilIdle(maxSeconds === undefined ? undefined : maxSeconds * 1000);
    },
  });
}

/** The mode is the first thing wrong with a wall-clock request, whatever its body. */
function requireVirtual(clock: ClockControl, route: string): void {
  if (clock.clockState().mode !== 'virtual') {
    throw ApiError.client(`POST /_local/clock/${route}: the clock is in wall mode (it follows real time); start batch-local serve with --clock virtual to move time by request`);
  }
}

function onlyMembers(request: LocalRequest, known: string[]): void {
  const unknown = Object.keys(request.body).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw ApiError.client(`${unknown[0]}: unknown member of the request; known: ${known.join(', ')}`);
}

function secondsField(body: Record<string, unknown>, name: string, required: boolean): number | undefined {
  const value = body[name];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw ApiError.client(`${name}: expected a number of seconds >= 0; got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  }
  return value;
}
