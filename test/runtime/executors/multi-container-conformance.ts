/**
 * PLAT-2 on every executor that runs multi-container jobs: the same task (an init container, an
 * essential app, a sidecar) through `LocalBatchRuntime.fromTemplate`, with the probe program of the
 * conformance suite in each container, must give the same per-container results.
 */
import * as fs from 'fs';
import * as path from 'path';
import { conformanceTemplate, ConformanceTarget, expectNoContainerLeft, PROBE_IMAGE } from './conformance';
import { TimeControl, useConformanceHooks } from './conformance-time';
import { LocalBatchRuntime } from '../../../src';

/** The conformance template plus a task: init (COMPLETE), then app (essential) with a sidecar (START). */
function multiContainerTemplate(image: string): any {
  const template = conformanceTemplate(image);
  const resources = [{ Type: 'VCPU', Value: '1' }, { Type: 'MEMORY', Value: '128' }];
  template.Resources.Task = {
    Type: 'AWS::Batch::JobDefinition',
    Properties: {
      Type: 'container',
      EcsProperties: {
        TaskProperties: [{
          Containers: [
            {
              Name: 'app',
              Image: image,
              ResourceRequirements: resources,
              Command: ['env', 'AWS_BATCH_JOB_ID', 'env', 'ROLE', 'echo', 'app done', 'exit', '3'],
              Environment: [{ Name: 'ROLE', Value: 'app' }],
              DependsOn: [{ ContainerName: 'init', Condition: 'COMPLETE' }, { ContainerName: 'sidecar', Condition: 'START' }],
            },
            { Name: 'sidecar', Image: image, Essential: false, ResourceRequirements: resources, Command: ['sleep', '600000'] },
            { Name: 'init', Image: image, Essential: false, ResourceRequirements: resources, Command: ['echo', 'init done', 'exit', '1'] },
          ],
        }],
      },
    },
  };
  // MNP-1, PLAT-2: two nodes, each a task of an app and a sidecar. The main app waits: its exit stops
  // node 1 (MNP-4), whose containers must have ended first (a ceiling in real time, free in virtual time).
  const nodeTask = (app: string[]) => ({
    TaskProperties: [{
      Containers: [
        {
          Name: 'app',
          Image: image,
          ResourceRequirements: resources,
          Command: ['env', 'AWS_BATCH_JOB_NODE_INDEX', 'env', 'AWS_BATCH_JOB_MAIN_NODE_INDEX', ...app],
          // The sidecar ends first, so the app's exit never stops it (PLAT-2 ordering, not a race).
          DependsOn: [{ ContainerName: 'sidecar', Condition: 'COMPLETE' }],
        },
        { Name: 'sidecar', Image: image, Essential: false, ResourceRequirements: resources, Command: ['echo', 'side', 'exit', '4'] },
      ],
    }],
  });
  template.Resources.NodeTasks = {
    Type: 'AWS::Batch::JobDefinition',
    Properties: {
      Type: 'multinode',
      NodeProperties: {
        NumNodes: 2,
        MainNode: 0,
        NodeRangeProperties: [
          { TargetNodes: '0', EcsProperties: nodeTask(['sleep', '8000']) },
          { TargetNodes: '1', EcsProperties: nodeTask(['exit', '2']) },
        ],
      },
    },
  };
  // PLAT-3: an EKS compute environment and queue, and a pod with an init container.
  addEksQueue(template);
  template.Resources.Pod = {
    Type: 'AWS::Batch::JobDefinition',
    Properties: {
      Type: 'container',
      EksProperties: {
        PodProperties: {
          InitContainers: [{ Name: 'prepare', Image: image, Command: ['echo'], Args: ['prepared'], Resources: podResources }],
          Containers: [{
            Name: 'main',
            Image: image,
            Command: ['env', 'GREETING'],
            Args: ['echo', '$(GREETING) from the pod', 'exit', '4'],
            Env: [{ Name: 'GREETING', Value: 'hello' }],
            Resources: podResources,
          }],
        },
      },
    },
  };
  // MNP-1, PLAT-3: two nodes, each a pod; the main pod waits (its exit stops node 1, MNP-4), node 1 exits 2.
  const nodePod = (tail: string[]) => ({
    PodProperties: {
      Containers: [{
        Name: 'app',
        Image: image,
        Command: ['env', 'AWS_BATCH_JOB_NODE_INDEX', 'env', 'AWS_BATCH_JOB_NUM_NODES', 'env', 'AWS_BATCH_JOB_MAIN_NODE_INDEX'],
        Args: tail,
        Resources: podResources,
      }],
    },
  });
  template.Resources.NodePods = {
    Type: 'AWS::Batch::JobDefinition',
    Properties: {
      Type: 'multinode',
      NodeProperties: {
        NumNodes: 2,
        MainNode: 0,
        NodeRangeProperties: [
          { TargetNodes: '0', EksProperties: nodePod(['sleep', '8000']) },
          { TargetNodes: '1', EksProperties: nodePod(['env', 'AWS_BATCH_JOB_MAIN_NODE_PRIVATE_IPV4_ADDRESS', 'exit', '2']) },
        ],
      },
    },
  };
  // PLAT-3: an init container leaves a file in an emptyDir volume for the main container.
  template.Resources.SharedVolumePod = {
    Type: 'AWS::Batch::JobDefinition',
    Properties: {
      Type: 'container',
      EksProperties: {
        PodProperties: {
          Volumes: [{ Name: 'shared', EmptyDir: { Medium: 'Memory', SizeLimit: '1Mi' } }],
          InitContainers: [{
            Name: 'writer',
            Image: image,
            Command: ['write', '/shared/note'],
            Resources: podResources,
            VolumeMounts: [{ Name: 'shared', MountPath: '/shared' }],
          }],
          Containers: [{
            Name: 'reader',
            Image: image,
            Command: ['cat', '/shared/note'],
            Resources: podResources,
            VolumeMounts: [{ Name: 'shared', MountPath: '/shared', ReadOnly: true }],
          }],
        },
      },
    },
  };
  return template;
}

/** PLAT-3: the resources of pods' container specs in the conformance templates. */
export const podResources = { Limits: { cpu: '0.5', memory: '128Mi' } };

/**
 * PLAT-3: adds an EKS compute environment (`EksComputeEnvironment`, with the resources of the template's
 * compute environment `from`) and its queue (`EksQueue`, named `queueName` when given) to a template.
 */
export function addEksQueue(template: any, from: string = 'ComputeEnvironment', queueName?: string): void {
  template.Resources.EksComputeEnvironment = {
    Type: 'AWS::Batch::ComputeEnvironment',
    Properties: {
      Type: 'MANAGED',
      EksConfiguration: { EksClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/batch', KubernetesNamespace: 'batch-jobs' },
      ComputeResources: { ...template.Resources[from].Properties.ComputeResources },
    },
  };
  template.Resources.EksQueue = {
    Type: 'AWS::Batch::JobQueue',
    Properties: {
      ...(queueName !== undefined ? { JobQueueName: queueName } : {}),
      Priority: 1,
      ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'EksComputeEnvironment' } }],
    },
  };
}

/** Registers the multi-container case for one executor. */
export function describeMultiContainerConformance(target: ConformanceTarget): void {
  describe(`multi-container conformance: ${target.name}`, () => {
    let runtime: LocalBatchRuntime | undefined;
    let time: TimeControl;

    useConformanceHooks(target, { runtime: () => runtime, setTime: (control) => { time = control; }, disposed: () => { runtime = undefined; } });

    test('PLAT-2: GIVEN init, app and sidecar containers WHEN the essential app exits THEN the job takes its exit code, the sidecar is stopped, each container has its own log stream', async () => {
      // GIVEN
      const rt = runtime = LocalBatchRuntime.fromTemplate(multiContainerTemplate(target.image ?? PROBE_IMAGE), { executor: target.executor() });

      // WHEN
      const jobId = rt.submitJob({ jobName: 'task', jobQueue: rt.resourceArn('Queue'), jobDefinition: rt.resourceArn('Task') }).jobId;
      const job = await time.waitForJob(rt, jobId);

      // THEN
      expect(job.status).toBe('FAILED');
      const containers = job.ecsProperties.taskProperties[0].containers;
      expect(containers.map((c: any) => [c.name, c.exitCode])).toEqual([['app', 3], ['sidecar', 143], ['init', 1]]);
      const definitionName = rt.resourceArn('Task').split('/').pop()!.split(':')[0];
      for (const container of containers) expect(container.logStreamName).toMatch(new RegExp(`^${definitionName}/${container.name}/[0-9a-f]{32}$`));
      expect(rt.getLogStream(containers[0].logStreamName)).toEqual([`AWS_BATCH_JOB_ID=${jobId}`, 'ROLE=app', 'app done']);
      expect(rt.getLogStream(containers[2].logStreamName)).toEqual(['init done']);
      expect(job.attempts![0].taskProperties![0].containers.map((c: any) => c.exitCode)).toEqual([3, 143, 1]);
      await expectNoContainerLeft(target, jobId);
    });

    test('MNP-1, PLAT-2: GIVEN a multi-node job whose node ranges are 2-container tasks WHEN it runs THEN every node runs both containers with its node index, each container has its exit code and the job takes the main node\'s result', async () => {
      // GIVEN
      const rt = runtime = LocalBatchRuntime.fromTemplate(multiContainerTemplate(target.image ?? PROBE_IMAGE), { executor: target.executor() });

      // WHEN
      const jobId = rt.submitJob({ jobName: 'nodes', jobQueue: rt.resourceArn('Queue'), jobDefinition: rt.resourceArn('NodeTasks') }).jobId;
      const job = await time.waitForJob(rt, jobId);

      // THEN
      expect(job.status).toBe('SUCCEEDED');
      const nodes = rt.describeJobs([`${jobId}#0`, `${jobId}#1`]);
      expect(nodes.map((node) => node.ecsProperties.taskProperties[0].containers.map((c: any) => [c.name, c.exitCode])))
        .toEqual([[['app', 0], ['sidecar', 4]], [['app', 2], ['sidecar', 4]]]);
      expect(nodes.map((node) => node.attempts![0].taskProperties![0].containers.map((c: any) => c.exitCode))).toEqual([[0, 4], [2, 4]]);
      nodes.forEach((node, index) => {
        const [app, sidecar] = node.ecsProperties.taskProperties[0].containers;
        expect(rt.getLogStream(app.logStreamName)).toEqual([`AWS_BATCH_JOB_NODE_INDEX=${index}`, 'AWS_BATCH_JOB_MAIN_NODE_INDEX=0']);
        expect(rt.getLogStream(sidecar.logStreamName)).toEqual(['side']);
      });
      await expectNoContainerLeft(target, jobId);
    });

    test('PLAT-3: GIVEN a pod with an init container WHEN it runs THEN the init container runs first, the container gets command then args with $(VAR) expanded, and the pod takes its exit code', async () => {
      // GIVEN
      const rt = runtime = LocalBatchRuntime.fromTemplate(multiContainerTemplate(target.image ?? PROBE_IMAGE), { executor: target.executor() });

      // WHEN
      const jobId = rt.submitJob({ jobName: 'pod', jobQueue: rt.resourceArn('EksQueue'), jobDefinition: rt.resourceArn('Pod') }).jobId;
      const job = await time.waitForJob(rt, jobId);

      // THEN
      expect(job.status).toBe('FAILED');
      const attempt = job.eksAttempts![0];
      expect([...attempt.initContainers, ...attempt.containers].map((c: any) => [c.name, c.exitCode])).toEqual([['prepare', 0], ['main', 4]]);
      expect(job.eksProperties.podProperties.podName).toBe(attempt.podName);
      const definitionName = rt.resourceArn('Pod').split('/').pop()!.split(':')[0];
      const stream = (name: string): string[] => rt.getLogStream(`${definitionName}/${name}/${attempt.podName.replace(/^aws-batch\./, '').replace(/-/g, '')}`);
      expect(stream('prepare')).toEqual(['prepared']);
      expect(stream('main')).toEqual(['GREETING=hello', 'hello from the pod']);
      await expectNoContainerLeft(target, jobId);
    });

    test('MNP-1, MNP-6, PLAT-3: GIVEN a multi-node job whose node ranges are pods WHEN it runs on an EKS queue THEN every node runs its pod with the node variables, each has its exit code and the job takes the main node\'s result', async () => {
      // GIVEN
      const rt = runtime = LocalBatchRuntime.fromTemplate(multiContainerTemplate(target.image ?? PROBE_IMAGE), { executor: target.executor() });

      // WHEN
      const jobId = rt.submitJob({ jobName: 'node-pods', jobQueue: rt.resourceArn('EksQueue'), jobDefinition: rt.resourceArn('NodePods') }).jobId;
      const job = await time.waitForJob(rt, jobId);

      // THEN
      expect(job.status).toBe('SUCCEEDED');
      const nodes = rt.describeJobs([`${jobId}#0`, `${jobId}#1`]);
      expect(nodes.map((node) => node.eksAttempts![0].containers.map((c: any) => [c.name, c.exitCode]))).toEqual([[['app', 0]], [['app', 2]]]);
      expect(nodes.every((node) => node.container === undefined && node.eksProperties.podProperties.podName !== undefined)).toBe(true);
      const definitionName = rt.resourceArn('NodePods').split('/').pop()!.split(':')[0];
      const stream = (node: any): string[] => rt.getLogStream(`${definitionName}/app/${node.eksAttempts[0].podName.replace(/^aws-batch\./, '').replace(/-/g, '')}`);
      expect(stream(nodes[0])).toEqual(['AWS_BATCH_JOB_NODE_INDEX=0', 'AWS_BATCH_JOB_NUM_NODES=2', 'AWS_BATCH_JOB_MAIN_NODE_INDEX=0']);
      expect(stream(nodes[1])).toEqual(['AWS_BATCH_JOB_NODE_INDEX=1', 'AWS_BATCH_JOB_NUM_NODES=2', 'AWS_BATCH_JOB_MAIN_NODE_INDEX=0',
        expect.stringMatching(/^AWS_BATCH_JOB_MAIN_NODE_PRIVATE_IPV4_ADDRESS=10\.\d+\.\d+\.\d+$/)]);
      await expectNoContainerLeft(target, jobId);
    });

    // Virtual time writes nothing: only the executors that run something share a directory.
    const realExecutor = target.workRoot === undefined ? test.skip : test;
    realExecutor('PLAT-3: GIVEN a pod whose init container writes a file to an emptyDir volume WHEN the pod runs THEN its main container reads the file, and the directory is gone once the attempt ended', async () => {
      // GIVEN
      const rt = runtime = LocalBatchRuntime.fromTemplate(multiContainerTemplate(target.image ?? PROBE_IMAGE), { executor: target.executor() });

      // WHEN
      const jobId = rt.submitJob({ jobName: 'shared', jobQueue: rt.resourceArn('EksQueue'), jobDefinition: rt.resourceArn('SharedVolumePod') }).jobId;
      const job = await time.waitForJob(rt, jobId);

      // THEN
      const attempt = job.eksAttempts![0];
      expect([...attempt.initContainers, ...attempt.containers].map((c: any) => [c.name, c.exitCode])).toEqual([['writer', 0], ['reader', 0]]);
      expect(job.status).toBe('SUCCEEDED');
      const definitionName = rt.resourceArn('SharedVolumePod').split('/').pop()!.split(':')[0];
      const taskId = attempt.podName.replace(/^aws-batch\./, '').replace(/-/g, '');
      expect(rt.getLogStream(`${definitionName}/reader/${taskId}`)).toEqual(['written']);
      const podDirectory = path.join(target.workRoot!, `${jobId}.1`);
      expect(fs.existsSync(podDirectory)).toBe(false);
      await expectNoContainerLeft(target, jobId);
    });
  });
}
