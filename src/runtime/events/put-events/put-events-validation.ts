import { EventContent } from '../event-bridge-event';
import { EventsValidationException } from '../events-errors';
import { PutEventsEntry } from './put-events-entry';
import { EventBusDirectory } from '../rules/event-bus-directory';

/** Entries per PutEvents call (EventBridge API model: `PutEventsRequestEntryList`, 1..10). */
export const MAX_PUT_EVENTS_ENTRIES = 10;

/** An entry that is accepted: what to put on which bus, and when it happened. */
export interface AcceptedEntry {
  readonly content: EventContent;
  readonly busName: string;
  readonly timeEpochMs?: number;
}

/** An entry that is rejected, with EventBridge's per-entry error fields. */
export interface RejectedEntry {
  readonly errorCode: string;
  readonly errorMessage: string;
}

/** PutEvents refuses the whole request only for its size; each entry is judged on its own. */
export function validatePutEventsRequest(entries: readonly PutEventsEntry[]): void {
  if (!Array.isArray(entries) || entries.length < 1 || entries.length > MAX_PUT_EVENTS_ENTRIES) {
    const count = Array.isArray(entries) ? entries.length : typeof entries;
    throw new EventsValidationException(`entries: ${count} entries given; PutEvents takes 1 to ${MAX_PUT_EVENTS_ENTRIES}.`);
  }
}

/**
 * Judges one entry as PutEvents does: Source, DetailType and Detail are required and Detail must be
 * a JSON object. Unlike AWS, a `source` starting with `aws.` is accepted: injecting an S3 or
 * CloudTrail event is what the local runtime's putEvents is for.
 */
export function validatePutEventsEntry(entry: PutEventsEntry, buses: EventBusDirectory): AcceptedEntry | RejectedEntry {
  for (const field of ['source', 'detailType', 'detail'] as const) {
    if (typeof entry?.[field] !== 'string' || entry[field].length === 0) {
      return { errorCode: 'InvalidArgument', errorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument; got ${JSON.stringify(entry?.[field])}.` };
    }
  }
  let detail: unknown;
  try {
    detail = JSON.parse(entry.detail);
  } catch (error) {
    return { errorCode: 'MalformedDetail', errorMessage: `Detail is malformed: ${(error as Error).message}.` };
  }
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) {
    return { errorCode: 'MalformedDetail', errorMessage: `Detail is malformed: it must be a JSON object; got ${entry.detail.slice(0, 100)}.` };
  }
  const busName = buses.canonical(entry.eventBusName);
  if (busName === undefined) {
    return { errorCode: 'InvalidArgument', errorMessage: `Parameter eventBusName is not valid: no event bus ${JSON.stringify(entry.eventBusName)}; known: ${buses.names().join(', ')}.` };
  }
  const time = entry.time === undefined ? undefined : new Date(entry.time).getTime();
  if (time !== undefined && Number.isNaN(time)) {
    return { errorCode: 'InvalidArgument', errorMessage: `Parameter time is not valid: ${String(entry.time)} is not a date.` };
  }
  return {
    content: { source: entry.source, detailType: entry.detailType, detail, resources: entry.resources ?? [] },
    busName,
    timeEpochMs: time,
  };
}
