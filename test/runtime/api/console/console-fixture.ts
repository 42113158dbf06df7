import * as http from 'http';
import { SubmitJobCommand } from '@aws-sdk/client-batch';
import { Duration } from 'aws-cdk-lib';
import { addClockRoutes } from '../../../../src/runtime/api/local/clock-routes';
import { JobExecutor } from '../../../../src/runtime/executors/job-executor';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { Endpoint, managedEc2, rawRequest, startEndpoint } from '../endpoint-fixture';

/** A log line that would run script if the console ever treated job strings as markup. */
export const XSS_PROBE = '<img src=x onerror="window.__consoleXss=1">';

/**
 * An endpoint on the virtual clock with the console's fixture resources: compute environment `ce`
 * (EC2, 0..8 vCPUs), queues `work` and `other`, definitions `quick` (50 ms, one line), `chatty`
 * (runs a minute and prints the XSS probe and a plain line first) and `slow` (a minute, silent).
 * Time moves only through POST /_local/clock/advance or run-until-idle, so a test sees exact states.
 */
export async function startConsoleEndpoint(): Promise<Endpoint> {
  const endpoint = await startEndpoint({
    clock: 'virtual',
    executor: JobExecutor.simulated({
      defaultBehavior: JobBehavior.succeed({ duration: Duration.millis(50), logLines: ['quick output'] }),
      byJobDefinition: {
        chatty: JobBehavior.succeed({ duration: Duration.minutes(1), logLines: [XSS_PROBE, 'second line'] }),
        slow: JobBehavior.succeed({ duration: Duration.minutes(1) }),
      },
    }),
  });
  addClockRoutes(endpoint.server.localRoutes, endpoint.host);
  const backend = endpoint.host.backend;
  backend.createComputeEnvironment(managedEc2('ce', { computeResources: { type: 'EC2', minvCpus: 0, maxvCpus: 8, subnets: ['subnet-1'], instanceTypes: ['c5.large'] } }));
  for (const name of ['work', 'other']) {
    backend.createJobQueue({ jobQueueName: name, priority: name === 'work' ? 10 : 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] });
  }
  for (const name of ['quick', 'chatty', 'slow']) {
    backend.registerJobDefinition({ jobDefinitionName: name, type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 512, command: ['echo', 'Ref::greeting'] } });
  }
  return endpoint;
}

/** An open event stream of /console/api/events: the events received so far, by name. */
export interface EventStream {
  readonly events: Array<{ event: string; data: any }>;
  next(name: string, timeoutMs?: number): Promise<any>;
  close(): void;
}

export function openEvents(url: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const events: Array<{ event: string; data: any }> = [];
    const waiters: Array<() => void> = [];
    let consumed = 0; // events before this index were returned by next()
    const request = http.get(`${url}/console/api/events`, { headers: { Accept: 'text/event-stream' } }, (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          for (const waiter of waiters.splice(0)) waiter();
        }
      });
      const stream: EventStream = {
        events,
        next: (name, timeoutMs = 5_000) => new Promise((resolveEvent, rejectEvent) => {
          const timer = setTimeout(() => rejectEvent(new Error(`no ${name} event within ${timeoutMs} ms; got ${JSON.stringify(events)}`)), timeoutMs);
          const check = (): void => {
            const index = events.findIndex((e, i) => i >= consumed && e.event === name);
            if (index >= 0) {
              consumed = index + 1;
              clearTimeout(timer);
              resolveEvent(events[index].data);
            } else {waiters.push(check);}
          };
          check();
        }),
        close: () => request.destroy(),
      };
      resolve(stream);
    });
    request.on('error', reject);
  });
}

/**
 * The two calls every console test makes, for an endpoint a `beforeEach` assigns (hence the getter):
 * move the virtual clock, and submit a job of the fixture's defaults with `input` on top.
 */
export function consoleCalls(endpoint: () => Endpoint) {
  return {
    advance: (seconds: number) => rawRequest(endpoint().url, 'POST', '/_local/clock/advance', JSON.stringify({ seconds })),
    submit: (input: Record<string, unknown>) => endpoint().batch.send(new SubmitJobCommand({ jobName: 'job', jobQueue: 'work', jobDefinition: 'quick', ...input } as any)),
  };
}
