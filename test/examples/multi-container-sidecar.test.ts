import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildSidecarApp, runSidecarJob, SIDECAR_DEFINITION, SIDECAR_QUEUE } from '../../examples/multi-container-sidecar';
import { JobBehavior, JobExecutor, LocalBatchRuntime } from '../../src';
import { describeWithRealEngine, BUSYBOX_IMAGE, containersLeftOfJob } from '../runtime/executors/fixtures/real-engine';
import { TemporaryWorkRoot } from '../temporary-work-root';

// Real processes and containers on a loaded machine: a generous ceiling, never a timing assertion.
jest.setTimeout(240_000);

/** The app's and the sidecar's exit codes and log lines after one job of the example. */
async function runOnce(runtime: LocalBatchRuntime): Promise<{ status: string; containers: Record<string, { exitCode?: number; logs: string[] }> }> {
  const { jobId } = runtime.submitJob({ jobName: 'sidecar', jobQueue: SIDECAR_QUEUE, jobDefinition: SIDECAR_DEFINITION });
  const job = await runtime.waitForJob(jobId);
  const containers = Object.fromEntries(job.ecsProperties.taskProperties[0].containers.map((container: any) =>
    [container.name, { exitCode: container.exitCode, logs: runtime.getLogStream(container.logStreamName) }]));
  return { status: job.status, containers };
}

describe('examples/multi-container-sidecar.ts (PLAT-2)', () => {
  test('PLAT-2: GIVEN the example app WHEN synthesized THEN the app depends on the sidecar START and the sidecar is not essential', () => {
    const { stack } = buildSidecarApp();
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::JobDefinition', {
      JobDefinitionName: SIDECAR_DEFINITION,
      EcsProperties: {
        TaskProperties: [Match.objectLike({
          Containers: [
            Match.objectLike({ Name: 'app', DependsOn: [{ ContainerName: 'sidecar', Condition: 'START' }] }),
            Match.objectLike({ Name: 'sidecar', Essential: false }),
          ],
        })],
      },
    });
  });

  test('PLAT-2: GIVEN the simulated executor WHEN the example job runs THEN the app succeeds after the sidecar started and the sidecar is stopped with the task', async () => {
    // GIVEN: the sidecar's loop keeps it running; the app takes 5 virtual seconds.
    const { stack } = buildSidecarApp();
    const started: string[] = [];
    const runtime = LocalBatchRuntime.fromStack(stack, {
      executor: JobExecutor.simulated({
        defaultBehavior: JobBehavior.custom({
          run: (context) => {
            const script = context.command.join(' ');
            started.push(script.includes('sidecar') ? 'sidecar' : 'app');
            return script.includes('while true') ? { exitCode: 0, duration: Duration.minutes(10) } : { exitCode: 0, duration: Duration.seconds(5) };
          },
        }),
      }),
    });

    // WHEN
    const result = await runOnce(runtime);
    runtime.dispose();

    // THEN
    expect(started).toEqual(['sidecar', 'app']);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.containers.app.exitCode).toBe(0);
    expect(result.containers.sidecar.exitCode).toBe(143);
  });

  test('PLAT-2: GIVEN the process executor WHEN the example job runs THEN both containers ran as processes, the app succeeded and the sidecar was stopped with SIGTERM and shut down cleanly', async () => {
    const workRoot = new TemporaryWorkRoot('sidecar-example');
    const runtime = LocalBatchRuntime.fromStack(buildSidecarApp().stack, { executor: JobExecutor.process({ workRoot: workRoot.path }) });
    try {
      const result = await runOnce(runtime);
      expect(result.status).toBe('SUCCEEDED');
      expect(result.containers.app).toEqual({ exitCode: 0, logs: ['app: working', 'app: done'] });
      expect(result.containers.sidecar.exitCode).toBe(0);
      // The host shell may also report its killed `sleep` child ("Terminated"); the sidecar's own lines come in order.
      expect(result.containers.sidecar.logs.filter((line) => line.startsWith('sidecar:'))).toEqual(['sidecar: up', 'sidecar: stopping']);
    } finally {
      runtime.dispose();
      workRoot.remove();
    }
  });
});

describeWithRealEngine('examples/multi-container-sidecar.ts on a real engine (PLAT-2)', (engine) => {
  test(`PLAT-2: GIVEN the container executor (${engine.command}) WHEN the example job runs THEN both containers ran, the app succeeded, the sidecar was stopped with SIGTERM and no container is left`, async () => {
    const workRoot = new TemporaryWorkRoot('sidecar-example-engine');
    const runtime = LocalBatchRuntime.fromStack(buildSidecarApp(BUSYBOX_IMAGE).stack, { executor: JobExecutor.docker({ workRoot: workRoot.path }) });
    try {
      const { jobId } = runtime.submitJob({ jobName: 'sidecar', jobQueue: SIDECAR_QUEUE, jobDefinition: SIDECAR_DEFINITION });
      const job = await runtime.waitForJob(jobId);
      const containers = job.ecsProperties.taskProperties[0].containers.map((c: any) => [c.name, c.exitCode, runtime.getLogStream(c.logStreamName)]);
      expect(job.status).toBe('SUCCEEDED');
      expect(containers).toEqual([['app', 0, ['app: working', 'app: done']], ['sidecar', 0, ['sidecar: up', 'sidecar: stopping']]]);
      expect(await containersLeftOfJob(engine, jobId)).toEqual([]);
    } finally {
      runtime.dispose();
      workRoot.remove();
    }
  });

  test('PLAT-2: GIVEN the example\'s own runner WHEN it runs on the engine THEN it reports success', async () => {
    const workRoot = new TemporaryWorkRoot('sidecar-example-runner');
    const runtime = LocalBatchRuntime.fromStack(buildSidecarApp(BUSYBOX_IMAGE).stack, { executor: JobExecutor.docker({ workRoot: workRoot.path }) });
    try {
      expect(await runSidecarJob(runtime, () => undefined)).toBe(true);
    } finally {
      runtime.dispose();
      workRoot.remove();
    }
  });
});
