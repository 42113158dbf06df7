import { ConformanceRecorder } from './conformance-recorder';
import { Endpoint } from './endpoint-fixture';

/**
 * PLAT-5 conformance: one scenario that calls every implemented AWS Batch operation (jobs queued,
 * running, succeeded, failed, cancelled, terminated; array, multi-node and Fargate jobs; every
 * registry resource created, described, updated, tagged and deleted), and checks every response body
 * against the operation's output shape of the botocore model: JSON types (never null), enumerations,
 * required members, no member the model does not have (the checks: conformance-recorder.ts; the assertions: response-conformance.test.ts).
 */

/** MNP-1, PLAT-3: a 2-node job of EKS pods (main node 0 has its own pod). */
export const EKS_NODE_PROPERTIES = {
  numNodes: 2,
  mainNode: 0,
  nodeRangeProperties: [
    { targetNodes: '0:', eksProperties: { podProperties: { containers: [{ name: 'app', image: 'busybox', command: ['echo'], args: ['node'], resources: { limits: { cpu: '1', memory: '512Mi' } } }] } } },
    { targetNodes: '0', eksProperties: { podProperties: { containers: [{ name: 'app', image: 'busybox', command: ['echo'], args: ['main'], resources: { limits: { cpu: '1', memory: '512Mi' } } }] } } },
  ],
};

export const LOG_CONFIGURATION = { logDriver: 'awslogs', options: { 'awslogs-group': '/local/app' } };

export async function runScenario(endpoint: Endpoint): Promise<ConformanceRecorder> {
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
