/**
 * A job on Amazon EKS (PLAT-3) with aws-cdk-lib's own constructs: a `ManagedEc2EksComputeEnvironment`
 * on an existing cluster (imported by name, so the app synthesizes without looking anything up), a
 * queue, and an `EksJobDefinition` whose pod runs `command` then `args` with its `env`. The local
 * runtime describes the compute environment as EKS and the job with `eksAttempts` (pod and node
 * names); the pod's container runs as a host process here (examples/smoke.ts), in virtual time or
 * under Podman in test/examples/eks-job.test.ts.
 *
 *   npx ts-node --project examples/tsconfig.json examples/eks-job.ts
 */
import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as eks from 'aws-cdk-lib/aws-eks';
import { BatchInstanceRole, BatchVpc, JobExecutor, LocalBatchRuntime } from '../src';
import { addComplianceChecks, runWhenExecuted } from './shared/run-example';

/** A small public image with a shell. */
export const EKS_EXAMPLE_IMAGE = 'public.ecr.aws/docker/library/busybox:latest';
export const EKS_QUEUE = 'eks-queue';
export const EKS_DEFINITION = 'eks-hello';

/** The CDK app: the EKS compute environment, its queue and the pod job definition. */
export function buildEksApp(image: string = EKS_EXAMPLE_IMAGE, outdir?: string): { app: cdk.App; stack: cdk.Stack } {
  const app = new cdk.App(outdir ? { outdir } : undefined);
  const stack = new cdk.Stack(app, 'EksJob', { env: { account: '123456789012', region: 'us-east-1' } });
  const vpc = new BatchVpc(stack, 'Vpc');
  // An existing cluster: Batch needs its name (for the ARN) and a namespace it may use.
  const cluster = eks.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'batch-cluster' });
  const computeEnvironment = new batch.ManagedEc2EksComputeEnvironment(stack, 'EksComputeEnvironment', {
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    eksCluster: cluster,
    kubernetesNamespace: 'batch-jobs',
    instanceTypes: [ec2.InstanceType.of(ec2.InstanceClass.M5, ec2.InstanceSize.LARGE)],
    useOptimalInstanceClasses: false,
    maxvCpus: 16,
    // The library's instance role: the managed policy the nodes need, acknowledged with the reason (IAM-2).
    instanceRole: new BatchInstanceRole(stack, 'NodeRole').role,
  });
  new batch.JobQueue(stack, 'Queue', { jobQueueName: EKS_QUEUE, computeEnvironments: [{ computeEnvironment, order: 1 }] });
  new batch.EksJobDefinition(stack, 'Hello', {
    jobDefinitionName: EKS_DEFINITION,
    container: new batch.EksContainerDefinition(stack, 'Main', {
      image: ecs.ContainerImage.fromRegistry(image),
      command: ['sh', '-c'],
      args: ['echo "$GREETING from pod $HOSTNAME_HINT"'],
      env: { GREETING: 'hello', HOSTNAME_HINT: 'on EKS' },
      cpuLimit: 0.5,
      memoryLimit: cdk.Size.mebibytes(256),
    }),
  });
  addComplianceChecks(app);
  return { app, stack };
}

/** Runs one pod job; true when it succeeded with a pod and a node name and its log line. */
export async function runEksJob(runtime: LocalBatchRuntime, print: (line: string) => void = console.log): Promise<boolean> {
  const { jobId } = runtime.submitJob({ jobName: 'eks-hello', jobQueue: EKS_QUEUE, jobDefinition: EKS_DEFINITION });
  const job = await runtime.waitForJob(jobId);
  const attempt = job.eksAttempts?.[0];
  print(`${job.jobName}: ${job.status} on pod ${attempt?.podName} (node ${attempt?.nodeName})`);
  // Batch writes each pod container to `<definition>/<container>/<pod id without dashes>` (LOG-1).
  const container = attempt?.containers?.[0]?.name ?? 'Default';
  const podId = (attempt?.podName ?? '').replace(/^aws-batch\./, '').replace(/-/g, '');
  const logs = runtime.getLogStream(`${EKS_DEFINITION}/${container}/${podId}`);
  for (const line of logs) print(`  ${line}`);
  return job.status === 'SUCCEEDED' && attempt?.podName !== undefined && logs.includes('hello from pod on EKS');
}

export async function main(print: (line: string) => void = console.log): Promise<boolean> {
  const { app, stack } = buildEksApp(EKS_EXAMPLE_IMAGE, process.env.CDK_OUTDIR);
  app.synth();
  const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.process() });
  try {
    return await runEksJob(runtime, print);
  } finally {
    runtime.dispose();
  }
}

runWhenExecuted(module, main);
