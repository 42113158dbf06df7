import { IncomingMessage } from 'http';
import { LogOperations } from './log-operations';
import { BatchBackend } from '../../core/backend';
import { ApiError } from '../http/api-error';
import { parseJsonObject, readBody } from '../http/wire';
import { LOGS_MODEL } from '../service-model/logs-model.generated';
import { validateShape } from '../service-model/shape-validator';

export const LOGS_CONTENT_TYPE = 'application/x-amz-json-1.1';

type LogsHandler = (operations: LogOperations, input: any) => unknown;

const LOGS_HANDLERS: Readonly<Record<string, LogsHandler>> = {
  GetLogEvents: (logs, input) => logs.getLogEvents(input),
  FilterLogEvents: (logs, input) => logs.filterLogEvents(input),
  DescribeLogStreams: (logs, input) => logs.describeLogStreams(input),
  DescribeLogGroups: (logs, input) => logs.describeLogGroups(input),
};

/**
 * CloudWatch Logs over the JSON 1.1 protocol (`POST /`, `X-Amz-Target: Logs_20140328.<Operation>`),
 * on the same port as the Batch API: requests are told apart by that header.
 */
export class LogsEndpoint {
  private readonly operations: LogOperations;

  constructor(backend: BatchBackend) {
    this.operations = new LogOperations(backend.logs, backend.environment);
  }

  async handle(request: IncomingMessage, target: string): Promise<unknown> {
    const dot = target.indexOf('.');
    const prefix = target.slice(0, dot);
    const operation = target.slice(dot + 1);
    const definition = LOGS_MODEL.operations[operation];
    if (dot < 0 || prefix !== LOGS_MODEL.targetPrefix || !definition) {
      request.resume();
      throw new ApiError(400, 'UnknownOperationException',
        `X-Amz-Target ${JSON.stringify(target.slice(0, 100))}: not an operation of this endpoint; it serves ${LOGS_MODEL.targetPrefix}.{${Object.keys(LOGS_HANDLERS).join(',')}}`);
    }
    const handler = LOGS_HANDLERS[operation];
    if (!handler || !definition.input) {
      request.resume();
      throw ApiError.notImplemented('CloudWatch Logs', operation, Object.keys(LOGS_HANDLERS).length, Object.keys(LOGS_MODEL.operations).length);
    }
    const input = parseJsonObject(await readBody(request));
    try {
      validateShape(LOGS_MODEL, definition.input, input);
    } catch (error) {
      throw new ApiError(400, 'InvalidParameterException', (error as Error).message);
    }
    return handler(this.operations, input);
  }
}
