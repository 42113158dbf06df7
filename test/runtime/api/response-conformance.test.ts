import { Duration } from 'aws-cdk-lib';
import { ConformanceRecorder } from './conformance-recorder';
import { Endpoint, startEndpoint } from './endpoint-fixture';
import { BATCH_SPEC } from './service-model/extract-service-model';
import { JobExecutor } from '../../../src/runtime/executors/job-executor';
import { JobBehavior } from '../../../src/runtime/executors/simulated/job-behavior';

/**
 * PLAT-5 conformance: one scenario that calls every implemented AWS Batch operation (jobs queued,
 * running, succeeded, failed, cancelled, terminated; array, multi-node and Fargate jobs; every
 * registry resource created, described, updated, tagged and deleted), and checks every response body
 * against the operation's output shape of the botocore model: JSON types (never null), enumerations,
 * required members, no member the model does not have (the checks: conformance-recorder.ts).
 */

/** MNP-1, PLAT-3: a 2-node job of EKS pods (main node 0 has its own pod). */
const EKS_NODE_PROPERTIES = {
  numNodes: 2,
  mainNode: 0,
  nodeRangeProperties: [
    { targetNodes: '0:', eksProperties: { podProperties: { containers: [{ name: 'app', image: 'busybox', command: ['echo'], args: ['node'], resources: { limits: { cpu: '1', memory: '512Mi' } } }] } } },
    { targetNodes: '0', eksProperties: { podProperties: { containers: [{ name: 'app', image: 'busybox', command: ['echo'], args: ['main'], resources: { limits: { cpu: '1', memory: '512Mi' } } }] } } },
  ],
};

const LOG_CONFIGURATION = { logDriver: 'awslogs', options: { 'awslogs-group': '/local/app' } };

async function runScenario(endpoint: Endpoint): Promise<ConformanceRecorder> {
  const api = new ConformanceRecorder(endpoint);
  // ---- compute environments: managed EC2, Fargate, unmanaged
  const ec2 = await api.call('CreateComputeEnvironment', {
    computeEnvironmentName: 'ec2',
    type: 'MANAGED',
    tags: { team: 'a' },
    computeResources: { type: 'EC2', minvCpus: 0, maxvCpus: 16, instanceTypes: ['optimal'], subnets: ['subnet-1'], securityGroupIds: ['sg-1'], instanceRole: 'ecsInstanceRole' },
  });
  await api.call('CreateComputeEnvironment', {
    computeEnvironmentName: 'fargate',
    type: 'MANAGED',
    computeResources: { type: 'FARGATE', maxvCpus: 8, subnets: ['subnet-1'], securityGroupIds: ['sg-1'] },
  });
  await api.call('CreateComputeEnvironment', { computeEnvironmentName: 'spare', type: 'UNMANAGED', unmanagedvCpus: 4 });
  await api.call('CreateComputeEnvironment', {
    computeEnvironmentName: 'eks',
    type: 'MANAGED',
    eksConfiguration: { eksClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/c', kubernetesNamespace: 'batch' },
    computeResources: { type: 'EC2', maxvCpus: 8, instanceTypes: ['m5.large'], subnets: ['subnet-1'], instanceRole: 'arn:aws:iam::123456789012:instance-profile/p' },
  });
  await api.call('UpdateComputeEnvironment', { computeEnvironment: 'ec2', computeResources: { maxvCpus: 32 } });
  await api.call('DescribeComputeEnvironments', {});
  await api.call('DescribeComputeEnvironments', { computeEnvironments: ['ec2', 'fargate'] });

  // ---- job queues
  const queue = await api.call('CreateJobQueue', {
    jobQueueName: 'main',
    priority: 1,
    computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ec2' }],
    jobStateTimeLimitActions: [{ reason: 'stuck', state: 'RUNNABLE', maxTimeSeconds: 3600, action: 'CANCEL' }],
  });
  await api.call('CreateJobQueue', { jobQueueName: 'serverless', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'fargate' }] });
  await api.call('CreateJobQueue', { jobQueueName: 'pods', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'eks' }] });
  await api.call('CreateJobQueue', { jobQueueName: 'doomed', priority: 5, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'spare' }] });
  await api.call('UpdateJobQueue', { jobQueue: 'main', priority: 10 });
  // FS-1, FS-2: scheduling policies and a fair-share queue
  const policy = await api.call('CreateSchedulingPolicy', {
    name: 'teams',
    fairsharePolicy: { shareDecaySeconds: 600, computeReservation: 10, shareDistribution: [{ shareIdentifier: 'teamA', weightFactor: 1 }, { shareIdentifier: 'ml*', weightFactor: 3 }] },
    tags: { team: 'platform' },
  });
  const sparePolicy = await api.call('CreateSchedulingPolicy', { name: 'spare-policy', fairsharePolicy: { shareDistribution: [] } });
  await api.call('UpdateSchedulingPolicy', { arn: policy.arn, fairsharePolicy: { shareDecaySeconds: 300, computeReservation: 10, shareDistribution: [{ shareIdentifier: 'teamA' }, { shareIdentifier: 'ml*', weightFactor: 3 }] } });
  await api.call('DescribeSchedulingPolicies', { arns: [policy.arn, sparePolicy.arn] });
  await api.call('ListSchedulingPolicies', {});
  await api.call('CreateJobQueue', { jobQueueName: 'shared', priority: 1, schedulingPolicyArn: policy.arn, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ec2' }] });
  await api.call('DescribeJobQueues', {});

  // ---- job definitions: everything a container may register, Fargate, multi-node, retries
  await api.call('RegisterJobDefinition', {
    jobDefinitionName: 'app',
    type: 'container',
    parameters: { who: 'world' },
    propagateTags: true,
    tags: { app: 'x' },
    retryStrategy: { attempts: 2, evaluateOnExit: [{ onExitCode: '3', action: 'EXIT' }] },
    timeout: { attemptDurationSeconds: 600 },
    containerProperties: {
      image: 'busybox',
      command: ['echo', 'Ref::who'],
      jobRoleArn: 'arn:aws:iam::123456789012:role/job',
      resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '512' }],
      environment: [{ name: 'MODE', value: 'test' }],
      volumes: [{ name: 'scratch', host: { sourcePath: '/tmp/scratch' } }],
      mountPoints: [{ sourceVolume: 'scratch', containerPath: '/scratch', readOnly: false }],
      ulimits: [{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }],
      linuxParameters: { initProcessEnabled: true, sharedMemorySize: 64 },
      logConfiguration: LOG_CONFIGURATION,
      readonlyRootFilesystem: false,
      privileged: false,
      user: 'nobody',
    },
  });
  await api.call('RegisterJobDefinition', {
    jobDefinitionName: 'serverless',
    type: 'container',
    platformCapabilities: ['FARGATE'],
    containerProperties: {
      image: 'busybox',
      command: ['true'],
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      resourceRequirements: [{ type: 'VCPU', value: '0.25' }, { type: 'MEMORY', value: '512' }],
      networkConfiguration: { assignPublicIp: 'ENABLED' },
      fargatePlatformConfiguration: { platformVersion: 'LATEST' },
      ephemeralStorage: { sizeInGiB: 30 },
      runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
    },
  });
  await api.call('RegisterJobDefinition', {
    jobDefinitionName: 'mpi',
    type: 'multinode',
    nodeProperties: {
      numNodes: 2,
      mainNode: 0,
      nodeRangeProperties: [{ targetNodes: '0:1', container: { image: 'busybox', command: ['true'], vcpus: 1, memory: 512 } }],
    },
  });
  // MNP-1, PLAT-2: node ranges of multi-container tasks
  await api.call('RegisterJobDefinition', {
    jobDefinitionName: 'mpi-task',
    type: 'multinode',
    nodeProperties: {
      numNodes: 2,
      mainNode: 0,
      nodeRangeProperties: [{
        targetNodes: '0:',
        instanceTypes: ['m5.large'],
        ecsProperties: { taskProperties: [{ containers: [{ name: 'app', image: 'busybox', command: ['true'], resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '512' }] }] }] },
      }],
    },
  });
  // MNP-1, PLAT-3: node ranges of EKS pods
  await api.call('RegisterJobDefinition', { jobDefinitionName: 'mpi-pods', type: 'multinode', nodeProperties: EKS_NODE_PROPERTIES });
  await api.call('RegisterJobDefinition', {
    jobDefinitionName: 'sidecar',
    type: 'container',
    ecsProperties: {
      taskProperties: [{
        containers: [
          { name: 'app', image: 'app', command: ['run'], resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '512' }], dependsOn: [{ containerName: 'proxy', condition: 'START' }] },
          { name: 'proxy', image: 'proxy', essential: false, resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '256' }] },
        ],
      }],
    },
  });
  await api.call('RegisterJobDefinition', {
    jobDefinitionName: 'pod',
    type: 'container',
    eksProperties: { podProperties: { containers: [{ name: 'main', image: 'busybox', command: ['echo'], args: ['hi'], resources: { limits: { cpu: '1', memory: '512Mi' } } }] } },
  });
  const slow = await api.call('RegisterJobDefinition', { jobDefinitionName: 'slow', type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 512 } });
  await api.call('RegisterJobDefinition', { jobDefinitionName: 'failing', type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 512 } });
  await api.call('DescribeJobDefinitions', {});
  await api.call('DescribeJobDefinitions', { jobDefinitionName: 'app', status: 'ACTIVE' });

  // ---- jobs in every state
  const ok = await api.call('SubmitJob', { jobName: 'ok', jobQueue: 'main', jobDefinition: 'app', tags: { run: '1' } });
  const array = await api.call('SubmitJob', { jobName: 'array', jobQueue: 'main', jobDefinition: 'app', arrayProperties: { size: 2 } });
  const waiting = await api.call('SubmitJob', { jobName: 'waiting', jobQueue: 'main', jobDefinition: 'app', dependsOn: [{ jobId: ok.jobId }] });
  const mnp = await api.call('SubmitJob', { jobName: 'mpi', jobQueue: 'main', jobDefinition: 'mpi' });
  const mnpTask = await api.call('SubmitJob', { jobName: 'mpi-task', jobQueue: 'main', jobDefinition: 'mpi-task' });
  const fargate = await api.call('SubmitJob', { jobName: 'fargate', jobQueue: 'serverless', jobDefinition: 'serverless' });
  const failing = await api.call('SubmitJob', { jobName: 'failing', jobQueue: 'main', jobDefinition: 'failing' });
  const long = await api.call('SubmitJob', { jobName: 'long', jobQueue: 'main', jobDefinition: slow.jobDefinitionArn, shareIdentifier: undefined });
  const cancelled = await api.call('SubmitJob', { jobName: 'cancelled', jobQueue: 'main', jobDefinition: 'app', dependsOn: [{ jobId: long.jobId }] });
  const multi = await api.call('SubmitJob', { jobName: 'multi', jobQueue: 'main', jobDefinition: 'sidecar' });
  const pod = await api.call('SubmitJob', { jobName: 'pod', jobQueue: 'pods', jobDefinition: 'pod' });
  const mnpPods = await api.call('SubmitJob', {
    jobName: 'mpi-pods',
    jobQueue: 'pods',
    jobDefinition: 'mpi-pods',
    nodeOverrides: {
      nodePropertyOverrides: [
        { targetNodes: '0:', eksPropertiesOverride: { podProperties: { containers: [{ name: 'app', args: ['worker'] }] } } },
        { targetNodes: '1', instanceTypes: ['m5.large'] },
      ],
    },
  });
  const ids = [ok, array, waiting, mnp, fargate, failing, long, cancelled, multi, pod].map((job) => job.jobId);
  await api.call('DescribeJobs', { jobs: ids });
  await api.call('ListJobs', { jobQueue: 'main', jobStatus: 'SUBMITTED' });
  await api.call('CancelJob', { jobId: cancelled.jobId, reason: 'not needed' });
  endpoint.host.advance(60_000);
  await api.call('TerminateJob', { jobId: long.jobId, reason: 'too long' });
  endpoint.host.runUntilIdle();
  await api.call('DescribeJobs', {
    jobs: [...ids, `${array.jobId}:0`, `${mnp.jobId}#0`, `${mnp.jobId}#1`, mnpTask.jobId, `${mnpTask.jobId}#0`, `${mnpTask.jobId}#1`,
      mnpPods.jobId, `${mnpPods.jobId}#0`, `${mnpPods.jobId}#1`],
  });
  await api.call('ListJobs', { multiNodeJobId: mnpPods.jobId });
  await api.call('ListJobs', { jobQueue: 'main' });
  await api.call('ListJobs', { jobQueue: 'main', jobStatus: 'FAILED' });
  await api.call('ListJobs', { arrayJobId: array.jobId });
  await api.call('ListJobs', { multiNodeJobId: mnp.jobId });
  await api.call('ListJobs', { jobQueue: 'main', filters: [{ name: 'JOB_NAME', values: ['ok'] }] });
  // FS-3, FS-8: a fair-share submission, the snapshots of both kinds of queue, the share filter
  await api.call('SubmitJob', { jobName: 'shared-a', jobQueue: 'shared', jobDefinition: 'app', shareIdentifier: 'teamA', schedulingPriorityOverride: 5 });
  await api.call('SubmitJob', { jobName: 'shared-ml', jobQueue: 'shared', jobDefinition: 'app', shareIdentifier: 'mlVision' });
  await api.call('GetJobQueueSnapshot', { jobQueue: 'shared' });
  await api.call('GetJobQueueSnapshot', { jobQueue: 'main' });
  await api.call('ListJobs', { jobQueue: 'shared', filters: [{ name: 'SHARE_IDENTIFIER', values: ['teamA'] }] });
  await api.call('DeleteSchedulingPolicy', { arn: sparePolicy.arn });

  // ---- PLAT-4: consumable resources, a definition and a job that need them, one waiting for them
  const licences = await api.call('CreateConsumableResource', { consumableResourceName: 'licences', totalQuantity: 1, resourceType: 'REPLENISHABLE', tags: { team: 'a' } });
  await api.call('CreateConsumableResource', { consumableResourceName: 'tokens', totalQuantity: 5, resourceType: 'NON_REPLENISHABLE' });
  await api.call('CreateConsumableResource', { consumableResourceName: 'spare-resource' });
  await api.call('RegisterJobDefinition', {
    jobDefinitionName: 'licensed',
    type: 'container',
    containerProperties: { image: 'busybox', vcpus: 1, memory: 512 },
    consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'licences', quantity: 1 }] },
  });
  const licensed = await api.call('SubmitJob', { jobName: 'licensed', jobQueue: 'main', jobDefinition: 'licensed' });
  const overridden = await api.call('SubmitJob', {
    jobName: 'licensed-override',
    jobQueue: 'main',
    jobDefinition: 'licensed',
    consumableResourcePropertiesOverride: { consumableResourceList: [{ consumableResource: licences.consumableResourceArn, quantity: 1 }, { consumableResource: 'tokens', quantity: 2 }] },
  });
  endpoint.host.advance(1_000);
  await api.call('DescribeConsumableResource', { consumableResource: 'licences' });
  await api.call('DescribeConsumableResource', { consumableResource: 'spare-resource' });
  await api.call('ListConsumableResources', {});
  await api.call('ListConsumableResources', { filters: [{ name: 'CONSUMABLE_RESOURCE_NAME', values: ['lic*'] }], maxResults: 1 });
  await api.call('UpdateConsumableResource', { consumableResource: 'tokens', operation: 'ADD', quantity: 1, clientToken: 'add-one' });
  await api.call('ListJobsByConsumableResource', { consumableResource: 'licences' });
  await api.call('ListJobsByConsumableResource', { consumableResource: licences.consumableResourceArn, filters: [{ name: 'JOB_STATUS', values: ['RUNNABLE'] }] });
  // MNP-1, PLAT-4: a multi-node job whose node ranges need tokens (a node override adds one for node 1)
  await api.call('RegisterJobDefinition', {
    jobDefinitionName: 'mpi-tokens',
    type: 'multinode',
    nodeProperties: {
      numNodes: 2,
      mainNode: 0,
      nodeRangeProperties: [
        { targetNodes: '0', container: { image: 'busybox', vcpus: 1, memory: 512 }, consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'tokens', quantity: 1 }] } },
        { targetNodes: '1', container: { image: 'busybox', vcpus: 1, memory: 512 } },
      ],
    },
  });
  const mnpTokens = await api.call('SubmitJob', {
    jobName: 'mpi-tokens',
    jobQueue: 'main',
    jobDefinition: 'mpi-tokens',
    nodeOverrides: { nodePropertyOverrides: [{ targetNodes: '1', consumableResourcePropertiesOverride: { consumableResourceList: [{ consumableResource: 'tokens', quantity: 1 }] } }] },
  });
  endpoint.host.advance(1_000);
  await api.call('ListJobsByConsumableResource', { consumableResource: 'tokens' });
  await api.call('DescribeJobs', { jobs: [licensed.jobId, overridden.jobId, mnpTokens.jobId, `${mnpTokens.jobId}#1`] });
  await api.call('DescribeJobDefinitions', { jobDefinitionName: 'licensed' });
  await api.call('DeleteConsumableResource', { consumableResource: 'spare-resource' });

  // ---- tags
  await api.call('TagResource', { resourceArn: queue.jobQueueArn, tags: { owner: 'me' } });
  await api.call('ListTagsForResource', { resourceArn: queue.jobQueueArn });
  await api.call('UntagResource', { resourceArn: queue.jobQueueArn, tagKeys: ['owner'] });
  await api.call('ListTagsForResource', { resourceArn: ec2.computeEnvironmentArn });

  // ---- teardown
  await api.call('DeregisterJobDefinition', { jobDefinition: 'failing:1' });
  await api.call('DescribeJobDefinitions', { status: 'INACTIVE' });
  await api.call('UpdateJobQueue', { jobQueue: 'doomed', state: 'DISABLED' });
  await api.call('DeleteJobQueue', { jobQueue: 'doomed' });
  endpoint.host.runUntilIdle();
  await api.call('UpdateComputeEnvironment', { computeEnvironment: 'spare', state: 'DISABLED' });
  await api.call('DeleteComputeEnvironment', { computeEnvironment: 'spare' });
  endpoint.host.runUntilIdle();
  await api.call('DescribeJobQueues', { jobQueues: ['main', 'doomed'] });
  await api.call('DescribeComputeEnvironments', { computeEnvironments: ['spare'] });
  return api;
}

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
