import * as http from 'http';
import { BatchClient, ClientException } from '@aws-sdk/client-batch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { Duration } from 'aws-cdk-lib';
import { BatchLocalServer } from '../../../src/runtime/api/batch-local-server';
import { EndpointHost, EndpointHostOptions } from '../../../src/runtime/api/host/endpoint-host';
import { JobExecutor } from '../../../src/runtime/executors/job-executor';
import { JobBehavior } from '../../../src/runtime/executors/simulated/job-behavior';

/** A running endpoint on an ephemeral port, with SDK clients pointed at it. */
export interface Endpoint {
  readonly url: string;
  readonly host: EndpointHost;
  readonly server: BatchLocalServer;
  readonly batch: BatchClient;
  readonly logs: CloudWatchLogsClient;
  /** 500s the server logged (a test expects none unless it provokes one). */
  readonly serverErrors: string[];
  close(): Promise<void>;
}

/**
 * Simulated jobs that finish quickly: 50 ms and a log line; job definitions named `slow` run for a
 * minute (long enough to be terminated while RUNNING).
 */
export function fastSimulatedExecutor(): JobExecutor {
  return JobExecutor.simulated({
    defaultBehavior: JobBehavior.succeed({ duration: Duration.millis(50), logLines: ['simulated output'] }),
    byJobDefinition: { slow: JobBehavior.succeed({ duration: Duration.minutes(1) }) },
  });
}

export async function startEndpoint(options: EndpointHostOptions = { executor: fastSimulatedExecutor() }): Promise<Endpoint> {
  const host = EndpointHost.create(options);
  const serverErrors: string[] = [];
  const server = new BatchLocalServer(host.backend, { logError: (message) => serverErrors.push(message) });
  const url = await server.listen(0, '127.0.0.1');
  const config = { endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' }, maxAttempts: 1 };
  const batch = new BatchClient(config);
  const logs = new CloudWatchLogsClient(config);
  return {
    url,
    host,
    server,
    batch,
    logs,
    serverErrors,
    close: async () => {
      batch.destroy();
      logs.destroy();
      await server.close();
      host.dispose();
    },
  };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: any;
  readonly text: string;
}

/** One HTTP request without any SDK (unsigned unless the caller adds an Authorization header). */
export function rawRequest(
  url: string, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const length = body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) };
    const request = http.request(`${url}${path}`, { method, headers: { 'Content-Type': 'application/json', ...length, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: parsed, text });
      });
    });
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

/** Polls `read` until `done` holds (real-time endpoint: there is no clock to advance); fails after `timeoutMs`. */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not reached within ${timeoutMs} ms; last value: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A managed EC2 compute environment request with the required fields. */
export function managedEc2(name: string, extra: Record<string, unknown> = {}): any {
  return { computeEnvironmentName: name, type: 'MANAGED', computeResources: { type: 'EC2', maxvCpus: 4, subnets: ['subnet-1'], instanceTypes: ['optimal'] }, ...extra };
}

/** The SDK call's error, for assertions on its class, status and message. */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** The error is the SDK's ClientException, HTTP 400, and its message contains every part. */
export function expectClientException(error: any, ...messageParts: string[]): void {
  expect(error).toBeInstanceOf(ClientException);
  expect(error.$metadata.httpStatusCode).toBe(400);
  for (const part of messageParts) expect(error.message).toContain(part);
}
