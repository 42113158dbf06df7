/**
 * The seed guide's pipeline (JobA -> JobB -> JobC -> JobD -> JobE), at full size, in virtual time:
 *
 *   JobA  a plain job listing BucketA
 *   JobB  10,000-child array, 32 vCPU / 4 GiB each, after JobA
 *   JobC  10,000-child array, 1 vCPU / 32 GiB each, N_TO_N on JobB
 *   JobD  10-child array, SEQUENTIAL, after JobC
 *   JobE  cleanup and notification, after JobD
 *
 *   npx ts-node -T --project examples/tsconfig.json examples/pipeline.ts
 */
import { App, Duration, Stack, Stage } from 'aws-cdk-lib';
import { BatchEnvironment, JobBehavior, JobExecutor, JobStateChange, LocalBatchRuntime } from '../src';
import { runWhenExecuted } from './shared/run-example';

export interface PipelineSummary {
  readonly makespanSeconds: number;
  readonly jobsByStatus: Record<string, number>;
  readonly peakRunningJobs: number;
  readonly peakInstances: number;
  readonly jobCount: number;
  readonly finalStatus: string;
}

/**
 * The behaviours runPipeline gives each job definition, as a `batch-local serve --behaviors` file (JSON), to drive the pipeline through
 * the endpoint (test/runtime/api/virtual-pipeline-boto3.test.ts, bench/serve-virtual.ts).
 */
export const PIPELINE_BEHAVIORS_FILE = {
  byJobDefinition: {
    'JobA-list-and-validate': { durationSeconds: 120 },
    'JobB-CPU-Intensive-Processing': { durationSeconds: 600 },
    'JobC-Memory-Intensive-Processing': { durationSeconds: 300 },
    'JobD-Sequential-Validation': { durationSeconds: 30 },
    'JobE-Cleanup-and-Notification': { durationSeconds: 10, logLines: ['pipeline complete'] },
  },
};

/** Builds the CDK app of the pipeline: one ProdQueue on a large managed compute environment. */
export function buildPipelineStack(app: App = new App()): Stack {
  const stack = new Stack(app, 'Pipeline');
  const batch = new BatchEnvironment(stack, 'Batch', { jobQueueName: 'ProdQueue', maxvCpus: 10_000 });
  batch.addJobDefinition('JobA', { jobDefinitionName: 'JobA-list-and-validate', command: ['list-and-validate', 's3://BucketA'] });
  batch.addJobDefinition('JobB', { jobDefinitionName: 'JobB-CPU-Intensive-Processing', command: ['process', 'Ref::index'] });
  batch.addJobDefinition('JobC', { jobDefinitionName: 'JobC-Memory-Intensive-Processing', command: ['transform'] });
  batch.addJobDefinition('JobD', { jobDefinitionName: 'JobD-Sequential-Validation', command: ['validate'] });
  batch.addJobDefinition('JobE', { jobDefinitionName: 'JobE-Cleanup-and-Notification', command: ['notify', 'Ref::SourceBucket', 'Ref::Recipient'] });
  return stack;
}

/** The pipeline's synthesized CloudFormation template (the job definitions and queue have fixed names). */
export function synthesizePipelineTemplate(): unknown {
  const stack = buildPipelineStack();
  return Stage.of(stack)!.synth().getStackArtifact(stack.artifactId).template;
}

/**
 * Runs the pipeline; `simulationMs` is the wall time of submission + simulation (synthesis excluded).
 * Given `template` (from `synthesizePipelineTemplate`, possibly in another process), it runs that
 * template instead of synthesizing the app here.
 */
export function runPipelineSimulation(arraySize: number = 10_000, template?: unknown): { summary: PipelineSummary; simulationMs: number } {
  let simulationMs = 0;
  const summary = runPipeline(arraySize, (ms) => { simulationMs = ms; }, template);
  return { summary, simulationMs };
}

/** Runs the pipeline in virtual time and summarizes it. `arraySize` scales JobB and JobC (10,000 in the guide). */
export function runPipeline(arraySize: number = 10_000, reportSimulationMs?: (ms: number) => void, template?: unknown): PipelineSummary {
  const props = {
    executor: JobExecutor.simulated({
      byJobDefinition: {
        'JobA-list-and-validate': JobBehavior.succeed({ duration: Duration.minutes(2) }),
        'JobB-CPU-Intensive-Processing': JobBehavior.succeed({ duration: Duration.minutes(10) }),
        'JobC-Memory-Intensive-Processing': JobBehavior.succeed({ duration: Duration.minutes(5) }),
        'JobD-Sequential-Validation': JobBehavior.succeed({ duration: Duration.seconds(30) }),
        'JobE-Cleanup-and-Notification': JobBehavior.succeed({ duration: Duration.seconds(10), logLines: ['pipeline complete'] }),
      },
    }),
  };
  const runtime = template !== undefined
    ? LocalBatchRuntime.fromTemplate(template, { ...props, stackName: 'Pipeline' })
    : LocalBatchRuntime.fromStack(buildPipelineStack(), props);
  let running = 0;
  let peakRunning = 0;
  runtime.addJobListener({
    onStateChange: (change: JobStateChange) => {
      if (change.status === 'RUNNING') peakRunning = Math.max(peakRunning, ++running);
      if (change.previousStatus === 'RUNNING') running--;
    },
  });

  const queue = 'ProdQueue';
  const start = runtime.now();
  const wallStart = process.hrtime.bigint();
  const jobA = runtime.submitJob({ jobName: 'JobA', jobQueue: queue, jobDefinition: 'JobA-list-and-validate:1' });
  const jobB = runtime.submitJob({
    jobName: 'JobB',
    jobQueue: queue,
    jobDefinition: 'JobB-CPU-Intensive-Processing:1',
    containerOverrides: { vcpus: 32, memory: 4096 },
    arrayProperties: { size: arraySize },
    dependsOn: [{ jobId: jobA.jobId }],
  });
  const jobC = runtime.submitJob({
    jobName: 'JobC',
    jobQueue: queue,
    jobDefinition: 'JobC-Memory-Intensive-Processing:1',
    containerOverrides: { vcpus: 1, memory: 32768 },
    arrayProperties: { size: arraySize },
    dependsOn: [{ jobId: jobB.jobId, type: 'N_TO_N' }],
  });
  const jobD = runtime.submitJob({
    jobName: 'JobD',
    jobQueue: queue,
    jobDefinition: 'JobD-Sequential-Validation:1',
    containerOverrides: { vcpus: 1, memory: 32768 },
    arrayProperties: { size: 10 },
    dependsOn: [{ jobId: jobC.jobId }, { type: 'SEQUENTIAL' }],
  });
  const jobE = runtime.submitJob({
    jobName: 'JobE',
    jobQueue: queue,
    jobDefinition: 'JobE-Cleanup-and-Notification:1',
    parameters: { SourceBucket: 's3://JobD-Output-Bucket', Recipient: 'pipeline-notifications@mycompany.com' },
    dependsOn: [{ jobId: jobD.jobId }],
  });
  runtime.runUntilIdle();
  reportSimulationMs?.(Number(process.hrtime.bigint() - wallStart) / 1e6);

  const jobsByStatus: Record<string, number> = {};
  let jobCount = 0;
  const count = (status: string, n: number = 1): void => {
    jobsByStatus[status] = (jobsByStatus[status] ?? 0) + n;
    jobCount += n;
  };
  for (const parent of [jobA, jobB, jobC, jobD, jobE]) {
    const detail = runtime.describeJob(parent.jobId);
    count(detail.status);
    for (const [status, n] of Object.entries(detail.arrayProperties?.statusSummary ?? {})) if (n > 0) count(status, n);
  }
  const final = runtime.describeJob(jobE.jobId);
  return {
    makespanSeconds: ((final.stoppedAt ?? runtime.now()) - start) / 1000,
    jobsByStatus,
    peakRunningJobs: peakRunning,
    peakInstances: runtime.peakInstances(),
    jobCount,
    finalStatus: final.status,
  };
}

export async function main(print: (line: string) => void = console.log): Promise<boolean> {
  const { summary, simulationMs } = runPipelineSimulation();
  print(`pipeline: ${summary.jobCount} jobs (parents and children), JobE ${summary.finalStatus}`);
  print(`makespan: ${(summary.makespanSeconds / 3600).toFixed(2)} h of virtual time`);
  print(`jobs per state: ${Object.entries(summary.jobsByStatus).map(([s, n]) => `${s} ${n}`).join(', ')}`);
  print(`peak running jobs: ${summary.peakRunningJobs}, peak instances: ${summary.peakInstances}`);
  print(`wall time of the simulation (synthesis excluded): ${simulationMs.toFixed(0)} ms`);
  return summary.finalStatus === 'SUCCEEDED';
}

runWhenExecuted(module, main);
