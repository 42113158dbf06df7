import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  BatchClient, CreateConsumableResourceCommand, DescribeConsumableResourceCommand, DescribeJobDefinitionsCommand, DescribeJobsCommand,
  ListJobsByConsumableResourceCommand, RegisterJobDefinitionCommand, SubmitJobCommand,
} from '@aws-sdk/client-batch';
import { serve, ServeHandle } from '../../src/cli/commands/serve';
import { recordingIo } from '../cli/cli-fixture';
import { expectClientException, pollUntil, rejection } from '../runtime/api/endpoint-fixture';

// Real processes on a shared machine: a generous ceiling, never a timing assertion.
jest.setTimeout(60_000);

/** An EKS compute environment and its queue `pods`, and an ECS one with its queue `ecs`. */
const TEMPLATE = {
  Resources: {
    Eks: {
      Type: 'AWS::Batch::ComputeEnvironment',
      Properties: {
        ComputeEnvironmentName: 'eks',
        Type: 'MANAGED',
        EksConfiguration: { EksClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/c', KubernetesNamespace: 'batch' },
        ComputeResources: { Type: 'EC2', MinvCpus: 0, MaxvCpus: 16, InstanceTypes: ['m5.large'], Subnets: ['s'], InstanceRole: 'r' },
      },
    },
    Pods: { Type: 'AWS::Batch::JobQueue', Properties: { JobQueueName: 'pods', Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'Eks' } }] } },
    Ec2: {
      Type: 'AWS::Batch::ComputeEnvironment',
      Properties: { ComputeEnvironmentName: 'ec2', Type: 'MANAGED', ComputeResources: { Type: 'EC2', MinvCpus: 0, MaxvCpus: 16, InstanceTypes: ['optimal'], Subnets: ['s'], InstanceRole: 'r' } },
    },
    Ecs: { Type: 'AWS::Batch::JobQueue', Properties: { JobQueueName: 'ecs', Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'Ec2' } }] } },
  },
};

describe('EKS multi-node jobs through the AWS SDK v3 against serve (MNP-1, PLAT-3, PLAT-4)', () => {
  let workspace: string;
  let handle: ServeHandle;
  let batch: BatchClient;

  beforeEach(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'eks-mnp-'));
    fs.writeFileSync(path.join(workspace, 'template.json'), JSON.stringify(TEMPLATE));
    handle = await serve({ template: path.join(workspace, 'template.json'), port: 0, host: '127.0.0.1', executor: 'process' }, recordingIo());
    batch = new BatchClient({ endpoint: handle.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' }, maxAttempts: 1 });
  });

  afterEach(async () => {
    batch.destroy();
    await handle.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  test('MNP-1, MNP-6, PLAT-3, PLAT-4: GIVEN a 3-node definition of pods with per-range licences WHEN submitted with node overrides THEN every node runs its pod as a process with its node variables, the gang holds every node\'s licences, and each node is described as an EKS job', async () => {
    // GIVEN each pod writes its node variables to a file named after its node, then the main pod waits for the workers' files
    const out = path.join(workspace, 'out');
    fs.mkdirSync(out);
    // Run as root, the process executor runs jobs as an unprivileged user: let it reach and write the directory.
    fs.chmodSync(workspace, 0o755);
    fs.chmodSync(out, 0o777);
    const write = 'echo "$AWS_BATCH_JOB_NODE_INDEX $AWS_BATCH_JOB_NUM_NODES $AWS_BATCH_JOB_MAIN_NODE_INDEX ${AWS_BATCH_JOB_MAIN_NODE_PRIVATE_IPV4_ADDRESS:-none} $(ROLE)"'
      + ` > ${out}/node-$AWS_BATCH_JOB_NODE_INDEX`;
    const pod = (role: string, then: string) => ({
      podProperties: {
        containers: [{
          name: 'app',
          image: 'busybox',
          command: ['sh', '-c'],
          args: [`${write}; ${then}`],
          env: [{ name: 'ROLE', value: role }],
          resources: { limits: { cpu: '1', memory: '256Mi' } },
        }],
      },
    });
    const waitForWorkers = `while [ ! -f ${out}/node-1 ] || [ ! -f ${out}/node-2 ]; do sleep 0.05; done`;
    await batch.send(new CreateConsumableResourceCommand({ consumableResourceName: 'licences', totalQuantity: 10 }));
    const licences = (quantity: number) => ({ consumableResourceList: [{ consumableResource: 'licences', quantity }] });
    await batch.send(new RegisterJobDefinitionCommand({
      jobDefinitionName: 'mnp-pods',
      type: 'multinode',
      nodeProperties: {
        numNodes: 3,
        mainNode: 0,
        nodeRangeProperties: [
          { targetNodes: '1:', eksProperties: pod('worker', 'sleep 30'), consumableResourceProperties: licences(1) },
          { targetNodes: '0', eksProperties: pod('main', waitForWorkers), consumableResourceProperties: licences(1) },
        ],
      },
    }));

    // WHEN
    const wrongQueue = await rejection(batch.send(new SubmitJobCommand({ jobName: 'x', jobQueue: 'ecs', jobDefinition: 'mnp-pods' })));
    const { jobId } = await batch.send(new SubmitJobCommand({
      jobName: 'mpi',
      jobQueue: 'pods',
      jobDefinition: 'mnp-pods',
      nodeOverrides: {
        nodePropertyOverrides: [{
          targetNodes: '1:2',
          instanceTypes: ['m5.large'],
          eksPropertiesOverride: { podProperties: { containers: [{ name: 'app', env: [{ name: 'ROLE', value: 'tuned' }] }] } },
          consumableResourcePropertiesOverride: licences(2),
        }],
      },
    }));
    const running = await pollUntil(() => batch.send(new DescribeJobsCommand({ jobs: [jobId!] })), (r) => r.jobs![0].status === 'RUNNING');
    const held = await pollUntil(() => batch.send(new DescribeConsumableResourceCommand({ consumableResource: 'licences' })), (r) => r.inUseQuantity === 5);
    const listed = await batch.send(new ListJobsByConsumableResourceCommand({ consumableResource: 'licences' }));
    const done = await pollUntil(() => batch.send(new DescribeJobsCommand({ jobs: [jobId!, `${jobId}#0`, `${jobId}#1`, `${jobId}#2`] })),
      (r) => r.jobs!.every((job) => job.status === 'SUCCEEDED' || job.status === 'FAILED'));
    const after = await pollUntil(() => batch.send(new DescribeConsumableResourceCommand({ consumableResource: 'licences' })), (r) => r.inUseQuantity === 0);

    // THEN
    expectClientException(wrongQueue, 'EKS');
    expect(running.jobs![0].status).toBe('RUNNING');
    expect(held).toMatchObject({ inUseQuantity: 5, availableQuantity: 5 });
    expect(listed.jobs!.map((job) => [job.jobArn!.split('/')[1], job.quantity])).toEqual([[jobId, 5]]);
    const files = [0, 1, 2].map((n) => fs.readFileSync(path.join(out, `node-${n}`), 'utf8').trim().split(' '));
    expect(files.map(([index, count, main, , role]) => [index, count, main, role])).toEqual([['0', '3', '0', 'main'], ['1', '3', '0', 'tuned'], ['2', '3', '0', 'tuned']]);
    expect(files[0][3]).toBe('none');
    expect(files[1][3]).toMatch(/^10\.\d+\.\d+\.\d+$/);
    const [parent, main, worker] = done.jobs!;
    expect(parent.status).toBe('SUCCEEDED');
    // "1:2" names the nodes of the range "1:" of 3 nodes: the override is applied to that range
    expect(parent.nodeProperties!.nodeRangeProperties![0]).toMatchObject({ targetNodes: '1:', instanceTypes: ['m5.large'], consumableResourceProperties: licences(2) });
    expect(main.container).toBeUndefined();
    expect(main.eksProperties!.podProperties!.containers).toEqual([expect.objectContaining({ name: 'app', exitCode: 0 })]);
    expect(main.eksAttempts).toEqual([expect.objectContaining({ podName: expect.stringMatching(/^aws-batch\./), containers: [expect.objectContaining({ name: 'app', exitCode: 0 })] })]);
    // MNP-4: the main node's exit stopped the workers' pods
    expect(worker).toMatchObject({ status: 'FAILED', statusReason: 'Main node exited' });
    expect(after.inUseQuantity).toBe(0);
    const definition = (await batch.send(new DescribeJobDefinitionsCommand({ jobDefinitionName: 'mnp-pods' }))).jobDefinitions![0];
    expect(definition.containerOrchestrationType).toBe('EKS');
  });
});
