import { PutEventsEntry, PutEventsResult } from '../../events/put-events/put-events-entry';
import { MAX_PUT_EVENTS_ENTRIES } from '../../events/put-events/put-events-validation';
import { ApiError } from '../http/api-error';

/** One entry of the answer, in EventBridge's PascalCase: an `EventId`, or why the entry was rejected. */
export interface PutEventsWireResultEntry {
  readonly EventId?: string;
  readonly ErrorCode?: string;
  readonly ErrorMessage?: string;
}

/** The answer of `POST /_local/put-events`, shaped like EventBridge's `PutEventsResponse`. */
export interface PutEventsWireResponse {
  readonly FailedEntryCount: number;
  readonly Entries: PutEventsWireResultEntry[];
}

/**
 * The members of EventBridge's `PutEventsRequestEntry`. `TraceHeader` is accepted so a request an
 * SDK built passes, and ignored: there is no X-Ray locally.
 */
const ENTRY_MEMBERS = ['Source', 'DetailType', 'Detail', 'Resources', 'Time', 'EventBusName', 'TraceHeader'];

/**
 * Reads a `{"Entries": [...]}` body in EventBridge's wire names into the runtime's entries.
 * Only what EventBridge's request model itself refuses is a 400 here (wrong JSON types, unknown
 * members, 1..10 entries); a missing Source or a Detail that is not a JSON object is judged per
 * entry by the runtime, as EventBridge does, and comes back as that entry's ErrorCode.
 *
 * @throws ApiError ClientException (400) naming the field, the value and the limit
 */
export function parsePutEventsBody(body: Record<string, unknown>): PutEventsEntry[] {
  const unknown = Object.keys(body).filter((key) => key !== 'Entries');
  if (unknown.length > 0) throw ApiError.client(`${unknown[0]}: unknown member of the request; known: Entries`);
  const entries = body.Entries;
  if (!Array.isArray(entries)) {
    throw ApiError.client(`Entries: required, a list of 1 to ${MAX_PUT_EVENTS_ENTRIES} entries; got ${describe(entries)}`);
  }
  if (entries.length < 1 || entries.length > MAX_PUT_EVENTS_ENTRIES) {
    throw ApiError.client(`Entries: ${entries.length} entries given; PutEvents takes 1 to ${MAX_PUT_EVENTS_ENTRIES}`);
  }
  return entries.map((entry, index) => parseEntry(entry, `Entries[${index}]`));
}

/** The runtime's result in EventBridge's wire names; an accepted entry carries only its EventId. */
export function toPutEventsWireResponse(result: PutEventsResult): PutEventsWireResponse {
  return {
    FailedEntryCount: result.failedEntryCount,
    Entries: result.entries.map((entry) => (entry.errorCode !== undefined
      ? { ErrorCode: entry.errorCode, ErrorMessage: entry.errorMessage }
      : { EventId: entry.eventId })),
  };
}

function parseEntry(entry: unknown, at: string): PutEventsEntry {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    throw ApiError.client(`${at}: expected an object with ${ENTRY_MEMBERS.join(', ')}; got ${describe(entry)}`);
  }
  const fields = entry as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !ENTRY_MEMBERS.includes(key));
  if (unknown.length > 0) throw ApiError.client(`${at}.${unknown[0]}: unknown member; known: ${ENTRY_MEMBERS.join(', ')}`);
  for (const name of ['Source', 'DetailType', 'Detail', 'EventBusName', 'TraceHeader']) {
    if (fields[name] !== undefined && typeof fields[name] !== 'string') {
      throw ApiError.client(`${at}.${name}: expected a string; got ${describe(fields[name])}`);
    }
  }
  const resources = fields.Resources;
  if (resources !== undefined && (!Array.isArray(resources) || resources.some((r) => typeof r !== 'string'))) {
    throw ApiError.client(`${at}.Resources: expected a list of ARN strings; got ${describe(resources)}`);
  }
  return {
    // The runtime reports a missing Source/DetailType/Detail per entry, so they pass through as they are.
    source: fields.Source as string,
    detailType: fields.DetailType as string,
    detail: fields.Detail as string,
    resources: resources as string[] | undefined,
    time: parseTime(fields.Time, `${at}.Time`),
    eventBusName: fields.EventBusName as string | undefined,
  };
}

/** The SDKs send a JSON 1.1 timestamp as epoch seconds, possibly with a fraction. */
function parseTime(value: unknown, at: string): Date | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw ApiError.client(`${at}: expected epoch seconds (a number); got ${describe(value)}`);
  }
  return new Date(value * 1000);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 100 ? `${text.slice(0, 100)}...` : text;
}
