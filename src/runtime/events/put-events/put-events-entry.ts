/** One event of a `putEvents` call, with the EventBridge `PutEventsRequestEntry` fields. */
export interface PutEventsEntry {
  /** The event's `source`, e.g. `aws.s3` or `com.example.orders`. */
  readonly source: string;
  /** The event's `detail-type`, e.g. `Object Created`. */
  readonly detailType: string;
  /** The event's `detail`: a JSON object, as text (as in the EventBridge API). */
  readonly detail: string;
  /** ARNs the event is about. @default - none */
  readonly resources?: string[];
  /** The event's time. @default - the runtime's current time */
  readonly time?: Date;
  /**
   * The bus: `default`, a name, an ARN, or the logical id of an `AWS::Events::EventBus` of the template.
   * @default 'default'
   */
  readonly eventBusName?: string;
}

/** The result of one entry of a `putEvents` call (EventBridge's `PutEventsResultEntry`). */
export interface PutEventsResultEntry {
  /** The id given to the event. @default - the entry was rejected */
  readonly eventId?: string;
  /** Why the entry was rejected, e.g. `MalformedDetail`. @default - it was accepted */
  readonly errorCode?: string;
  /** The rejection in words, naming the field and the value. @default - it was accepted */
  readonly errorMessage?: string;
}

/** The result of a `putEvents` call: one entry per request entry, in order. */
export interface PutEventsResult {
  /** How many entries were rejected. */
  readonly failedEntryCount: number;
  /** The result of each entry. */
  readonly entries: PutEventsResultEntry[];
}
