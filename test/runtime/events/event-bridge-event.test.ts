import { ENV } from './events-unit-fixtures';
import { eventBridgeEvent, eventTimestamp } from '../../../src/runtime/events/event-bridge-event';

describe('eventBridgeEvent', () => {
  test('EVT-1: the envelope has version 0, the hyphenated detail-type, the account, region and runtime time', () => {
    // GIVEN the content of an event
    const content = { source: 'aws.batch', detailType: 'Batch Job State Change', resources: ['arn:job'], detail: { status: 'RUNNING' } };
    // WHEN it is stamped at 2020-01-01T00:00:01.500Z
    const event = eventBridgeEvent(content, 'id-1', Date.UTC(2020, 0, 1, 0, 0, 1, 500), ENV);
    // THEN every envelope field is there, with EventBridge's names and time format
    expect(event).toEqual({
      'version': '0',
      'id': 'id-1',
      'detail-type': 'Batch Job State Change',
      'source': 'aws.batch',
      'account': ENV.account,
      'time': '2020-01-01T00:00:01Z',
      'region': ENV.region,
      'resources': ['arn:job'],
      'detail': { status: 'RUNNING' },
    });
  });

  test('EVT-1: without resources the event carries an empty list', () => {
    expect(eventBridgeEvent({ source: 's', detailType: 'd', detail: {} }, 'i', 0, ENV).resources).toEqual([]);
  });

  test('EVT-1: time drops milliseconds and ends in Z', () => {
    expect(eventTimestamp(Date.UTC(2017, 5, 13, 18, 39, 6, 999))).toBe('2017-06-13T18:39:06Z');
  });
});
