import { Duration } from 'aws-cdk-lib';
import { addClockRoutes } from '../../../../src/runtime/api/local/clock-routes';
import { JobExecutor } from '../../../../src/runtime/executors/job-executor';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { Endpoint, managedEc2, startEndpoint } from '../endpoint-fixture';

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
