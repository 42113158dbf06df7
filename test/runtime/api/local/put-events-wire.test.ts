import { ApiError } from '../../../../src/runtime/api/http/api-error';
import { parsePutEventsBody, toPutEventsWireResponse } from '../../../../src/runtime/api/local/put-events-wire';

describe('parsePutEventsBody', () => {
  test('EVT-3: EventBridge wire names map to the runtime\'s entry; Time is epoch seconds', () => {
    // GIVEN
    const body = {
      Entries: [{
        Source: 'my.app',
        DetailType: 'Order Placed',
        Detail: '{"orderId":42}',
        Resources: ['arn:aws:s3:::b'],
        Time: 1704164645.5,
        EventBusName: 'orders',
        TraceHeader: 'Root=1-abc',
      }],
    };

    // WHEN
    const entries = parsePutEventsBody(body);

    // THEN
    expect(entries).toEqual([{
      source: 'my.app',
      detailType: 'Order Placed',
      detail: '{"orderId":42}',
      resources: ['arn:aws:s3:::b'],
      time: new Date(1704164645500),
      eventBusName: 'orders',
    }]);
  });

  test('EVT-3: missing Source, DetailType and Detail pass through, for the runtime to reject per entry', () => {
    // WHEN
    const [entry] = parsePutEventsBody({ Entries: [{}] });

    // THEN
    expect(entry.source).toBeUndefined();
    expect(entry.detailType).toBeUndefined();
    expect(entry.detail).toBeUndefined();
    expect(entry.time).toBeUndefined();
  });

  test.each([
    [{ Entries: 'x' }, 'Entries: required, a list of 1 to 10 entries; got "x"'],
    [{ Entries: [] }, 'Entries: 0 entries given; PutEvents takes 1 to 10'],
    [{ Entries: new Array(11).fill({ Source: 's' }) }, 'Entries: 11 entries given; PutEvents takes 1 to 10'],
    [{ Entries: [{}], Extra: 1 }, 'Extra: unknown member of the request; known: Entries'],
    [{ Entries: [{}, 7] }, 'Entries[1]: expected an object'],
    [{ Entries: [{ Source: 5 }] }, 'Entries[0].Source: expected a string; got 5'],
    [{ Entries: [{ Resources: 'arn' }] }, 'Entries[0].Resources: expected a list of ARN strings; got "arn"'],
    [{ Entries: [{ Resources: [1] }] }, 'Entries[0].Resources: expected a list of ARN strings; got [1]'],
    [{ Entries: [{ Time: '2024-01-01' }] }, 'Entries[0].Time: expected epoch seconds (a number); got "2024-01-01"'],
    [{ Entries: [{ Detailtype: 'x' }] }, 'Entries[0].Detailtype: unknown member'],
  ])('EVT-3: %j is a ClientException: %s', (body, message) => {
    // WHEN
    const parse = (): unknown => parsePutEventsBody(body as Record<string, unknown>);

    // THEN
    expect(parse).toThrow(ApiError);
    expect(parse).toThrow(message);
    try {
      parse();
    } catch (error) {
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).errorType).toBe('ClientException');
    }
  });
});

describe('toPutEventsWireResponse', () => {
  test('EVT-3: accepted entries carry only EventId, rejected ones ErrorCode and ErrorMessage, in order', () => {
    // WHEN
    const wire = toPutEventsWireResponse({
      failedEntryCount: 1,
      entries: [{ eventId: 'e-1' }, { errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed' }],
    });

    // THEN
    expect(wire).toEqual({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'e-1' }, { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed' }],
    });
  });
});
