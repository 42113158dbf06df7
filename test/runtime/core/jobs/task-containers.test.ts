import { Duration } from 'aws-cdk-lib';
import { BatchBackend } from '../../../../src/runtime/core/backend';
import { ContainerLaunch } from '../../../../src/runtime/core/executor';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { testBackend } from '../fixtures';

/** An EKS compute environment and queue next to the fixture's ECS ones, and a pod definition. */
function eksBackend(behavior: (launch: ContainerLaunch) => JobBehavior, podProperties: Record<string, unknown>) {
  const fixture = testBackend({ maxvCpus: 8, behavior });
  const backend: BatchBackend = fixture.backend;
  backend.createComputeEnvironment({
    computeEnvironmentName: 'eks',
    type: 'MANAGED',
    eksConfiguration: { eksClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/c', kubernetesNamespace: 'batch' },
    computeResources: { type: 'EC2', minvCpus: 0, maxvCpus: 8, subnets: ['subnet-1'], instanceTypes: ['optimal'], instanceRole: 'ecsInstanceRole' },
  });
  backend.createJobQueue({ jobQueueName: 'pods', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'eks' }] });
  backend.registerJobDefinition({ jobDefinitionName: 'pod', type: 'container', parameters: { target: 'world' }, eksProperties: { podProperties } });
  return fixture;
}

const memory = { limits: { cpu: '0.5', memory: '256Mi' } };

describe('EKS pod jobs (PLAT-3)', () => {
  test('PLAT-3: GIVEN a pod with command, args and env WHEN it runs THEN the container gets command then args, $(VAR) and Ref:: expanded, and its env', () => {
    // GIVEN
    const { backend, launches } = eksBackend(() => JobBehavior.succeed({ duration: Duration.seconds(5) }), {
      containers: [{ name: 'main', image: 'busybox', command: ['greet'], args: ['$(WHO)', 'Ref::target', '$$(WHO)', '$(NOPE)'], env: [{ name: 'WHO', value: 'pods' }], resources: memory }],
    });

    // WHEN
    const jobId = backend.submitJob({ jobName: 'p', jobQueue: 'pods', jobDefinition: 'pod' }).jobId;
    backend.loop.runUntilIdle();

    // THEN
    expect(launches[0].command).toEqual(['greet', 'pods', 'world', '$(WHO)', '$(NOPE)']);
    expect(launches[0].environment).toMatchObject({ WHO: 'pods', AWS_BATCH_JOB_ID: jobId });
    const job = backend.describeJobs([jobId])[0];
    expect(job.status).toBe('SUCCEEDED');
    expect(job).not.toHaveProperty('container');
    expect(job).not.toHaveProperty('attempts');
    expect(job.eksProperties.podProperties).toMatchObject({
      podName: expect.stringMatching(/^aws-batch\.[0-9a-f-]{36}$/),
      nodeName: expect.stringMatching(/^ip-10-\d+-\d+-\d+\.ec2\.internal$/),
      containers: [{ name: 'main', image: 'busybox', args: ['$(WHO)', 'Ref::target', '$$(WHO)', '$(NOPE)'], exitCode: 0 }],
    });
    expect(job.eksAttempts).toEqual([expect.objectContaining({ containers: [{ name: 'main', exitCode: 0 }], podName: job.eksProperties.podProperties.podName, startedAt: job.startedAt })]);
  });

  test('PLAT-3: GIVEN init containers WHEN the pod runs THEN they run one after the other before the containers, which all run to their end', () => {
    // GIVEN
    const order: string[] = [];
    const { backend } = eksBackend((launch) => {
      order.push(launch.containerName!);
      return launch.containerName === 'worker' ? JobBehavior.fail({ exitCode: 4, duration: Duration.seconds(50) }) : JobBehavior.succeed({ duration: Duration.seconds(10) });
    }, {
      initContainers: [{ name: 'fetch', image: 'i', resources: memory }, { name: 'unpack', image: 'i', resources: memory }],
      containers: [{ name: 'main', image: 'i', resources: memory }, { name: 'worker', image: 'i', resources: memory }],
    });

    // WHEN
    const jobId = backend.submitJob({ jobName: 'p', jobQueue: 'pods', jobDefinition: 'pod' }).jobId;
    backend.loop.runUntilIdle();

    // THEN no container stops another; the pod fails with the failing container's code once all ended
    const job = backend.describeJobs([jobId])[0];
    expect(order).toEqual(['fetch', 'unpack', 'main', 'worker']);
    expect(job.status).toBe('FAILED');
    expect(job.stoppedAt! - job.startedAt!).toBe(70_000);
    expect(job.eksAttempts![0].initContainers.map((c: any) => [c.name, c.exitCode])).toEqual([['fetch', 0], ['unpack', 0]]);
    expect(job.eksAttempts![0].containers.map((c: any) => [c.name, c.exitCode])).toEqual([['main', 0], ['worker', 4]]);
  });

  test('PLAT-3: GIVEN an init container that fails WHEN the pod runs THEN the containers never start and the job fails with its exit code', () => {
    // GIVEN
    const { backend, launches } = eksBackend((launch) => (launch.containerName === 'fetch' ? JobBehavior.fail({ exitCode: 2 }) : JobBehavior.succeed()), {
      initContainers: [{ name: 'fetch', image: 'i', resources: memory }],
      containers: [{ name: 'main', image: 'i', resources: memory }],
    });

    // WHEN
    const jobId = backend.submitJob({ jobName: 'p', jobQueue: 'pods', jobDefinition: 'pod' }).jobId;
    backend.loop.runUntilIdle();

    // THEN
    const job = backend.describeJobs([jobId])[0];
    expect(launches.map((l) => l.containerName)).toEqual(['fetch']);
    expect(job.status).toBe('FAILED');
    expect(job.eksProperties.podProperties.containers[0].reason).toMatch(/^DependencyConditionNotMet/);
  });

  test('PLAT-3: GIVEN a pod WHEN it is placed THEN it reserves its containers together, or its largest init container if larger', () => {
    // GIVEN an 8-vCPU CE, pods of 2 x 2 vCPUs with a 3-vCPU init container: two fit at once, not three
    const { backend } = eksBackend(() => JobBehavior.succeed({ duration: Duration.minutes(1) }), {
      initContainers: [{ name: 'init', image: 'i', resources: { requests: { cpu: '3', memory: '64Mi' } } }],
      containers: [{ name: 'a', image: 'i', resources: { requests: { cpu: '2', memory: '64Mi' } } }, { name: 'b', image: 'i', resources: { requests: { cpu: '2', memory: '64Mi' } } }],
    });

    // WHEN
    const ids = [1, 2, 3].map((n) => backend.submitJob({ jobName: `p${n}`, jobQueue: 'pods', jobDefinition: 'pod' }).jobId);
    backend.loop.runUntilIdle();

    // THEN
    const [a, b, c] = backend.describeJobs(ids);
    expect(a.startedAt).toBe(b.startedAt);
    expect(c.startedAt).toBeGreaterThan(a.startedAt!);
  });

  test('PLAT-3: GIVEN eksPropertiesOverride WHEN the pod runs THEN the named container gets the new args and env, and DescribeJobs shows them', () => {
    // GIVEN
    const { backend, launches } = eksBackend(() => JobBehavior.succeed(), {
      containers: [{ name: 'main', image: 'busybox', command: ['greet'], args: ['$(WHO)'], env: [{ name: 'WHO', value: 'pods' }, { name: 'KEEP', value: 'k' }], resources: memory }],
    });

    // WHEN
    const jobId = backend.submitJob({
      jobName: 'p',
      jobQueue: 'pods',
      jobDefinition: 'pod',
      eksPropertiesOverride: { podProperties: { containers: [{ name: 'main', args: ['$(WHO)', 'again'], env: [{ name: 'WHO', value: 'you' }] }] } },
    }).jobId;
    backend.loop.runUntilIdle();

    // THEN
    expect(launches[0].command).toEqual(['greet', 'you', 'again']);
    expect(launches[0].environment).toMatchObject({ WHO: 'you', KEEP: 'k' });
    expect(backend.describeJobs([jobId])[0].eksProperties.podProperties.containers[0].args).toEqual(['$(WHO)', 'again']);
    expect(() => backend.submitJob({ jobName: 'p', jobQueue: 'pods', jobDefinition: 'pod', eksPropertiesOverride: { podProperties: { containers: [{ name: 'main', resources: { limits: { cpu: '0.1' } } }] } } }))
      .toThrow('eksPropertiesOverride.podProperties.containers[0].resources.limits.cpu: "0.1" is invalid: a number of vCPUs, a multiple of 0.25 (PLAT-3)');
  });

  test('PLAT-3: GIVEN pod volumes and volumeMounts WHEN the pod runs THEN hostPath and emptyDir mounts reach the launch as volumes and mountPoints, and DescribeJobs shows the volumes as registered', () => {
    // GIVEN
    const volumes = [{ name: 'data', hostPath: { path: '/srv/data' } }, { name: 'scratch', emptyDir: {} }];
    const { backend, launches } = eksBackend(() => JobBehavior.succeed({ duration: Duration.seconds(5) }), {
      volumes,
      containers: [{
        name: 'main',
        image: 'i',
        resources: memory,
        volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true }, { name: 'scratch', mountPath: '/scratch' }],
      }],
    });

    // WHEN
    const jobId = backend.submitJob({ jobName: 'p', jobQueue: 'pods', jobDefinition: 'pod' }).jobId;
    backend.loop.runUntilIdle();

    // THEN
    expect(launches[0].container.volumes).toEqual([{ name: 'data', host: { sourcePath: '/srv/data' } }, { name: 'scratch', emptyDir: {} }]);
    expect(launches[0].container.mountPoints).toEqual([
      { sourceVolume: 'data', containerPath: '/data', readOnly: true },
      { sourceVolume: 'scratch', containerPath: '/scratch', readOnly: false },
    ]);
    const pod = backend.describeJobs([jobId])[0].eksProperties.podProperties;
    expect(pod.volumes).toEqual(volumes);
    expect(pod.containers[0].volumeMounts).toEqual([{ name: 'data', mountPath: '/data', readOnly: true }, { name: 'scratch', mountPath: '/scratch' }]);
  });

  test('PLAT-3: GIVEN secret and persistentVolumeClaim volumes WHEN the pod runs THEN they reach the launch with their keys, and every container lists the pod\'s secret volumes, mounted or not', () => {
    // GIVEN
    const volumes = [
      // Optional: the simulated runner finds no secrets directory, and a required secret would fail the pod.
      { name: 'creds', secret: { secretName: 'db-creds', optional: true } },
      { name: 'extra', secret: { secretName: 'extra', optional: true } },
      { name: 'cache', persistentVolumeClaim: { claimName: 'model-cache', readOnly: true } },
    ];
    const { backend, launches } = eksBackend(() => JobBehavior.succeed({ duration: Duration.seconds(5) }), {
      volumes,
      initContainers: [{ name: 'init', image: 'i', resources: memory }],
      containers: [{
        name: 'main',
        image: 'i',
        resources: memory,
        volumeMounts: [{ name: 'creds', mountPath: '/etc/creds' }, { name: 'cache', mountPath: '/cache' }],
      }],
    });

    // WHEN
    backend.submitJob({ jobName: 'p', jobQueue: 'pods', jobDefinition: 'pod' });
    backend.loop.runUntilIdle();

    // THEN
    const secrets = [
      { name: 'creds', secret: { secretName: 'db-creds', optional: true } },
      { name: 'extra', secret: { secretName: 'extra', optional: true } },
    ];
    expect(launches.map((launch) => launch.containerName)).toEqual(['init', 'main']);
    expect(launches[0].container.volumes).toEqual(secrets);
    expect(launches[0].container.mountPoints).toBeUndefined();
    expect(launches[1].container.volumes).toEqual([secrets[0], { name: 'cache', persistentVolumeClaim: { claimName: 'model-cache', readOnly: true } }, secrets[1]]);
    expect(launches[1].container.mountPoints).toEqual([
      { sourceVolume: 'creds', containerPath: '/etc/creds', readOnly: false },
      { sourceVolume: 'cache', containerPath: '/cache', readOnly: false },
    ]);
  });

  test('PLAT-3: GIVEN a pod container that cannot start WHEN the pod runs THEN the job keeps that container\'s status reason, not only its short reason', () => {
    // GIVEN
    const cannotStart = JobBehavior.custom({ run: () => { throw new Error('volume "creds": secret "absent" not found'); } });
    const { backend } = eksBackend((launch) => (launch.containerName === 'init' ? cannotStart : JobBehavior.succeed()), {
      initContainers: [{ name: 'init', image: 'i', resources: memory }],
      containers: [{ name: 'main', image: 'i', resources: memory }],
    });

    // WHEN
    const jobId = backend.submitJob({ jobName: 'p', jobQueue: 'pods', jobDefinition: 'pod' }).jobId;
    backend.loop.runUntilIdle();

    // THEN
    const job = backend.describeJobs([jobId])[0];
    expect(job.status).toBe('FAILED');
    expect(job.statusReason).toBe('Task failed to start: volume "creds": secret "absent" not found');
    expect(job.eksAttempts![0].initContainers![0].reason).toBe('CannotStartContainerError: volume "creds": secret "absent" not found');
  });

  test('PLAT-3: GIVEN a volumeMount naming no volume of the pod WHEN the definition is registered THEN it is a ClientException naming the field', () => {
    const fixture = testBackend({ maxvCpus: 8 });
    expect(() => fixture.backend.registerJobDefinition({
      jobDefinitionName: 'pod',
      type: 'container',
      eksProperties: { podProperties: { containers: [{ image: 'i', resources: memory, volumeMounts: [{ name: 'nope', mountPath: '/x' }] }] } },
    })).toThrow(/eksProperties\.podProperties\.containers\[0\]\.volumeMounts\[0\]\.name: "nope" is invalid: a volume of the pod \(it has none\) \(PLAT-3\)/);
  });
});
