/**
 * A multi-container job (PLAT-2): an essential `app` container and a non-essential `sidecar` in one
 * task. The app starts once the sidecar has started (`dependsOn` START); when the app exits, the
 * task ends and the sidecar is stopped. The same synthesized template runs in the local runtime,
 * each container as a host process here (examples/smoke.ts), in virtual time or under Podman in
 * test/examples/multi-container-sidecar.test.ts.
 *
 *   npx ts-node --project examples/tsconfig.json examples/multi-container-sidecar.ts
 */
import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { BatchEnvironment, ContainerDependencyCondition, JobExecutor, LocalBatchRuntime } from '../src';
import { addComplianceChecks, runWhenExecuted } from './shared/run-example';

/** A small public image with a shell, as the containers need. */
export const SIDECAR_EXAMPLE_IMAGE = 'public.ecr.aws/docker/library/busybox:latest';

/** The queue and job definition names the example registers. */
export const SIDECAR_QUEUE = 'sidecar-queue';
export const SIDECAR_DEFINITION = 'app-with-sidecar';

/** The CDK app: a BatchEnvironment and the two-container job definition. */
export function buildSidecarApp(image: string = SIDECAR_EXAMPLE_IMAGE, outdir?: string): { app: cdk.App; stack: cdk.Stack } {
  const app = new cdk.App(outdir ? { outdir } : undefined);
  const stack = new cdk.Stack(app, 'MultiContainerSidecar');
  const environment = new BatchEnvironment(stack, 'Batch', { jobQueueName: SIDECAR_QUEUE });
  const containerImage = ecs.ContainerImage.fromRegistry(image);
  environment.addMultiContainerJobDefinition('AppWithSidecar', {
    jobDefinitionName: SIDECAR_DEFINITION,
    containers: [
      {
        name: 'app',
        image: containerImage,
        command: ['sh', '-c', 'echo "app: working"; echo "app: done"'],
        cpu: 1,
        memory: cdk.Size.mebibytes(512),
        // The app needs its sidecar up (e.g. a proxy or log shipper) before it starts.
        dependsOn: [{ containerName: 'sidecar', condition: ContainerDependencyCondition.START }],
      },
      {
        name: 'sidecar',
        image: containerImage,
        // A well-behaved sidecar: when the task stops it (SIGTERM), it shuts down cleanly.
        command: ['sh', '-c', 'trap \'echo "sidecar: stopping"; exit 0\' TERM; echo "sidecar: up"; while true; do sleep 1; done'],
        // Non-essential: it runs as long as the app does and never ends the task itself.
        essential: false,
        cpu: 1,
        memory: cdk.Size.mebibytes(256),
      },
    ],
  });
  addComplianceChecks(app);
  return { app, stack };
}

/** Runs one job of the example; true when the app succeeded and the sidecar was stopped with it. */
export async function runSidecarJob(runtime: LocalBatchRuntime, print: (line: string) => void = console.log): Promise<boolean> {
  const { jobId } = runtime.submitJob({ jobName: 'app-with-sidecar', jobQueue: SIDECAR_QUEUE, jobDefinition: SIDECAR_DEFINITION });
  const job = await runtime.waitForJob(jobId);
  const containers = job.ecsProperties?.taskProperties?.[0]?.containers ?? [];
  for (const container of containers) {
    print(`${container.name}: exit code ${container.exitCode}`);
    for (const line of container.logStreamName ? runtime.getLogStream(container.logStreamName) : []) print(`  ${line}`);
  }
  const exitCodes = Object.fromEntries(containers.map((container: any) => [container.name, container.exitCode]));
  return job.status === 'SUCCEEDED' && exitCodes.app === 0 && exitCodes.sidecar !== undefined;
}

export async function main(print: (line: string) => void = console.log): Promise<boolean> {
  const { app, stack } = buildSidecarApp(SIDECAR_EXAMPLE_IMAGE, process.env.CDK_OUTDIR);
  app.synth();
  const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.process() });
  try {
    return await runSidecarJob(runtime, print);
  } finally {
    runtime.dispose();
  }
}

runWhenExecuted(module, main);
