import { LogOperations } from '../../../../src/runtime/api/cloudwatch-logs/log-operations';
import { ApiError } from '../../../../src/runtime/api/http/api-error';
import { LogStore } from '../../../../src/runtime/core/logging/log-store';
import { DEFAULT_ENVIRONMENT } from '../../../../src/runtime/core/model/arns';

function errorOf(call: () => unknown): ApiError {
  try {
    call();
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected an error');
}

describe('LogOperations', () => {
  const store = new LogStore();
  for (let i = 0; i < 5; i++) store.append('/g', 's', 100 + i, `m${i}`);
  store.append('/g', 'other', 50, 'early');
  const logs = new LogOperations(store, DEFAULT_ENVIRONMENT);

  test('LOG-1: backward tokens page towards the start of the stream', () => {
    // GIVEN
    const newest = logs.getLogEvents({ logGroupName: '/g', logStreamName: 's', limit: 2 }) as any;

    // WHEN
    const older = logs.getLogEvents({ logGroupName: '/g', logStreamName: 's', limit: 2, nextToken: newest.nextBackwardToken }) as any;

    // THEN
    expect(newest.events.map((e: any) => e.message)).toEqual(['m3', 'm4']);
    expect(older.events.map((e: any) => e.message)).toEqual(['m1', 'm2']);
  });

  test('a group is found by name or by ARN', () => {
    const arn = 'arn:aws:logs:us-east-1:123456789012:log-group:/g:*';
    expect((logs.getLogEvents({ logGroupIdentifier: arn, logStreamName: 'other' }) as any).events.map((e: any) => e.message)).toEqual(['early']);
    expect((logs.describeLogStreams({ logGroupName: '/g' }) as any).logStreams.map((s: any) => s.logStreamName)).toEqual(['other', 's']);
  });

  test('foreign tokens, out-of-range limits and ambiguous group names are InvalidParameterException', () => {
    expect(errorOf(() => logs.getLogEvents({ logGroupName: '/g', logStreamName: 's', nextToken: 'f/99' })).errorType).toBe('InvalidParameterException');
    expect(errorOf(() => logs.filterLogEvents({ logGroupName: '/g', nextToken: 'zzz' })).message).toContain('not a token this endpoint issued');
    expect(errorOf(() => logs.describeLogStreams({ logGroupName: '/g', limit: 51 })).message).toBe('limit: 51 is out of range 1..50');
    expect(errorOf(() => logs.getLogEvents({ logGroupName: '/g', logGroupIdentifier: '/g', logStreamName: 's' })).message).toContain('mutually exclusive');
    expect(errorOf(() => logs.getLogEvents({ logStreamName: 's' })).message).toContain('must be specified');
  });

  test('FilterLogEvents pages with nextToken and rejects streams given both ways', () => {
    // WHEN
    const first = logs.filterLogEvents({ logGroupName: '/g', logStreamNames: ['s'], limit: 3 }) as any;
    const rest = logs.filterLogEvents({ logGroupName: '/g', logStreamNames: ['s'], limit: 3, nextToken: first.nextToken }) as any;

    // THEN
    expect(first.events.map((e: any) => e.message)).toEqual(['m0', 'm1', 'm2']);
    expect(rest.events.map((e: any) => e.message)).toEqual(['m3', 'm4']);
    expect(rest.nextToken).toBeUndefined();
    expect(errorOf(() => logs.filterLogEvents({ logGroupName: '/g', logStreamNames: ['s'], logStreamNamePrefix: 's' })).errorType).toBe('InvalidParameterException');
  });
});
