import { FilterPattern } from './filter-pattern';
import { LogEvent, LogStore } from '../../core/logging/log-store';
import { Environment } from '../../core/model/arns';
import { ApiError } from '../http/api-error';

/** CloudWatch Logs defaults and limits (service model docs). */
const MAX_EVENTS = 10_000;
const MAX_DESCRIBE = 50;

interface GroupInput {
  readonly logGroupName?: string;
  readonly logGroupIdentifier?: string;
}

/**
 * The CloudWatch Logs subset a Batch user needs to read job output: GetLogEvents, FilterLogEvents,
 * DescribeLogStreams and DescribeLogGroups over the runtime's LogStore. Errors use the Logs error
 * codes (`ResourceNotFoundException`, `InvalidParameterException`), as the SDKs expect.
 */
export class LogOperations {
  constructor(private readonly store: LogStore, private readonly environment: Environment) {}

  getLogEvents(input: GroupInput & {
    logStreamName: string; startTime?: number; endTime?: number; nextToken?: string; limit?: number; startFromHead?: boolean;
  }): unknown {
    const group = this.groupName(input);
    const events = this.store.events(group, input.logStreamName);
    if (!events) throw notFound(`The specified log stream does not exist: ${input.logStreamName} in ${group}`);
    const selected = inTimeRange(events, input.startTime, input.endTime);
    const limit = clampLimit(input.limit, MAX_EVENTS);
    let start: number;
    let end: number;
    if (input.nextToken !== undefined) {
      const token = parseStreamToken(input.nextToken, selected.length);
      start = token.forward ? token.position : Math.max(0, token.position - limit);
      end = token.forward ? Math.min(selected.length, token.position + limit) : token.position;
    } else if (input.startFromHead) {
      start = 0;
      end = Math.min(selected.length, limit);
    } else {
      // AWS's default: the newest events (the end of the stream).
      end = selected.length;
      start = Math.max(0, end - limit);
    }
    return {
      events: selected.slice(start, end).map(({ timestamp, message, ingestionTime }) => ({ timestamp, message, ingestionTime })),
      // At the end the forward token repeats, which is how the SDK paginators know to stop.
      nextForwardToken: `f/${String(end).padStart(20, '0')}`,
      nextBackwardToken: `b/${String(start).padStart(20, '0')}`,
    };
  }

  filterLogEvents(input: GroupInput & {
    logStreamNames?: string[];
    logStreamNamePrefix?: string;
    startTime?: number;
    endTime?: number;
    filterPattern?: string;
    nextToken?: string;
    limit?: number;
  }): unknown {
    const group = this.groupName(input);
    if (input.logStreamNames !== undefined && input.logStreamNamePrefix !== undefined) {
      throw invalid('logStreamNames and logStreamNamePrefix cannot be given together');
    }
    const pattern = FilterPattern.parse(input.filterPattern);
    const streams = this.store.streams(group).filter((stream) => (input.logStreamNames ? input.logStreamNames.includes(stream) : stream.startsWith(input.logStreamNamePrefix ?? '')));
    const matched = streams
      .flatMap((stream) => inTimeRange(this.store.events(group, stream) ?? [], input.startTime, input.endTime)
        .map((event, index) => ({ ...event, logStreamName: stream, eventId: `${stream}/${index}` })))
      .filter((event) => pattern.matches(event.message))
      .sort((a, b) => a.timestamp - b.timestamp);
    const offset = input.nextToken === undefined ? 0 : parseOffsetToken(input.nextToken);
    const end = offset + clampLimit(input.limit, MAX_EVENTS);
    return withNextToken({
      events: matched.slice(offset, end)
        .map(({ logStreamName, timestamp, message, ingestionTime, eventId }) => ({ logStreamName, timestamp, message, ingestionTime, eventId })),
      searchedLogStreams: streams.map((logStreamName) => ({ logStreamName, searchedCompletely: true })),
    }, end < matched.length ? offsetToken(end) : undefined);
  }

  describeLogStreams(input: GroupInput & {
    logStreamNamePrefix?: string; orderBy?: string; descending?: boolean; nextToken?: string; limit?: number;
  }): unknown {
    const group = this.groupName(input);
    const orderBy = input.orderBy ?? 'LogStreamName';
    if (orderBy === 'LastEventTime' && input.logStreamNamePrefix !== undefined) {
      throw invalid('Cannot order by LastEventTime with a logStreamNamePrefix.');
    }
    const streams = this.store.streams(group)
      .filter((name) => name.startsWith(input.logStreamNamePrefix ?? ''))
      .map((name) => this.describeStream(group, name));
    streams.sort(orderBy === 'LastEventTime'
      ? (a, b) => (a.lastEventTimestamp ?? 0) - (b.lastEventTimestamp ?? 0)
      : (a, b) => (a.logStreamName < b.logStreamName ? -1 : a.logStreamName > b.logStreamName ? 1 : 0));
    if (input.descending) streams.reverse();
    const offset = input.nextToken === undefined ? 0 : parseOffsetToken(input.nextToken);
    const end = offset + clampLimit(input.limit, MAX_DESCRIBE);
    return withNextToken({ logStreams: streams.slice(offset, end) }, end < streams.length ? offsetToken(end) : undefined);
  }

  describeLogGroups(input: { logGroupNamePrefix?: string; logGroupNamePattern?: string; nextToken?: string; limit?: number }): unknown {
    if (input.logGroupNamePrefix !== undefined && input.logGroupNamePattern !== undefined) {
      throw invalid('logGroupNamePrefix and logGroupNamePattern cannot be given together');
    }
    const groups = this.store.groupNames()
      .filter((name) => name.startsWith(input.logGroupNamePrefix ?? '') && name.includes(input.logGroupNamePattern ?? ''))
      .sort()
      .map((logGroupName) => {
        const firstEvent = Math.min(...this.store.streams(logGroupName)
          .map((stream) => this.store.events(logGroupName, stream)?.[0]?.timestamp ?? Infinity));
        return {
          logGroupName,
          creationTime: Number.isFinite(firstEvent) ? firstEvent : 0,
          metricFilterCount: 0,
          arn: `${this.groupArn(logGroupName)}:*`,
          logGroupArn: this.groupArn(logGroupName),
          storedBytes: 0,
          logGroupClass: 'STANDARD',
        };
      });
    const offset = input.nextToken === undefined ? 0 : parseOffsetToken(input.nextToken);
    const end = offset + clampLimit(input.limit, MAX_DESCRIBE);
    return withNextToken({ logGroups: groups.slice(offset, end) }, end < groups.length ? offsetToken(end) : undefined);
  }

  /** The group a request names (by name, or by name or ARN in `logGroupIdentifier`); it must exist. */
  private groupName(input: GroupInput): string {
    if (input.logGroupName !== undefined && input.logGroupIdentifier !== undefined) {
      throw invalid('LogGroupName and LogGroupIdentifier are mutually exclusive');
    }
    const given = input.logGroupName ?? input.logGroupIdentifier;
    if (given === undefined) throw invalid('Either LogGroupName or LogGroupIdentifier must be specified');
    const name = given.startsWith('arn:') ? given.replace(/^arn:[^:]+:logs:[^:]*:[^:]*:log-group:/, '').replace(/:\*$/, '') : given;
    if (!this.store.groupNames().includes(name)) throw notFound(`The specified log group does not exist: ${name}`);
    return name;
  }

  private describeStream(group: string, name: string): { logStreamName: string; lastEventTimestamp?: number; [field: string]: unknown } {
    const events = this.store.events(group, name) ?? [];
    const first = events[0];
    const last = events[events.length - 1];
    return {
      logStreamName: name,
      // The store does not record when an empty stream was created; its first event stands in.
      creationTime: first?.timestamp ?? 0,
      ...(first ? { firstEventTimestamp: first.timestamp, lastEventTimestamp: last.timestamp, lastIngestionTime: last.ingestionTime } : {}),
      arn: `${this.groupArn(group)}:log-stream:${name}`,
      storedBytes: 0,
    };
  }

  private groupArn(group: string): string {
    const env = this.environment;
    return `arn:${env.partition}:logs:${env.region}:${env.account}:log-group:${group}`;
  }
}

/** Events with `startTime <= timestamp < endTime` (CloudWatch's bounds). */
function inTimeRange(events: readonly LogEvent[], startTime: number | undefined, endTime: number | undefined): readonly LogEvent[] {
  if (startTime === undefined && endTime === undefined) return events;
  return events.filter((event) => (startTime === undefined || event.timestamp >= startTime) && (endTime === undefined || event.timestamp < endTime));
}

function clampLimit(limit: number | undefined, max: number): number {
  if (limit === undefined) return max;
  if (limit < 1 || limit > max) throw invalid(`limit: ${limit} is out of range 1..${max}`);
  return limit;
}

function parseStreamToken(token: string, length: number): { forward: boolean; position: number } {
  const match = /^([fb])\/(\d{1,20})$/.exec(token);
  const position = match ? Number(match[2]) : NaN;
  if (!match || position > length) throw invalid(`nextToken: ${JSON.stringify(token.slice(0, 100))} is not a token GetLogEvents issued for this stream`);
  return { forward: match[1] === 'f', position };
}

function offsetToken(offset: number): string {
  return `o/${offset}`;
}

function parseOffsetToken(token: string): number {
  const match = /^o\/(\d{1,15})$/.exec(token);
  if (!match) throw invalid(`nextToken: ${JSON.stringify(token.slice(0, 100))} is not a token this endpoint issued`);
  return Number(match[1]);
}

function withNextToken<T extends object>(body: T, nextToken: string | undefined): T {
  return nextToken === undefined ? body : { ...body, nextToken };
}

function notFound(message: string): ApiError {
  return new ApiError(400, 'ResourceNotFoundException', message);
}

function invalid(message: string): ApiError {
  return new ApiError(400, 'InvalidParameterException', message);
}
