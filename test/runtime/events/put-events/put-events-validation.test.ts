import { EventsValidationException } from '../../../../src/runtime/events/events-errors';
import { PutEventsEntry } from '../../../../src/runtime/events/put-events/put-events-entry';
import { MAX_PUT_EVENTS_ENTRIES, validatePutEventsEntry, validatePutEventsRequest } from '../../../../src/runtime/events/put-events/put-events-validation';
import { EventBusDirectory } from '../../../../src/runtime/events/rules/event-bus-directory';
import { resolverFor, ENV } from '../events-unit-fixtures';

const buses = new EventBusDirectory(resolverFor({ Bus: { Type: 'AWS::Events::EventBus', Properties: { Name: 'orders' } } }), ENV);
const ENTRY: PutEventsEntry = { source: 'aws.s3', detailType: 'Object Created', detail: '{"bucket":{"name":"b"}}' };

describe('validatePutEventsRequest', () => {
  test('EVT-3: 1 to 10 entries are accepted', () => {
    expect(() => validatePutEventsRequest([ENTRY])).not.toThrow();
    expect(() => validatePutEventsRequest(Array(MAX_PUT_EVENTS_ENTRIES).fill(ENTRY))).not.toThrow();
  });

  test('EVT-3: 0 or 11 entries are refused naming the count and the limit', () => {
    expect(() => validatePutEventsRequest([])).toThrow(EventsValidationException);
    expect(() => validatePutEventsRequest(Array(11).fill(ENTRY))).toThrow('entries: 11 entries given; PutEvents takes 1 to 10.');
  });
});

describe('validatePutEventsEntry', () => {
  test('EVT-3: a valid entry becomes content on the default bus, aws.* sources included', () => {
    // GIVEN an S3 event entry WHEN judged THEN it is accepted with its detail parsed
    expect(validatePutEventsEntry({ ...ENTRY, resources: ['arn:aws:s3:::b'] }, buses)).toEqual({
      content: { source: 'aws.s3', detailType: 'Object Created', detail: { bucket: { name: 'b' } }, resources: ['arn:aws:s3:::b'] },
      busName: 'default',
      timeEpochMs: undefined,
    });
  });

  test('EVT-3: the bus may be named, given by ARN or by logical id; the time is kept', () => {
    const time = new Date(Date.UTC(2021, 0, 1));
    for (const eventBusName of ['orders', 'Bus', `arn:aws:events:${ENV.region}:${ENV.account}:event-bus/orders`]) {
      expect(validatePutEventsEntry({ ...ENTRY, eventBusName, time }, buses)).toMatchObject({ busName: 'orders', timeEpochMs: time.getTime() });
    }
  });

  test.each([
    ['source', { ...ENTRY, source: '' }, 'InvalidArgument', 'Parameter source is not valid'],
    ['detailType', { ...ENTRY, detailType: undefined as unknown as string }, 'InvalidArgument', 'Parameter detailType is not valid'],
    ['detail not JSON', { ...ENTRY, detail: '{oops' }, 'MalformedDetail', 'Detail is malformed'],
    ['detail a list', { ...ENTRY, detail: '[1]' }, 'MalformedDetail', 'it must be a JSON object; got [1]'],
    ['unknown bus', { ...ENTRY, eventBusName: 'nope' }, 'InvalidArgument', 'no event bus "nope"; known: default, orders'],
    ['bad time', { ...ENTRY, time: new Date(Number.NaN) }, 'InvalidArgument', 'Parameter time is not valid'],
  ])('EVT-3: %s is rejected with an error code and message', (_name, entry, errorCode, message) => {
    // GIVEN a faulty entry WHEN judged THEN the per-entry error says what is wrong
    const judged = validatePutEventsEntry(entry, buses);
    expect(judged).toMatchObject({ errorCode, errorMessage: expect.stringContaining(message) });
  });
});
