import { Template } from 'aws-cdk-lib/assertions';
import { buildEksApp, EKS_DEFINITION, EKS_QUEUE, runEksJob } from '../../examples/eks-job';
import { JobBehavior, JobExecutor, LocalBatchRuntime } from '../../src';
import { BUSYBOX_IMAGE, containersLeftOfJob, describeWithRealEngine } from '../runtime/executors/fixtures/real-engine';
import { TemporaryWorkRoot } from '../temporary-work-root';

// Real processes and containers on a loaded machine: a generous ceiling, never a timing assertion.
jest.setTimeout(240_000);

describe('examples/eks-job.ts (PLAT-3)', () => {
  test('PLAT-3: GIVEN the example app WHEN synthesized THEN the compute environment is on the imported cluster and the pod runs command then args', () => {
    const template = Template.fromStack(buildEksApp().stack);
    template.hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      EksConfiguration: { EksClusterArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':eks:us-east-1:123456789012:cluster/batch-cluster']] }, KubernetesNamespace: 'batch-jobs' },
    });
    template.hasResourceProperties('AWS::Batch::JobDefinition', {
      JobDefinitionName: EKS_DEFINITION,
      EksProperties: { PodProperties: { Containers: [{ Command: ['sh', '-c'], Args: ['echo "$GREETING from pod $HOSTNAME_HINT"'] }] } },
    });
  });

  test('PLAT-3: GIVEN the simulated executor WHEN the example job runs THEN the CE is described as EKS and the pod runs command, args and env', async () => {
    const launches: string[][] = [];
    const runtime = LocalBatchRuntime.fromStack(buildEksApp().stack, {
      executor: JobExecutor.simulated({
        defaultBehavior: JobBehavior.custom({
          run: (context) => {
            launches.push([...context.command, context.environment.GREETING]);
            return { exitCode: 0, logLines: ['hello from pod on EKS'] };
          },
        }),
      }),
    });
    try {
      const backend = (runtime as any).backend;
      expect(backend.describeComputeEnvironments({}).computeEnvironments[0].containerOrchestrationType).toBe('EKS');
      expect(await runEksJob(runtime, () => undefined)).toBe(true);
      expect(launches).toEqual([['sh', '-c', 'echo "$GREETING from pod $HOSTNAME_HINT"', 'hello']]);
    } finally {
      runtime.dispose();
    }
  });

  test('PLAT-3: GIVEN the process executor WHEN the example job runs THEN the pod\'s shell expands its env and the job has a pod and node name', async () => {
    const workRoot = new TemporaryWorkRoot('eks-example');
    const runtime = LocalBatchRuntime.fromStack(buildEksApp().stack, { executor: JobExecutor.process({ workRoot: workRoot.path }) });
    try {
      expect(await runEksJob(runtime, () => undefined)).toBe(true);
    } finally {
      runtime.dispose();
      workRoot.remove();
    }
  });
});

describeWithRealEngine('examples/eks-job.ts on a real engine (PLAT-3)', (engine) => {
  test(`PLAT-3: GIVEN the container executor (${engine.command}) WHEN the example job runs THEN the pod's container prints its env and no container is left`, async () => {
    const workRoot = new TemporaryWorkRoot('eks-example-engine');
    const runtime = LocalBatchRuntime.fromStack(buildEksApp(BUSYBOX_IMAGE).stack, { executor: JobExecutor.docker({ workRoot: workRoot.path }) });
    try {
      const lines: string[] = [];
      expect(await runEksJob(runtime, (line) => lines.push(line))).toBe(true);
      const jobId = runtime.listJobs({ jobQueue: EKS_QUEUE, jobStatus: 'SUCCEEDED' }).jobSummaryList[0].jobId;
      expect(await containersLeftOfJob(engine, jobId)).toEqual([]);
    } finally {
      runtime.dispose();
      workRoot.remove();
    }
  });
});
