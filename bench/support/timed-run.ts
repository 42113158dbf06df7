import { LocalBatchRuntime } from '../../src';

/** What one timed run of trivial jobs measured. */
export interface TimedRun {
  /** Wall time from the first SubmitJob to the last job's end, in ms. */
  readonly ms: number;
  /** Most jobs RUNNING at once (checks the run used its whole concurrency). */
  readonly peak: number;
  /** Jobs that ended FAILED. */
  readonly failed: number;
}

/**
 * Submits `jobs` jobs of the template's `jobDefinition` (logical id) to its `Queue` and waits for all
 * of them to end; then disposes the runtime. Shared by the executor benchmarks so each times the same way.
 */
export async function timeJobs(runtime: LocalBatchRuntime, jobs: number, jobDefinition: string): Promise<TimedRun> {
  let finished = 0;
  let failed = 0;
  let running = 0;
  let peak = 0;
  const started = process.hrtime.bigint();
  const done = new Promise<void>((resolve) => {
    runtime.addJobListener({
      onStateChange: (change) => {
        if (change.status === 'RUNNING') peak = Math.max(peak, ++running);
        if (change.previousStatus === 'RUNNING') running--;
        if (change.status === 'SUCCEEDED' || change.status === 'FAILED') {
          if (change.status === 'FAILED') failed++;
          if (++finished === jobs) resolve();
        }
      },
    });
  });
  for (let i = 0; i < jobs; i++) {
    runtime.submitJob({ jobName: `true-${i}`, jobQueue: runtime.resourceArn('Queue'), jobDefinition: runtime.resourceArn(jobDefinition) });
  }
  await done;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  runtime.dispose();
  return { ms, peak, failed };
}
