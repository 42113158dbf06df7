/**
 * The errors EventBridge itself returns, so the runtime's API layer can map them onto the same
 * error types and HTTP statuses a real `PutRule` / `PutTargets` call would produce.
 */

/** `PutRule` rejects an event pattern: EventBridge answers `InvalidEventPatternException` (HTTP 400). */
export class InvalidEventPatternException extends Error {
  readonly errorType = 'InvalidEventPatternException';
  readonly httpStatus = 400;

  /**
   * @param reason what is wrong, in the words EventBridge uses after "Reason:"
   * @param path where in the pattern it is wrong (dotted field path, `[i]` for list entries)
   */
  constructor(readonly reason: string, readonly path: string) {
    super(`Event pattern is not valid. Reason: ${reason}${path ? ` (at ${path})` : ''}`);
    this.name = 'InvalidEventPatternException';
  }
}

/**
 * A request parameter EventBridge rejects with `ValidationException` (HTTP 400): a bad
 * `ScheduleExpression`, or a target whose `Input` / `InputPath` / `InputTransformer` is malformed.
 */
export class EventsValidationException extends Error {
  readonly errorType = 'ValidationException';
  readonly httpStatus = 400;

  constructor(message: string) {
    super(message);
    this.name = 'ValidationException';
  }
}

/**
 * A well-formed input transformer produced something EventBridge cannot deliver for this event
 * (for example a JSON template that stops being JSON once an object is pasted inside a string).
 * EventBridge drops the invocation and counts it as failed; it is not an API error.
 */
export class TargetInputTransformError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetInputTransformError';
  }
}
