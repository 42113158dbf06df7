import { EventsValidationException, InvalidEventPatternException, TargetInputTransformError } from '../../../src/runtime/events/events-errors';

describe('events errors', () => {
  test('EVT-3: InvalidEventPatternException reads like PutRule and adds the path', () => {
    // GIVEN a reason and a path WHEN the error is built THEN message, type and status are EventBridge's
    const error = new InvalidEventPatternException('Empty arrays are not allowed', 'detail.state');
    expect(error.message).toBe('Event pattern is not valid. Reason: Empty arrays are not allowed (at detail.state)');
    expect(error.errorType).toBe('InvalidEventPatternException');
    expect(error.httpStatus).toBe(400);
    expect(error).toBeInstanceOf(Error);
  });

  test('EVT-3: a root-level reason has no path suffix', () => {
    expect(new InvalidEventPatternException('Filter is not an object', '').message)
      .toBe('Event pattern is not valid. Reason: Filter is not an object');
  });

  test('EVT-4: EventsValidationException is a 400 ValidationException', () => {
    const error = new EventsValidationException('Parameter ScheduleExpression is not valid.');
    expect([error.errorType, error.httpStatus, error.name]).toEqual(['ValidationException', 400, 'ValidationException']);
  });

  test('EVT-3: TargetInputTransformError is a delivery failure, not an API error', () => {
    const error = new TargetInputTransformError('bad');
    expect(error.name).toBe('TargetInputTransformError');
    expect('httpStatus' in error).toBe(false);
  });
});
