import { Duration } from 'aws-cdk-lib';
import { ConformanceRecorder } from './conformance-recorder';
import { EKS_NODE_PROPERTIES, LOG_CONFIGURATION, runScenario } from './conformance-scenario';
import { Endpoint, startEndpoint } from './endpoint-fixture';
import { BATCH_SPEC } from './service-model/extract-service-model';
import { JobExecutor } from '../../../src/runtime/executors/job-executor';
import { JobBehavior } from '../../../src/runtime/executors/simulated/job-behavior';

/**
 * PLAT-5 conformance: the scenario of conformance-scenario.ts calls every implemented operation; its
 * responses are checked against the botocore model's output shapes, and the members AWS answers are asserted here.
 */
describe('responses against the output shapes of the service model', () => {
  let endpoint: Endpoint;
  let api: ConformanceRecorder;

  beforeAll(async () => {
    endpoint = await startEndpoint({
      clock: 'virtual',
      executor: JobExecutor.simulated({
        defaultBehavior: JobBehavior.succeed({ duration: Duration.seconds(30), logLines: ['done'] }),
        byJobDefinition: {
          slow: JobBehavior.succeed({ duration: Duration.hours(2) }),
          failing: JobBehavior.fail({ exitCode: 3, duration: Duration.seconds(5) }),
        },
        byContainerName: { proxy: JobBehavior.succeed({ duration: Duration.hours(1) }) },
      }),
    });
    api = await runScenario(endpoint);
  });
  afterAll(() => endpoint.close());

  test('PLAT-4: GIVEN licences of 1 and two jobs needing one each WHEN described THEN one runs, the other waits with its reason, and both carry their consumableResourceProperties', () => {
    // GIVEN
    const first = finalJob('licensed');
    const second = finalJob('licensed-override');

    // THEN
    expect(first.status).toBe('RUNNING');
    expect(first.consumableResourceProperties).toEqual({ consumableResourceList: [{ consumableResource: 'licences', quantity: 1 }] });
    expect(second.status).toBe('RUNNABLE');
    expect(second.statusReason).toMatch(/^Waiting for consumable resources: licences \(needs 1, available 0\)/);
    expect(second.consumableResourceProperties.consumableResourceList).toHaveLength(2);
    const listed = api.calls.find((call) => call.operation === 'ListJobsByConsumableResource')!.body.jobs;
    expect(listed.map((job: any) => [job.jobName, job.jobStatus, job.quantity])).toEqual([['licensed-override', 'RUNNABLE', 1], ['licensed', 'RUNNING', 1]]);
  });

  test('PLAT-5: GIVEN one scenario WHEN it runs THEN it calls every implemented operation', () => {
    // THEN
    expect(new Set(api.calls.map((call) => call.operation))).toEqual(new Set(BATCH_SPEC.implemented));
    expect(endpoint.serverErrors).toEqual([]);
  });

  test('PLAT-5: GIVEN every response of the scenario WHEN checked against its output shape THEN none departs from it', () => {
    // THEN
    expect(api.violations).toEqual([]);
  });

  test('PLAT-5: GIVEN jobs that never started WHEN described THEN startedAt is absent, never 0', () => {
    // GIVEN
    const [before] = api.calls.filter((call) => call.operation === 'DescribeJobs');

    // THEN
    for (const job of before.body.jobs) expect(job).not.toHaveProperty('startedAt');
  });

  test('PLAT-5: GIVEN a definition registering volumes, mount points, ulimits, Linux parameters and a log configuration WHEN its job is described THEN its container carries them', () => {
    // GIVEN
    const job = finalJob('ok');

    // THEN
    expect(job.status).toBe('SUCCEEDED');
    expect(job.container).toMatchObject({
      volumes: [{ name: 'scratch', host: { sourcePath: '/tmp/scratch' } }],
      mountPoints: [{ sourceVolume: 'scratch', containerPath: '/scratch', readOnly: false }],
      ulimits: [{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }],
      linuxParameters: { initProcessEnabled: true, sharedMemorySize: 64 },
      logConfiguration: LOG_CONFIGURATION,
      containerInstanceArn: expect.stringContaining(':container-instance/'),
    });
  });

  test('PLAT-5: GIVEN a multi-node job WHEN its parent is described THEN it carries nodeProperties', () => {
    // THEN
    expect(finalJob('mpi').nodeProperties).toEqual({
      numNodes: 2,
      mainNode: 0,
      nodeRangeProperties: [{ targetNodes: '0:1', container: { image: 'busybox', command: ['true'], vcpus: 1, memory: 512 } }],
    });
  });

  test('MNP-1, PLAT-5: GIVEN a node range of a multi-container task WHEN its definition and job are described THEN the range is as registered and the node describes its task', () => {
    // GIVEN
    const range = {
      targetNodes: '0:',
      instanceTypes: ['m5.large'],
      ecsProperties: { taskProperties: [{ containers: [{ name: 'app', image: 'busybox', command: ['true'], resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '512' }] }] }] },
    };
    const definitions = api.calls.filter((call) => call.operation === 'DescribeJobDefinitions' && call.body.jobDefinitions.some((d: any) => d.jobDefinitionName === 'mpi-task'));

    // THEN
    expect(definitions[0].body.jobDefinitions.find((d: any) => d.jobDefinitionName === 'mpi-task').nodeProperties.nodeRangeProperties).toEqual([range]);
    const parent = finalJob('mpi-task');
    expect(parent.status).toBe('SUCCEEDED');
    expect(parent.nodeProperties.nodeRangeProperties).toEqual([range]);
    // The main node: its exit ends the job, so its container's exit code is its own (node 1 may be stopped, MNP-4).
    const node = api.calls.filter((call) => call.operation === 'DescribeJobs').flatMap((call) => call.body.jobs).reverse()
      .find((job: any) => job.jobId === `${parent.jobId}#0`);
    expect(node.container).toBeUndefined();
    expect(node.ecsProperties.taskProperties[0].containers.map((c: any) => [c.name, c.exitCode])).toEqual([['app', 0]]);
  });

  test('PLAT-5: GIVEN a Fargate job WHEN described THEN it carries its Fargate members and network interface, and no container instance', () => {
    // GIVEN
    const job = finalJob('fargate');

    // THEN
    expect(job.status).toBe('SUCCEEDED');
    expect(job.container).toMatchObject({
      networkConfiguration: { assignPublicIp: 'ENABLED' },
      fargatePlatformConfiguration: { platformVersion: 'LATEST' },
      ephemeralStorage: { sizeInGiB: 30 },
      runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
      networkInterfaces: [{ attachmentId: expect.stringMatching(/^[0-9a-f-]{36}$/), privateIpv4Address: expect.stringMatching(/^10\./) }],
    });
    expect(job.container).not.toHaveProperty('containerInstanceArn');
    expect(job.attempts[0].container).not.toHaveProperty('containerInstanceArn');
    expect(job.attempts[0].container.networkInterfaces).toEqual(job.container.networkInterfaces);
  });

  test('PLAT-2: GIVEN a multi-container job WHEN described THEN its task shows each container\'s exit code and log stream', () => {
    // GIVEN
    const job = finalJob('multi');

    // THEN
    expect(job.status).toBe('SUCCEEDED');
    expect(job).not.toHaveProperty('container');
    expect(job.ecsProperties.taskProperties[0].containers.map((c: any) => [c.name, c.exitCode, c.logStreamName.split('/').slice(0, 2).join('/')]))
      .toEqual([['app', 0, 'sidecar/app'], ['proxy', 143, 'sidecar/proxy']]);
    expect(job.attempts[0].taskProperties[0].containers).toHaveLength(2);
  });

  test('PLAT-3: GIVEN an EKS job WHEN described THEN it has eksProperties and eksAttempts with pod and node names, no container', () => {
    // GIVEN
    const job = finalJob('pod');

    // THEN
    expect(job.status).toBe('SUCCEEDED');
    expect(job).not.toHaveProperty('container');
    expect(job.eksProperties.podProperties).toMatchObject({ podName: expect.stringMatching(/^aws-batch\./), nodeName: expect.stringMatching(/^ip-/), containers: [{ name: 'main', exitCode: 0 }] });
    expect(job.eksAttempts[0]).toMatchObject({ podName: job.eksProperties.podProperties.podName, containers: [{ name: 'main', exitCode: 0 }] });
  });

  test('MNP-1, PLAT-3, PLAT-5: GIVEN a multi-node job of EKS pods WHEN its definition and nodes are described THEN the definition is EKS as registered and each node is described as an EKS job', () => {
    // GIVEN
    const definition = api.calls.filter((call) => call.operation === 'DescribeJobDefinitions').flatMap((call) => call.body.jobDefinitions)
      .find((d: any) => d.jobDefinitionName === 'mpi-pods');
    const parent = finalJob('mpi-pods');
    const nodes = [0, 1].map((n) => finalJobById(`${parent.jobId}#${n}`));

    // THEN
    expect(definition).toMatchObject({ containerOrchestrationType: 'EKS', nodeProperties: EKS_NODE_PROPERTIES });
    expect(definition).not.toHaveProperty('platformCapabilities');
    expect(parent.status).toBe('SUCCEEDED');
    expect(parent.nodeProperties.nodeRangeProperties[2]).toEqual({ targetNodes: '1', instanceTypes: ['m5.large'] });
    expect(nodes[0]).not.toHaveProperty('container');
    expect(nodes[0].eksProperties.podProperties.containers).toEqual([expect.objectContaining({ name: 'app', args: ['main'], exitCode: 0 })]);
    expect(nodes[1].eksProperties.podProperties.containers[0].args).toEqual(['worker']);
    expect(nodes[0].eksAttempts[0]).toMatchObject({ podName: expect.stringMatching(/^aws-batch\./), containers: [{ name: 'app', exitCode: 0 }] });
  });

  test('MNP-1, PLAT-4: GIVEN a multi-node job whose node ranges need tokens WHEN ListJobsByConsumableResource lists tokens THEN the job is there once with what its nodes need together', () => {
    // GIVEN
    const listed = api.calls.filter((call) => call.operation === 'ListJobsByConsumableResource' && call.body.jobs.some((job: any) => job.jobName === 'mpi-tokens'))[0].body.jobs;

    // THEN
    expect(listed.map((job: any) => [job.jobName, job.quantity])).toEqual([['mpi-tokens', 2], ['licensed-override', 2]]);
    expect(finalJob('mpi-tokens').status).toBe('RUNNING');
  });

  /** The job with the id as the scenario's last DescribeJobs that shows it answered it. */
  function finalJobById(jobId: string): any {
    return api.calls.filter((call) => call.operation === 'DescribeJobs').flatMap((call) => call.body.jobs).reverse().find((job: any) => job.jobId === jobId);
  }

  /** The job named `name` as the scenario's last DescribeJobs of all jobs answered it. */
  function finalJob(name: string): any {
    // The last DescribeJobs that shows the job (the scenario ends with one for PLAT-4's jobs only).
    const describes = api.calls.filter((call) => call.operation === 'DescribeJobs' && call.body.jobs.some((job: any) => job.jobName === name));
    return describes[describes.length - 1].body.jobs.find((job: any) => job.jobName === name);
  }
});
