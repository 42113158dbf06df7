import { Duration } from 'aws-cdk-lib';
import { JobBehavior, JobExecutor, LocalBatchRuntime } from '../../../../src';
import { BatchBackend } from '../../../../src/runtime/core/backend';
import { BATCH_LOG_GROUP } from '../../../../src/runtime/core/logging/log-store';
import { testBackend } from '../fixtures';

/** Registers a 3-node job definition (main node 0) whose main node has its own command. */
function registerMnp(backend: BatchBackend): void {
  backend.registerJobDefinition({
    jobDefinitionName: 'mnp',
    type: 'multinode',
    nodeProperties: {
      numNodes: 3,
      mainNode: 0,
      nodeRangeProperties: [
        { targetNodes: '0:', container: { image: 'mpi', vcpus: 1, memory: 1024, command: ['worker'] } },
        { targetNodes: '0', container: { command: ['main'] } },
      ],
    },
  });
}

describe('multi-node parallel jobs', () => {
  test('MNP-3, MNP-7: the main node starts first, then the others; nodes are described as job#n', () => {
    // GIVEN
    const { backend, launches, history } = testBackend({ maxvCpus: 8, behavior: (l) => JobBehavior.succeed({ duration: Duration.seconds(l.command[0] === 'main' ? 60 : 600) }) });
    registerMnp(backend);

    // WHEN
    const jobId = backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp' }).jobId;
    backend.loop.runUntilIdle();

    // THEN
    expect(launches.map((l) => [l.jobId, l.command[0]])).toEqual([[`${jobId}#0`, 'main'], [`${jobId}#1`, 'worker'], [`${jobId}#2`, 'worker']]);
    expect(backend.describeJobs([`${jobId}#1`])[0].nodeDetails).toEqual({ nodeIndex: 1, isMainNode: false });
    expect(history.get(jobId)).toEqual(['RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED']);
  });

  test('MNP-4: when the main node exits the job ends with its result and the other nodes are stopped', () => {
    // GIVEN workers would run 10 minutes, the main node fails after 1
    const { backend } = testBackend({ maxvCpus: 8, behavior: (l) => l.command[0] === 'main' ? JobBehavior.fail({ exitCode: 3, duration: Duration.seconds(60) }) : JobBehavior.succeed({ duration: Duration.minutes(10) }) });
    registerMnp(backend);

    // WHEN
    const jobId = backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp' }).jobId;
    backend.loop.runUntilIdle();

    // THEN
    const [job, main, worker] = backend.describeJobs([jobId, `${jobId}#0`, `${jobId}#1`]);
    expect(job).toMatchObject({ status: 'FAILED', startedAt: main.startedAt, stoppedAt: main.stoppedAt });
    expect(worker).toMatchObject({ status: 'FAILED', statusReason: 'Main node exited', stoppedAt: main.stoppedAt });
  });

  test('MNP-5: only a main-node failure retries, and the new attempt restarts every node', () => {
    // GIVEN the main node fails its first attempt; a worker always fails
    let mainRuns = 0;
    const { backend, launches } = testBackend({
      maxvCpus: 8,
      behavior: (l) => l.command[0] === 'main'
        ? (++mainRuns === 1 ? JobBehavior.fail({ duration: Duration.seconds(30) }) : JobBehavior.succeed({ duration: Duration.seconds(30) }))
        : (l.jobId.endsWith('#2') ? JobBehavior.fail({ duration: Duration.seconds(1) }) : JobBehavior.succeed({ duration: Duration.seconds(10) })),
    });
    registerMnp(backend);

    // WHEN
    const jobId = backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp', retryStrategy: { attempts: 2 } }).jobId;
    backend.loop.runUntilIdle();

    // THEN
    expect(backend.describeJobs([jobId])[0]).toMatchObject({ status: 'SUCCEEDED', attempts: [expect.anything(), expect.anything()] });
    expect(launches.filter((l) => l.jobId === `${jobId}#1`)).toHaveLength(2);
  });

  test('MNP-5, #21 §2: GIVEN a retried multi-node job WHEN a checkpoint is taken THEN it keeps the log streams of the earlier attempt\'s nodes, whose records were replaced', () => {
    // GIVEN every node logs a line; the main node fails its first attempt
    let mainRuns = 0;
    const { backend } = testBackend({
      maxvCpus: 8,
      behavior: (l) => (l.command[0] === 'main' && ++mainRuns === 1
        ? JobBehavior.fail({ duration: Duration.seconds(30), logLines: ['failed'] })
        : JobBehavior.succeed({ duration: Duration.seconds(10), logLines: ['ran'] })),
    });
    registerMnp(backend);
    backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp', retryStrategy: { attempts: 2 } });
    backend.loop.runUntilIdle();

    // WHEN
    const saved = backend.checkpointParts().find((part) => part.key === 'logs')!.save() as Array<{ stream: string }>;

    // THEN all 6 node attempts' streams are in it
    const all = backend.logs.streams(BATCH_LOG_GROUP);
    expect(all).toHaveLength(6);
    expect(saved.map((stream) => stream.stream).sort()).toEqual([...all].sort());
  });

  test('MNP-6: every node gets the node variables; non-main nodes get the main node address', () => {
    // GIVEN
    const { backend, launches } = testBackend({ maxvCpus: 8 });
    registerMnp(backend);

    // WHEN
    backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp' });
    backend.loop.runUntilIdle();

    // THEN
    const [main, worker] = launches;
    expect(main.environment).toMatchObject({ AWS_BATCH_JOB_NODE_INDEX: '0', AWS_BATCH_JOB_NUM_NODES: '3', AWS_BATCH_JOB_MAIN_NODE_INDEX: '0' });
    expect(main.environment.AWS_BATCH_JOB_MAIN_NODE_PRIVATE_IPV4_ADDRESS).toBeUndefined();
    expect(worker.environment).toMatchObject({ AWS_BATCH_JOB_NODE_INDEX: '1', AWS_BATCH_JOB_MAIN_NODE_PRIVATE_IPV4_ADDRESS: expect.stringMatching(/^10\.\d+\.\d+\.\d+$/) });
  });

  test('MNP-1: a multi-node job cannot be an array job, and numNodes overrides need an open-ended range', () => {
    // GIVEN
    const { backend } = testBackend({ maxvCpus: 8 });
    registerMnp(backend);

    // WHEN / THEN
    expect(() => backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp', arrayProperties: { size: 2 } })).toThrow(/MNP-1/);
    expect(backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp', nodeOverrides: { numNodes: 5 } }).jobId).toBeDefined();
  });
});

describe('node overrides (MNP-1)', () => {
  test('MNP-1: GIVEN overrides naming ranges exactly as the definition declares them WHEN submitted THEN each is applied to its range, not added as another', () => {
    // GIVEN
    const { backend, launches } = testBackend({ maxvCpus: 8 });
    registerMnp(backend);

    // WHEN
    const jobId = backend.submitJob({
      jobName: 'mpi',
      jobQueue: 'queue',
      jobDefinition: 'mnp',
      nodeOverrides: {
        nodePropertyOverrides: [
          { targetNodes: '0', containerOverrides: { command: ['main', '--fast'] } },
          { targetNodes: '0:', containerOverrides: { memory: 2048, environment: [{ name: 'ROLE', value: 'any' }] } },
        ],
      },
    }).jobId;
    backend.loop.runUntilIdle();

    // THEN
    const parent = backend.describeJobs([jobId])[0];
    expect(parent.status).toBe('SUCCEEDED');
    expect(parent.nodeProperties.nodeRangeProperties).toEqual([
      { targetNodes: '0:', container: { image: 'mpi', vcpus: 1, memory: 2048, command: ['worker'], environment: [{ name: 'ROLE', value: 'any' }] } },
      { targetNodes: '0', container: { command: ['main', '--fast'] } },
    ]);
    expect(launches.map((l) => l.command)).toEqual([['main', '--fast'], ['worker'], ['worker']]);
  });

  test('MNP-1: GIVEN an override naming a range by other words for the same nodes WHEN submitted THEN it is applied to that range', () => {
    // GIVEN "0:2" names the nodes of "0:" in a 3-node job
    const { backend, launches } = testBackend({ maxvCpus: 8 });
    registerMnp(backend);

    // WHEN
    backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp', nodeOverrides: { nodePropertyOverrides: [{ targetNodes: '0:2', containerOverrides: { command: ['w2'] } }] } });
    backend.loop.runUntilIdle();

    // THEN the main node's own range still wins over the wider one
    expect(launches.map((l) => l.command[0])).toEqual(['main', 'w2', 'w2']);
  });

  test('MNP-1: GIVEN an override whose nodes are out of range WHEN submitted THEN it is a ClientException naming the field', () => {
    // GIVEN
    const { backend } = testBackend({ maxvCpus: 8 });
    registerMnp(backend);

    // WHEN / THEN
    expect(() => backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp', nodeOverrides: { nodePropertyOverrides: [{ targetNodes: '5' }] } }))
      .toThrow(/nodeOverrides\.nodePropertyOverrides\[0\]\.targetNodes/);
  });
});

function tenancyTemplate(secondNodeType: string): unknown {
  return {
    Resources: {
      ComputeEnvironment: {
        Type: 'AWS::Batch::ComputeEnvironment',
        Properties: { Type: 'MANAGED', ComputeResources: { Type: 'EC2', MinvCpus: 0, MaxvCpus: 16, InstanceTypes: ['c5.xlarge'], Subnets: ['subnet-1'], InstanceRole: 'ecsInstanceRole' } },
      },
      Queue: { Type: 'AWS::Batch::JobQueue', Properties: { Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'ComputeEnvironment' } }] } },
      Small: { Type: 'AWS::Batch::JobDefinition', Properties: { JobDefinitionName: 'small', Type: 'container', ContainerProperties: { Image: 'busybox', Vcpus: 1, Memory: 512, Command: ['small'] } } },
      Mpi: {
        Type: 'AWS::Batch::JobDefinition',
        Properties: {
          JobDefinitionName: 'mpi',
          Type: 'multinode',
          NodeProperties: {
            NumNodes: 2,
            MainNode: 0,
            NodeRangeProperties: [
              { TargetNodes: '0', Container: { Image: 'mpi', Vcpus: 1, Memory: 1024, Command: ['main'], InstanceType: 'c5.xlarge' } },
              { TargetNodes: '1', Container: { Image: 'mpi', Vcpus: 1, Memory: 1024, Command: ['worker'], InstanceType: secondNodeType } },
            ],
          },
        },
      },
    },
  };
}

describe('multi-node tenancy', () => {
  test('MNP-2: nodes are single-tenant: each node has its own instance, other jobs go elsewhere', () => {
    // GIVEN
    const runtime = LocalBatchRuntime.fromTemplate(tenancyTemplate('c5.xlarge'), {
      executor: JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.minutes(10) }) }),
    });

    // WHEN a 2-node job and a 1-vCPU job run together
    const mpi = runtime.submitJob({ jobName: 'mpi', jobQueue: 'Queue', jobDefinition: 'mpi' }).jobId;
    const small = runtime.submitJob({ jobName: 'small', jobQueue: 'Queue', jobDefinition: 'small' }).jobId;
    runtime.advance(60);

    // THEN three different instances
    const hosts = [`${mpi}#0`, `${mpi}#1`, small].map((id) => runtime.describeJob(id).container?.containerInstanceArn);
    expect(hosts.every((h) => h !== undefined)).toBe(true);
    expect(new Set(hosts).size).toBe(3);
  });

  test('MNP-2: node groups with different instance types are a ClientException', () => {
    // GIVEN
    const runtime = LocalBatchRuntime.fromTemplate(tenancyTemplate('c5.2xlarge'), { executor: JobExecutor.simulated() });

    // WHEN / THEN
    expect(() => runtime.submitJob({ jobName: 'mpi', jobQueue: 'Queue', jobDefinition: 'mpi' })).toThrow(/different instance types \(c5\.xlarge, c5\.2xlarge\).*MNP-2/);
  });
});

describe('ecsProperties node ranges (MNP-1, PLAT-2)', () => {
  const task = (role: string) => ({
    taskProperties: [{
      containers: [
        { name: 'app', image: 'mpi', command: [role], resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '512' }] },
        { name: 'sidecar', image: 'mpi', essential: false, command: ['sidecar'], resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '256' }] },
      ],
    }],
  });
  const nodeProperties = { numNodes: 3, mainNode: 0, nodeRangeProperties: [{ targetNodes: '0', ecsProperties: task('main') }, { targetNodes: '1:', ecsProperties: task('worker') }] };

  test('MNP-1, PLAT-2: GIVEN node 0 main and nodes 1..2 each a 2-container task WHEN the job runs THEN every container runs with the node variables, each node describes its task and the parent takes the main node\'s result', () => {
    // GIVEN the main app fails with 5 after a minute; workers' apps would run 10 minutes, sidecars an hour
    const behavior = (l: { command: string[]; containerName?: string }) => l.containerName === 'sidecar'
      ? JobBehavior.succeed({ duration: Duration.hours(1) })
      : l.command[0] === 'main' ? JobBehavior.fail({ exitCode: 5, duration: Duration.seconds(60) }) : JobBehavior.succeed({ duration: Duration.minutes(10) });
    const { backend, launches } = testBackend({ maxvCpus: 16, behavior });
    backend.registerJobDefinition({ jobDefinitionName: 'mnp-task', type: 'multinode', nodeProperties });

    // WHEN
    const jobId = backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp-task' }).jobId;
    backend.loop.runUntilIdle();

    // THEN every node ran both containers, with its node index
    const env = (l: { environment: Record<string, string> }) => [l.environment.AWS_BATCH_JOB_NODE_INDEX, l.environment.AWS_BATCH_JOB_MAIN_NODE_INDEX];
    expect(launches.map((l) => [l.jobId, l.containerName, l.command[0], ...env(l)])).toEqual([
      [`${jobId}#0`, 'app', 'main', '0', '0'], [`${jobId}#0`, 'sidecar', 'sidecar', '0', '0'],
      [`${jobId}#1`, 'app', 'worker', '1', '0'], [`${jobId}#1`, 'sidecar', 'sidecar', '1', '0'],
      [`${jobId}#2`, 'app', 'worker', '2', '0'], [`${jobId}#2`, 'sidecar', 'sidecar', '2', '0'],
    ]);
    const [parent, main, worker] = backend.describeJobs([jobId, `${jobId}#0`, `${jobId}#1`]);
    expect(parent.status).toBe('FAILED');
    expect(parent.nodeProperties).toEqual(nodeProperties);
    expect(main.container).toBeUndefined();
    expect(main.ecsProperties.taskProperties[0].containers.map((c: any) => [c.name, c.exitCode])).toEqual([['app', 5], ['sidecar', 143]]);
    expect(main.attempts![0].taskProperties![0].containers.map((c: any) => [c.name, c.exitCode])).toEqual([['app', 5], ['sidecar', 143]]);
    // MNP-4: the main node's exit stopped the workers' tasks, every container of them
    expect(worker.status).toBe('FAILED');
    expect(worker.ecsProperties.taskProperties[0].containers.map((c: any) => [c.name, c.command, c.exitCode])).toEqual([['app', ['worker'], 143], ['sidecar', ['sidecar'], 143]]);
  });

  test('MNP-1, PLAT-2: GIVEN an ecsProperties node range WHEN submitted with a node ecsPropertiesOverride for it THEN the named container gets it; an override for a container range, or naming no container, is a ClientException', () => {
    // GIVEN
    const { backend, launches } = testBackend({ maxvCpus: 16 });
    backend.registerJobDefinition({ jobDefinitionName: 'mnp-task', type: 'multinode', nodeProperties });
    const submit = (override: Record<string, unknown>) => backend.submitJob({
      jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp-task', nodeOverrides: { nodePropertyOverrides: [override as never] },
    });

    // WHEN
    const jobId = submit({ targetNodes: '1:', ecsPropertiesOverride: { taskProperties: [{ containers: [{ name: 'app', command: ['worker', '--fast'] }] }] } }).jobId;
    backend.loop.runUntilIdle();

    // THEN
    expect(launches.filter((l) => l.jobId === `${jobId}#2`).map((l) => l.command)).toEqual([['worker', '--fast'], ['sidecar']]);
    expect(() => submit({ targetNodes: '1:', ecsPropertiesOverride: { taskProperties: [{ containers: [{ name: 'nope', command: ['x'] }] }] } }))
      .toThrow(/nodeOverrides\.nodePropertyOverrides\[0\]\.ecsPropertiesOverride\.taskProperties\[0\]\.containers\[0\]\.name/);
    expect(() => submit({ targetNodes: '1', ecsPropertiesOverride: { taskProperties: [{ containers: [{ name: 'app' }] }] } })).toThrow(/must name exactly the nodes of an ecsProperties node range/);
    expect(() => submit({ targetNodes: '0', containerOverrides: { command: ['x'] } })).toThrow(/use ecsPropertiesOverride/);
  });
});

describe('node range instanceTypes (MNP-2)', () => {
  /** The tenancy template with its 2-node job as ecsProperties ranges pinned by `InstanceTypes`. */
  function taskTenancyTemplate(types: string[][]): any {
    const template = tenancyTemplate('c5.xlarge') as any;
    const containers = [{ Name: 'app', Image: 'mpi', ResourceRequirements: [{ Type: 'VCPU', Value: '1' }, { Type: 'MEMORY', Value: '1024' }] }];
    template.Resources.Mpi.Properties.NodeProperties.NodeRangeProperties = types.map((instanceTypes, node) => ({
      TargetNodes: String(node), InstanceTypes: instanceTypes, EcsProperties: { TaskProperties: [{ Containers: containers }] },
    }));
    return template;
  }

  test('MNP-1, MNP-2: GIVEN ecsProperties ranges pinned by instanceTypes WHEN the job runs beside a small job THEN each node has its own instance', () => {
    // GIVEN
    const runtime = LocalBatchRuntime.fromTemplate(taskTenancyTemplate([['c5.xlarge'], ['c5.xlarge']]), {
      executor: JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.minutes(10) }) }),
    });

    // WHEN
    const mpi = runtime.submitJob({ jobName: 'mpi', jobQueue: 'Queue', jobDefinition: 'mpi' }).jobId;
    const small = runtime.submitJob({ jobName: 'small', jobQueue: 'Queue', jobDefinition: 'small' }).jobId;
    runtime.advance(60);

    // THEN three different instances
    const [main, worker, other] = runtime.describeJobs([`${mpi}#0`, `${mpi}#1`, small]);
    const taskHost = (node: any) => node.ecsProperties.taskProperties[0].containerInstanceArn;
    const hosts = [taskHost(main), taskHost(worker), other.container?.containerInstanceArn];
    expect(hosts.every((h) => h !== undefined)).toBe(true);
    expect(new Set(hosts).size).toBe(3);
  });

  test('MNP-2: GIVEN ranges naming different instanceTypes WHEN submitted THEN it is a ClientException; a list of two types is refused at registration naming the field', () => {
    // GIVEN
    const runtime = LocalBatchRuntime.fromTemplate(taskTenancyTemplate([['c5.xlarge'], ['c5.2xlarge']]), { executor: JobExecutor.simulated() });

    // WHEN / THEN
    expect(() => runtime.submitJob({ jobName: 'mpi', jobQueue: 'Queue', jobDefinition: 'mpi' })).toThrow(/different instance types \(c5\.xlarge, c5\.2xlarge\).*MNP-2/);
    expect(() => LocalBatchRuntime.fromTemplate(taskTenancyTemplate([['c5.xlarge', 'c5.2xlarge'], ['c5.xlarge']]), { executor: JobExecutor.simulated() }))
      .toThrow(/nodeProperties\.nodeRangeProperties\[0\]\.instanceTypes/);
  });
});

describe('eksProperties node ranges (MNP-1, PLAT-3)', () => {
  const pod = (role: string) => ({
    podProperties: {
      initContainers: [{ name: 'setup', image: 'mpi', command: ['setup'], resources: { limits: { cpu: '0.5', memory: '128Mi' } } }],
      containers: [{ name: 'app', image: 'mpi', command: [role], args: ['$(WHO)'], env: [{ name: 'WHO', value: role }], resources: { limits: { cpu: '1', memory: '512Mi' } } }],
    },
  });
  const nodeProperties = { numNodes: 3, mainNode: 0, nodeRangeProperties: [{ targetNodes: '0:', eksProperties: pod('worker') }, { targetNodes: '0', eksProperties: pod('main') }] };

  /** The fixture with an EKS compute environment and its queue `pods`, and the EKS multi-node definition `mnp-pods`. */
  function eksMnpBackend(behavior: (l: { command: string[] }) => JobBehavior = () => JobBehavior.succeed({ duration: Duration.seconds(30) })) {
    const fixture = testBackend({ maxvCpus: 16, behavior });
    fixture.backend.createComputeEnvironment({
      computeEnvironmentName: 'eks',
      type: 'MANAGED',
      eksConfiguration: { eksClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/c', kubernetesNamespace: 'batch' },
      computeResources: { type: 'EC2', minvCpus: 0, maxvCpus: 16, subnets: ['subnet-1'], instanceTypes: ['optimal'], instanceRole: 'ecsInstanceRole' },
    });
    fixture.backend.createJobQueue({ jobQueueName: 'pods', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'eks' }] });
    fixture.backend.registerJobDefinition({ jobDefinitionName: 'mnp-pods', type: 'multinode', nodeProperties });
    return fixture;
  }

  test('MNP-1, MNP-6, PLAT-3: GIVEN node 0 main and nodes 1..2 each a pod with an init container WHEN the job runs on an EKS queue THEN every pod runs with the node variables and each node is described as an EKS job', () => {
    // GIVEN the main app fails with 5 after a minute; the workers' apps would run 10 minutes
    const { backend, launches } = eksMnpBackend((l) => l.command[0] === 'main' ? JobBehavior.fail({ exitCode: 5, duration: Duration.seconds(60) })
      : JobBehavior.succeed({ duration: Duration.minutes(l.command[0] === 'setup' ? 0 : 10) }));

    // WHEN
    const jobId = backend.submitJob({ jobName: 'mpi', jobQueue: 'pods', jobDefinition: 'mnp-pods' }).jobId;
    backend.loop.runUntilIdle();

    // THEN every node ran its init container, then its app with `$(WHO)` expanded, with the MNP-6 variables
    const env = (l: { environment: Record<string, string> }) => [l.environment.AWS_BATCH_JOB_NODE_INDEX, l.environment.AWS_BATCH_JOB_NUM_NODES,
      l.environment.AWS_BATCH_JOB_MAIN_NODE_INDEX, l.environment.AWS_BATCH_JOB_MAIN_NODE_PRIVATE_IPV4_ADDRESS !== undefined];
    const byNode = [...launches].sort((a, b) => a.jobId.localeCompare(b.jobId)); // stable: each node's own order stays
    expect(byNode.map((l) => [l.jobId, l.containerName, l.command.join(' '), ...env(l)])).toEqual([
      [`${jobId}#0`, 'setup', 'setup', '0', '3', '0', false], [`${jobId}#0`, 'app', 'main main', '0', '3', '0', false],
      [`${jobId}#1`, 'setup', 'setup', '1', '3', '0', true], [`${jobId}#1`, 'app', 'worker worker', '1', '3', '0', true],
      [`${jobId}#2`, 'setup', 'setup', '2', '3', '0', true], [`${jobId}#2`, 'app', 'worker worker', '2', '3', '0', true],
    ]);
    const [parent, main, worker] = backend.describeJobs([jobId, `${jobId}#0`, `${jobId}#1`]);
    expect(parent).toMatchObject({ status: 'FAILED', nodeProperties });
    expect(main.container).toBeUndefined();
    expect(main.attempts).toBeUndefined();
    expect(main.eksProperties.podProperties).toMatchObject({
      initContainers: [{ name: 'setup', exitCode: 0 }], containers: [{ name: 'app', exitCode: 5 }], podName: expect.stringMatching(/^aws-batch\./),
    });
    expect(main.eksAttempts).toEqual([expect.objectContaining({ initContainers: [{ name: 'setup', exitCode: 0 }], containers: [{ name: 'app', exitCode: 5 }] })]);
    // MNP-4: the main node's exit stopped the workers' pods
    expect(worker).toMatchObject({ status: 'FAILED', statusReason: 'Main node exited' });
    expect(worker.eksProperties.podProperties.containers).toEqual([expect.objectContaining({ name: 'app', command: ['worker'], exitCode: 143 })]);
  });

  test('MNP-5, PLAT-3: GIVEN an EKS multi-node job whose main pod fails once WHEN it is retried THEN every node runs its pod again', () => {
    // GIVEN
    let mainRuns = 0;
    const { backend, launches } = eksMnpBackend((l) => l.command[0] === 'main' && ++mainRuns === 1
      ? JobBehavior.fail({ duration: Duration.seconds(30) }) : JobBehavior.succeed({ duration: Duration.seconds(10) }));

    // WHEN
    const jobId = backend.submitJob({ jobName: 'mpi', jobQueue: 'pods', jobDefinition: 'mnp-pods', retryStrategy: { attempts: 2 } }).jobId;
    backend.loop.runUntilIdle();

    // THEN
    expect(backend.describeJobs([jobId])[0].status).toBe('SUCCEEDED');
    expect(launches.filter((l) => l.jobId === `${jobId}#2` && l.containerName === 'app').map((l) => l.command)).toEqual([['worker', 'worker'], ['worker', 'worker']]);
  });

  test('PLAT-1, PLAT-3: GIVEN an EKS multi-node definition THEN it is described as EKS with no platformCapabilities, runs only on EKS queues, and platformCapabilities are refused', () => {
    // GIVEN
    const { backend } = eksMnpBackend();

    // WHEN
    const definition = backend.describeJobDefinitions({ jobDefinitionName: 'mnp-pods' }).jobDefinitions[0];

    // THEN
    expect(definition).toMatchObject({ containerOrchestrationType: 'EKS', nodeProperties });
    expect(definition).not.toHaveProperty('platformCapabilities');
    expect(() => backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp-pods' })).toThrow(/capability EKS|EKS compute environments/);
    expect(() => backend.submitJob({ jobName: 'mpi', jobQueue: 'pods', jobDefinition: 'job' })).toThrow(/ECS|EC2/);
    expect(() => backend.registerJobDefinition({ jobDefinitionName: 'x', type: 'multinode', platformCapabilities: ['EC2'], nodeProperties }))
      .toThrow(/platformCapabilities: .*absent for a multi-node job definition whose node ranges run on Amazon EKS/);
  });
});
