import { LocalRoutes } from './local-routes';
import { parsePutEventsBody, toPutEventsWireResponse } from './put-events-wire';
import { EventsValidationException } from '../../events/events-errors';
import { PutEventsEntry, PutEventsResult } from '../../events/put-events/put-events-entry';
import { TargetInvocation } from '../../events/targets/target-invocation';
import { ApiError } from '../http/api-error';

/**
 * What the event routes need of the runtime: `LocalBatchRuntime` and `LocalEventBridge` both fit,
 * so the endpoint can serve either the facade or a bridge built on its own wall-clock backend.
 */
export interface LocalEventsSource {
  putEvents(entries: PutEventsEntry[]): PutEventsResult;
  targetInvocations(): TargetInvocation[];
}

/**
 * Registers the EventBridge routes on `/_local/` (EVT-3). They are local-only because the endpoint
 * speaks AWS Batch and Logs, not EventBridge's JSON 1.1 protocol; a test or script injects events
 * with a plain POST and reads what the template's rules delivered:
 * - `POST /_local/put-events` `{"Entries": [...]}` in EventBridge's wire names -> its PutEvents answer;
 * - `GET /_local/target-invocations[?ruleName=NAME]` -> `{"invocations": [...]}`, oldest first.
 */
export function addEventRoutes(routes: LocalRoutes, events: LocalEventsSource): void {
  routes.add('POST', 'put-events', {
    handle: (request) => {
      const entries = parsePutEventsBody(request.body);
      try {
        return toPutEventsWireResponse(events.putEvents(entries));
      } catch (error) {
        // The runtime refuses a whole request only for its size; that is the caller's error, not a 500.
        if (error instanceof EventsValidationException) throw ApiError.client(error.message);
        throw error;
      }
    },
  });
  routes.add('GET', 'target-invocations', {
    handle: (request) => {
      const ruleName = request.query.get('ruleName');
      if (ruleName === '') throw ApiError.client('ruleName: empty; give a rule name or leave the parameter out');
      const invocations = events.targetInvocations();
      return { invocations: ruleName === null ? invocations : invocations.filter((i) => i.ruleName === ruleName) };
    },
  });
}
