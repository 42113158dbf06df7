import { App, Size, Stack } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as eks from 'aws-cdk-lib/aws-eks';
import { JobBehavior, JobExecutor, LocalBatchRuntime } from '../../../src';

/** aws-cdk-lib's EKS constructs, loaded through the facade (PLAT-3). */
function eksStack(): Stack {
  const stack = new Stack(new App(), 'Eks', { env: { account: '123456789012', region: 'us-east-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
  const cluster = eks.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'batch-cluster' });
  const ce = new batch.ManagedEc2EksComputeEnvironment(stack, 'EksCe', {
    vpc, eksCluster: cluster, kubernetesNamespace: 'batch-jobs', instanceTypes: [ec2.InstanceType.of(ec2.InstanceClass.M5, ec2.InstanceSize.LARGE)], useOptimalInstanceClasses: false,
  });
  new batch.JobQueue(stack, 'Queue', { computeEnvironments: [{ computeEnvironment: ce, order: 1 }] });
  new batch.EksJobDefinition(stack, 'PodJob', {
    container: new batch.EksContainerDefinition(stack, 'Main', {
      image: ecs.ContainerImage.fromRegistry('busybox'),
      command: ['echo'],
      args: ['hello'],
      env: { GREETING: 'hi' },
      cpuLimit: 1,
      memoryLimit: Size.mebibytes(512),
    }),
  });
  return stack;
}

describe('aws-cdk-lib EKS stacks through the facade (PLAT-3)', () => {
  test('PLAT-3: GIVEN ManagedEc2EksComputeEnvironment and EksJobDefinition WHEN the stack loads THEN the CE is EKS and the definition is described as registered', () => {
    // GIVEN
    const runtime = LocalBatchRuntime.fromStack(eksStack());

    // WHEN
    const backend = (runtime as any).backend;
    const ce = backend.describeComputeEnvironments({}).computeEnvironments[0];
    const definition = backend.describeJobDefinitions({}).jobDefinitions[0];
    runtime.dispose();

    // THEN
    expect(ce).toMatchObject({ containerOrchestrationType: 'EKS', eksConfiguration: { kubernetesNamespace: 'batch-jobs', eksClusterArn: expect.stringMatching(/:cluster\/batch-cluster$/) } });
    expect(definition.containerOrchestrationType).toBe('EKS');
    expect(definition.eksProperties.podProperties.containers[0]).toMatchObject({
      image: 'busybox',
      command: ['echo'],
      args: ['hello'],
      env: [{ name: 'GREETING', value: 'hi' }],
      resources: { limits: { cpu: '1', memory: '512Mi' } },
    });
  });

  test('PLAT-3: GIVEN an EksJobDefinition WHEN a job runs through the facade THEN the pod runs command then args with its env', async () => {
    // GIVEN
    const launches: string[][] = [];
    const runtime = LocalBatchRuntime.fromStack(eksStack(), {
      executor: JobExecutor.simulated({
        defaultBehavior: JobBehavior.custom({
          run: (context) => {
            launches.push([...context.command, context.environment.GREETING]);
            return { exitCode: 0 };
          },
        }),
      }),
    });

    // WHEN
    const job = await runtime.waitForJob(runtime.submitJob({ jobName: 'pod', jobQueue: 'Queue', jobDefinition: 'PodJob' }).jobId);
    runtime.dispose();

    // THEN
    expect(job.status).toBe('SUCCEEDED');
    expect(launches).toEqual([['echo', 'hello', 'hi']]);
    expect(job.eksAttempts).toHaveLength(1);
  });
});
