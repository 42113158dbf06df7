import {
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  InvalidParameterException,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import { BATCH_LOG_GROUP } from '../../../../src/runtime/core/logging/log-store';
import { Endpoint, rawRequest, rejection, startEndpoint } from '../endpoint-fixture';

describe('CloudWatch Logs subset through @aws-sdk/client-cloudwatch-logs', () => {
  let endpoint: Endpoint;

  beforeAll(async () => {
    endpoint = await startEndpoint();
    const logs = endpoint.host.backend.logs;
    ['alpha 1', 'beta 2', 'alpha 3', 'gamma 4'].forEach((message, i) => logs.append(BATCH_LOG_GROUP, 'jd/default/aaa', 1000 + i, message));
    ['alpha x', 'delta y'].forEach((message, i) => logs.append(BATCH_LOG_GROUP, 'jd/default/bbb', 1002 + i * 10, message));
  });
  afterAll(async () => {
    await endpoint.close();
  });
  afterEach(() => {
    expect(endpoint.serverErrors).toEqual([]);
  });

  test('LOG-1: GetLogEvents returns a stream\'s events oldest first, with forward and backward tokens', async () => {
    // WHEN
    const all = await endpoint.logs.send(new GetLogEventsCommand({ logGroupName: BATCH_LOG_GROUP, logStreamName: 'jd/default/aaa', startFromHead: true }));
    const firstTwo = await endpoint.logs.send(new GetLogEventsCommand({ logGroupName: BATCH_LOG_GROUP, logStreamName: 'jd/default/aaa', startFromHead: true, limit: 2 }));
    const next = await endpoint.logs.send(new GetLogEventsCommand({
      logGroupName: BATCH_LOG_GROUP, logStreamName: 'jd/default/aaa', limit: 2, nextToken: firstTwo.nextForwardToken,
    }));
    const atEnd = await endpoint.logs.send(new GetLogEventsCommand({ logGroupName: BATCH_LOG_GROUP, logStreamName: 'jd/default/aaa', nextToken: next.nextForwardToken }));

    // THEN
    expect(all.events!.map((e) => e.message)).toEqual(['alpha 1', 'beta 2', 'alpha 3', 'gamma 4']);
    expect(all.events![0]).toMatchObject({ timestamp: 1000, ingestionTime: 1000 });
    expect(next.events!.map((e) => e.message)).toEqual(['alpha 3', 'gamma 4']);
    expect(atEnd.events).toEqual([]);
    expect(atEnd.nextForwardToken).toBe(next.nextForwardToken); // the SDK paginators stop on a repeated token
  });

  test('GetLogEvents without startFromHead returns the newest events; a time range filters them', async () => {
    // WHEN
    const newest = await endpoint.logs.send(new GetLogEventsCommand({ logGroupName: BATCH_LOG_GROUP, logStreamName: 'jd/default/aaa', limit: 1 }));
    const ranged = await endpoint.logs.send(new GetLogEventsCommand({ logGroupName: BATCH_LOG_GROUP, logStreamName: 'jd/default/aaa', startTime: 1001, endTime: 1003 }));

    // THEN
    expect(newest.events!.map((e) => e.message)).toEqual(['gamma 4']);
    expect(ranged.events!.map((e) => e.message)).toEqual(['beta 2', 'alpha 3']);
  });

  test('GetLogEvents on an unknown stream or group is ResourceNotFoundException', async () => {
    // WHEN
    const stream = await rejection(endpoint.logs.send(new GetLogEventsCommand({ logGroupName: BATCH_LOG_GROUP, logStreamName: 'nope' })));
    const group = await rejection(endpoint.logs.send(new GetLogEventsCommand({ logGroupName: '/no/group', logStreamName: 'x' })));

    // THEN
    expect(stream).toBeInstanceOf(ResourceNotFoundException);
    expect(stream.message).toContain('log stream does not exist: nope');
    expect(group).toBeInstanceOf(ResourceNotFoundException);
  });

  test('FilterLogEvents matches terms across streams in timestamp order, with the stream of each event', async () => {
    // WHEN
    const alpha = await endpoint.logs.send(new FilterLogEventsCommand({ logGroupName: BATCH_LOG_GROUP, filterPattern: 'alpha' }));
    const either = await endpoint.logs.send(new FilterLogEventsCommand({ logGroupName: BATCH_LOG_GROUP, filterPattern: '?beta ?delta', logStreamNamePrefix: 'jd/' }));
    const error = await rejection(endpoint.logs.send(new FilterLogEventsCommand({ logGroupName: BATCH_LOG_GROUP, filterPattern: '{ $.level = "x" }' })));

    // THEN
    expect(alpha.events!.map((e) => [e.logStreamName, e.message])).toEqual([['jd/default/aaa', 'alpha 1'], ['jd/default/aaa', 'alpha 3'], ['jd/default/bbb', 'alpha x']]);
    expect(either.events!.map((e) => e.message)).toEqual(['beta 2', 'delta y']);
    expect(error).toBeInstanceOf(InvalidParameterException);
  });

  test('DescribeLogStreams lists streams by name or by last event; DescribeLogGroups lists the Batch group', async () => {
    // WHEN
    const byName = await endpoint.logs.send(new DescribeLogStreamsCommand({ logGroupName: BATCH_LOG_GROUP }));
    const byLastEvent = await endpoint.logs.send(new DescribeLogStreamsCommand({ logGroupName: BATCH_LOG_GROUP, orderBy: 'LastEventTime', descending: true }));
    const groups = await endpoint.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/batch' }));
    const bad = await rejection(endpoint.logs.send(new DescribeLogStreamsCommand({ logGroupName: BATCH_LOG_GROUP, orderBy: 'LastEventTime', logStreamNamePrefix: 'jd' })));

    // THEN
    expect(byName.logStreams!.map((s) => s.logStreamName)).toEqual(['jd/default/aaa', 'jd/default/bbb']);
    expect(byName.logStreams![0]).toMatchObject({ firstEventTimestamp: 1000, lastEventTimestamp: 1003 });
    expect(byLastEvent.logStreams!.map((s) => s.logStreamName)).toEqual(['jd/default/bbb', 'jd/default/aaa']);
    expect(groups.logGroups!.map((g) => g.logGroupName)).toEqual([BATCH_LOG_GROUP]);
    expect(bad).toBeInstanceOf(InvalidParameterException);
  });

  test('PLAT-6, JSON 1.1 wire: an operation not implemented is a 501 UnknownOperationException; a wrong field type is a 400 with the Logs error code', async () => {
    // WHEN
    const headers = { 'Content-Type': 'application/x-amz-json-1.1' };
    const unknown = await rawRequest(endpoint.url, 'POST', '/', '{}', { ...headers, 'X-Amz-Target': 'Logs_20140328.PutLogEvents' });
    const wrongType = await rawRequest(endpoint.url, 'POST', '/', JSON.stringify({ logGroupName: 5, logStreamName: 'x' }), { ...headers, 'X-Amz-Target': 'Logs_20140328.GetLogEvents' });

    // THEN
    expect([unknown.status, unknown.headers['x-amzn-errortype']]).toEqual([501, 'UnknownOperationException']);
    expect(unknown.body.message).toMatch(/^PutLogEvents is an operation of the CloudWatch Logs API that the batch-local runtime does not implement/);
    expect([wrongType.status, wrongType.headers['x-amzn-errortype']]).toEqual([400, 'InvalidParameterException']);
    expect(wrongType.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(wrongType.body.message).toBe('logGroupName: expected a string, got number 5');
  });
});
