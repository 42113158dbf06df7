import { Duration } from 'aws-cdk-lib';
import { BatchBackend } from '../../../../src/runtime/core/backend';
import { ContainerLaunch } from '../../../../src/runtime/core/executor';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { testBackend } from '../fixtures';

const GROUP = '/aws/batch/job';
const POD_RESOURCES = { limits: { cpu: '0.5', memory: '128Mi' } };

/** Each container logs `<name> line`; `app` exits 3, `helper` 7, the others 0. */
function behavior(launch: ContainerLaunch): JobBehavior {
  const name = launch.containerName ?? 'default';
  const exitCode = { app: 3, helper: 7 }[name] ?? 0;
  const logLines = [`${name} line`];
  return exitCode === 0
    ? JobBehavior.succeed({ duration: Duration.seconds(10), logLines })
    : JobBehavior.fail({ exitCode, duration: Duration.seconds(20), logLines });
}

/** A backend with a multi-container task definition `task` (PLAT-2) and an EKS queue `pods` with a pod definition `pod` (PLAT-3). */
function backendWithTasks(): BatchBackend {
  const { backend } = testBackend({ maxvCpus: 8, behavior });
  const requirements = [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '512' }];
  backend.registerJobDefinition({
    jobDefinitionName: 'task',
    type: 'container',
    ecsProperties: {
      taskProperties: [{
        containers: [
          { name: 'app', image: 'busybox', resourceRequirements: requirements },
          { name: 'side', image: 'busybox', essential: false, resourceRequirements: requirements },
        ],
      }],
    },
  });
  backend.createComputeEnvironment({
    computeEnvironmentName: 'eks',
    type: 'MANAGED',
    eksConfiguration: { eksClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/batch', kubernetesNamespace: 'batch-jobs' },
    computeResources: { type: 'EC2', maxvCpus: 8, minvCpus: 0, instanceTypes: ['optimal'], subnets: ['subnet-1'], instanceRole: 'ecsInstanceRole' },
  });
  backend.createJobQueue({ jobQueueName: 'pods', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'eks' }] });
  backend.registerJobDefinition({
    jobDefinitionName: 'pod',
    type: 'container',
    eksProperties: {
      podProperties: {
        initContainers: [{ name: 'prepare', image: 'busybox', resources: POD_RESOURCES }],
        containers: [{ name: 'main', image: 'busybox', resources: POD_RESOURCES }, { name: 'helper', image: 'busybox', resources: POD_RESOURCES }],
      },
    },
  });
  return backend;
}

describe('job checkpoint parts', () => {
  test('#21 §2, PLAT-2, PLAT-3: GIVEN a finished multi-container task and pod WHEN checkpointed and restored into a fresh runtime THEN each container\'s log stream keeps its lines', () => {
    // GIVEN
    const live = backendWithTasks();
    const taskId = live.submitJob({ jobName: 't', jobQueue: 'queue', jobDefinition: 'task' }).jobId;
    const podId = live.submitJob({ jobName: 'p', jobQueue: 'pods', jobDefinition: 'pod' }).jobId;
    live.loop.runUntilIdle();
    const [task, pod] = live.describeJobs([taskId, podId]);
    const streams = [
      ...task.ecsProperties.taskProperties[0].containers.map((c: any) => c.logStreamName),
      ...live.logs.streams(GROUP).filter((stream) => stream.startsWith('pod/')),
    ];
    expect(live.atRest()).toBe(true);

    // WHEN the parts are saved (as JSON, as the checkpoint file holds them) and restored into a fresh runtime
    const saved = new Map(live.checkpointParts().map((part) => [part.key, JSON.parse(JSON.stringify(part.save()))]));
    const restored = backendWithTasks();
    const parts = restored.checkpointParts();
    for (const part of parts) part.clear?.();
    restored.loop.runUntil(live.loop.now());
    for (const part of parts) part.restore(saved.get(part.key)!);

    // THEN
    expect(streams.map((stream) => stream.split('/')[1]).sort()).toEqual(['app', 'helper', 'main', 'prepare', 'side']);
    expect(restored.describeJobs([taskId, podId])).toEqual([task, pod]);
    for (const stream of streams) {
      expect([stream, restored.logs.events(GROUP, stream)]).toEqual([stream, live.logs.events(GROUP, stream)]);
      expect(live.logs.events(GROUP, stream)!.map((event) => event.message)).toEqual([`${stream.split('/')[1]} line`]);
    }
  });
});
