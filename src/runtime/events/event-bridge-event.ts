import { Environment } from '../core/model/arns';

/**
 * An event as EventBridge delivers it (the "event structure" of the EventBridge User Guide): the
 * envelope fields with their hyphenated names, and the source-specific `detail` object.
 */
export interface EventBridgeEvent {
  readonly 'version': '0';
  readonly 'id': string;
  readonly 'detail-type': string;
  readonly 'source': string;
  readonly 'account': string;
  /** ISO-8601 in UTC without milliseconds, as EventBridge writes it (`2017-06-13T18:39:06Z`). */
  readonly 'time': string;
  readonly 'region': string;
  readonly 'resources': readonly string[];
  readonly 'detail': unknown;
}

/** The fields of an event that its producer chooses; the rest come from the runtime. */
export interface EventContent {
  readonly source: string;
  readonly detailType: string;
  readonly detail: unknown;
  readonly resources?: readonly string[];
}

/** Builds the envelope around `content`, stamped with the runtime's account, region and clock. */
export function eventBridgeEvent(content: EventContent, id: string, epochMs: number, environment: Environment): EventBridgeEvent {
  return {
    'version': '0',
    'id': id,
    'detail-type': content.detailType,
    'source': content.source,
    'account': environment.account,
    'time': eventTimestamp(epochMs),
    'region': environment.region,
    'resources': [...(content.resources ?? [])],
    'detail': content.detail,
  };
}

/** EventBridge's `time` format: whole seconds, `Z` suffix. */
export function eventTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
